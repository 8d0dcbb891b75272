/**
 * Node-only: a `sigmaform match` worker thread (see match-run.ts). It receives the rules the calling thread
 * loaded (V8's serialization of their names and trees: cheaper than loading the files again, and the same
 * rules whatever happens to the files meanwhile), builds the same evaluation (the engine, or with `-p` the
 * pipeline's; the calling thread reports the rules' errors and warnings), says how many rules it has, then
 * evaluates the batches of events it is sent, posting each batch's printed pairs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { resolvePipelines } from '../convert.js';
import { registerBuiltinBackends } from './builtins.js';
import { resolvePipelineArgs } from './pipelines.js';
import type { LoadedRule } from './match-rules.js';
import { engineEvaluation, pipelineEvaluation, type Evaluation } from './match-eval.js';
import { evaluateBatch, type EventBatch, type MatchWorkerSpec } from './match-run.js';

const spec = workerData as MatchWorkerSpec;
const quiet = (): void => undefined;
const pipeline =
  spec.pipelines !== undefined && spec.pipelines.length > 0
    ? (await registerBuiltinBackends(), resolvePipelines(undefined, await resolvePipelineArgs(spec.pipelines, spec.cwd ?? process.cwd())))
    : undefined;
let evaluator: Evaluation | undefined;

/** The rules compiled (slim without a pipeline): nothing of their trees outlives this function. */
function build(serialized: Uint8Array): Evaluation {
  const rules = deserialize(serialized) as readonly LoadedRule[];
  return pipeline
    ? pipelineEvaluation(rules, pipeline, { ...spec, loop: false }, quiet, quiet)
    : engineEvaluation(rules, { ...spec, loop: false, slim: true }, quiet);
}

parentPort?.on('message', (m: { rules?: Uint8Array; id?: number; batch?: EventBatch }) => {
  if (m.rules !== undefined) {
    evaluator = build(m.rules);
    parentPort?.postMessage({ ready: evaluator.names.length });
  } else if (m.batch !== undefined && evaluator !== undefined)
    parentPort?.postMessage({ id: m.id, result: evaluateBatch(m.batch, evaluator, spec.format) });
});
