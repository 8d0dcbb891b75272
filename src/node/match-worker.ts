/**
 * Node-only: a `sigmaform match` worker thread (see match-run.ts). It loads and compiles the same rules as the
 * calling thread (which reports their errors: this thread stays silent about them), says how many it has, then
 * evaluates the batches of events it is sent, posting each batch's printed pairs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileEngine } from '../eval/engine.js';
import { loadRuleFiles } from './match-rules.js';
import { evaluateBatch, type BatchEvaluator, type EventBatch, type MatchWorkerSpec } from './match-run.js';

const spec = workerData as MatchWorkerSpec;

/** The rules compiled, slim: nothing of their trees outlives this function. */
function build(): { evaluator: BatchEvaluator; rules: number } {
  const { rules } = loadRuleFiles(spec.ruleFiles, spec.cwd, () => undefined);
  const engine = compileEngine(
    rules.map((r) => r.rule),
    { ignoreLogsource: spec.ignoreLogsource, slim: true },
  );
  return { evaluator: { fired: engine.matches, matcher: engine.matcher, names: rules.map((r) => r.name) }, rules: rules.length };
}

const { evaluator, rules } = build();
parentPort?.on('message', (m: { id: number; batch: EventBatch }) =>
  parentPort?.postMessage({ id: m.id, result: evaluateBatch(m.batch, evaluator, spec.format) }),
);
parentPort?.postMessage({ ready: rules });
