/**
 * Evaluating a rule as it lands on a target: the processing pipeline applied first (fields mapped to the
 * target's columns, values rewritten, inexpressible alternatives left out), then the computed fields the
 * pipeline declares (src/pipeline/computed.ts) added to each event the way the query computes them (KQL
 * `extend`), so the evaluator answers "does the converted query fire on this row of the target table".
 */
import type { SigmaRule } from '../rule/ast.js';
import { applyPipeline, computedFields, computeField, pipelineWarnings } from '../pipeline/index.js';
import type { ComputedField, Pipeline, PipelineWarning } from '../pipeline/index.js';
import { indexEventCached } from './fields.js';
import { compileMatcher, type Matcher, type MatchOptions } from './match.js';

/** What the evaluator needs of a rule processed for a target. */
export interface PipelineRule {
  /** The rule after the pipeline: the target's field names and values. */
  readonly rule: SigmaRule;
  /** The pipeline state (query_table …). */
  readonly state: Readonly<Record<string, unknown>>;
  /** Fields computed from the target's columns, in the order the query defines them. */
  readonly computed: readonly ComputedField[];
  /** Alternatives left out because the target cannot express them. */
  readonly warnings: readonly PipelineWarning[];
  /** The event with the computed fields added (the same object when there are none). */
  readonly extend: (event: unknown) => unknown;
}

/** Applies `pipeline` to `rule` for evaluation. Throws SigmaError when the pipeline refuses the rule. */
export function applyPipelineForMatch(rule: SigmaRule, pipeline: Pipeline): PipelineRule {
  const processed = applyPipeline(pipeline, rule);
  const computed = computedFields(processed.state);
  // The last event extended (asked again by the matchers of the rules that fired): one entry, not a WeakMap of
  // every event, whose ephemerons every minor garbage collection traces (fields.ts, indexEventCached).
  let lastRaw: object | undefined;
  let lastOut: unknown;
  const extend = (event: unknown): unknown => {
    if (computed.length === 0) return event;
    const indexed = indexEventCached(event);
    const raw = indexed.event;
    if (typeof raw !== 'object' || raw === null) return event;
    if (raw === lastRaw) return lastOut;
    const column = (name: string): string | undefined => indexed.get(name)?.[0]?.text ?? undefined;
    const added: Record<string, string> = {};
    for (const f of computed) added[f.name] = computeField(f.expression, column);
    const out = { ...(raw as Record<string, unknown>), ...added };
    lastRaw = raw;
    lastOut = out;
    return out;
  };
  return Object.freeze({ rule: processed.rule, state: processed.state, computed, warnings: pipelineWarnings(processed.state), extend });
}

/**
 * A matcher for `rule` as `pipeline` converts it: events are rows of the target's tables (DeviceProcessEvents,
 * imRegistry …), from the rule or from what `applyPipelineForMatch` made of it. Throws SigmaError when the
 * pipeline refuses the rule.
 */
export function compilePipelineMatcher(rule: SigmaRule | PipelineRule, pipeline: Pipeline, options: MatchOptions = {}): Matcher {
  // A rule already processed (`applyPipelineForMatch`, e.g. to read its warnings first) is not processed again.
  const processed = 'extend' in rule ? rule : applyPipelineForMatch(rule, pipeline);
  const inner = compileMatcher(processed.rule, options);
  if (processed.computed.length === 0) return inner;
  const full = (event: unknown) => inner(processed.extend(event));
  return Object.freeze(Object.assign(full, { test: (event: unknown) => inner.test(processed.extend(event)), rule: inner.rule }));
}
