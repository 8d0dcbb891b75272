/**
 * Node-only: a `sigmaform match` worker thread (see match-run.ts). It receives the rules the calling thread
 * loaded (V8's serialization of their names and trees: cheaper than loading the files again, and the same
 * rules whatever happens to the files meanwhile), compiles them, says how many it has, then evaluates the
 * batches of events it is sent, posting each batch's printed pairs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import type { SigmaRule } from '../rule/ast.js';
import { compileEngine } from '../eval/engine.js';
import { evaluateBatch, type BatchEvaluator, type EventBatch, type MatchWorkerSpec } from './match-run.js';

const spec = workerData as MatchWorkerSpec;
let evaluator: BatchEvaluator | undefined;

/** The rules compiled, slim: nothing of their trees outlives this function. */
function build(serialized: Uint8Array): BatchEvaluator {
  const rules = deserialize(serialized) as readonly { readonly name: string; readonly rule: SigmaRule }[];
  const engine = compileEngine(
    rules.map((r) => r.rule),
    { ignoreLogsource: spec.ignoreLogsource, slim: true },
  );
  return { fired: engine.matches, matcher: engine.matcher, names: rules.map((r) => r.name) };
}

parentPort?.on('message', (m: { rules?: Uint8Array; id?: number; batch?: EventBatch }) => {
  if (m.rules !== undefined) {
    evaluator = build(m.rules);
    parentPort?.postMessage({ ready: evaluator.names.length });
  } else if (m.batch !== undefined && evaluator !== undefined)
    parentPort?.postMessage({ id: m.id, result: evaluateBatch(m.batch, evaluator, spec.format) });
});
