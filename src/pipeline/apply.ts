/**
 * Running pipelines: combining several by priority, applying one to a rule (pure: a new rule, the state and
 * the applied item ids), and post-processing a backend's query with the pipeline's postprocessing items.
 */
import type { SigmaRule } from '../rule/ast.js';
import { applyItems, applyPostprocessing, newRun } from './run.js';
import { parsePipeline } from './parse.js';
import type { Pipeline, PipelineDocument, ProcessingResult, Run } from './types.js';

/**
 * One pipeline running the given ones in priority order (lower first; equal priorities keep their order),
 * like `sigma convert -p a -p b`. Variables are merged, later pipelines overriding earlier ones.
 */
export function combinePipelines(pipelines: readonly Pipeline[]): Pipeline {
  if (pipelines.length === 1) return pipelines[0] as Pipeline;
  const ordered = pipelines
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.priority - b.p.priority || a.i - b.i)
    .map((x) => x.p);
  const names = ordered.map((p) => p.name).filter((n): n is string => n !== undefined);
  return Object.freeze({
    kind: 'pipeline',
    ...(names.length ? { name: names.join(' + ') } : {}),
    priority: ordered.length ? Math.min(...ordered.map((p) => p.priority)) : 0,
    vars: Object.freeze(Object.assign({}, ...ordered.map((p) => p.vars)) as Record<string, unknown>),
    allowedBackends: Object.freeze([]),
    items: Object.freeze(ordered.flatMap((p) => p.items)),
    postprocessing: Object.freeze(ordered.flatMap((p) => p.postprocessing)),
    finalizers: Object.freeze(ordered.flatMap((p) => p.finalizers)),
  });
}

/**
 * Applies the pipeline to a rule. Pure: the rule is not changed; the result holds the transformed rule,
 * the pipeline state backends read (query_table, data_model_set …) and the ids of the items that applied.
 * Throws SigmaError('pipeline-failure') when a rule_failure / detection_item_failure item fires.
 */
export function applyPipeline(pipeline: Pipeline, rule: SigmaRule): ProcessingResult {
  const run = newRun(pipeline.vars);
  const out = applyItems(pipeline.items, rule, run);
  return Object.freeze({ rule: out, state: Object.freeze({ ...run.state }), applied: Object.freeze([...run.ruleApplied]) });
}

/** Applies the pipeline's postprocessing items (rule conditions only) to one query of a processed rule. */
export function postprocessQuery(pipeline: Pipeline, result: ProcessingResult, query: string): string {
  if (pipeline.postprocessing.length === 0) return query;
  const run: Run = { state: { ...result.state }, vars: pipeline.vars, ruleApplied: new Set(result.applied), fieldApplied: new Map() };
  return applyPostprocessing(pipeline.postprocessing, query, result.rule, run);
}

/** A named pipeline's builder: parses `document` on first use and returns the same Pipeline afterwards. */
export function lazyPipeline(document: PipelineDocument, file?: string): () => Pipeline {
  let built: Pipeline | undefined;
  return () => (built ??= parsePipeline(document, file !== undefined ? { file } : undefined));
}
