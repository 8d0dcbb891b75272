/**
 * correlate(plan, events): evaluates a correlation rule over a time-ordered list of JSON events, without a SIEM.
 *
 * Semantics (Sigma correlation specification v2.1): events that match any referenced rule are grouped by the
 * `group-by` fields (through `aliases` per rule); within each group, every window of `timespan` seconds that
 * starts at a matching event is examined, and a window whose aggregate satisfies the condition is reported.
 * Overlapping windows that fire are reported once, at the first event that starts one.
 */
import type { SigmaCorrelation, SigmaDocument } from '../rule/ast.js';
import { SigmaError } from '../errors.js';
import { aliasField, correlationComparisons, resolveCorrelation, type CorrelationPlan } from '../rule/correlation.js';
import { compileMatcher, type MatchOptions } from './match.js';
import type { Pipeline } from '../pipeline/index.js';
import { mapCorrelationFields, withCorrelationFields } from '../compile/correlation.js';
import { applyPipelineForMatch, queryTable, tableFilter } from './pipeline.js';
import { evaluateExpression, positiveRules, type CorrelationExpression } from '../rule/correlation-condition.js';
import { indexEventCached, type IndexedEvent } from './fields.js';

export interface CorrelateOptions extends MatchOptions {
  /** Fields holding the event time, tried in order (ISO-8601 text or epoch seconds/milliseconds). */
  readonly timeFields?: readonly string[];
  /**
   * A processing pipeline (`match -p`): events are rows of the target's tables, the referenced rules are evaluated
   * as the pipeline converts them (computed fields included) and the group-by and value fields go by the names the
   * pipeline gives them for each rule, as in the converted query.
   */
  readonly pipeline?: Pipeline;
}

export interface CorrelationHit {
  /** Group-by values (alias or field name → value). */
  readonly group: Readonly<Record<string, string>>;
  /** Window start and end (epoch milliseconds) and the indices of the events in the window. */
  readonly start: number;
  readonly end: number;
  readonly events: readonly number[];
  /** The aggregate that satisfied the condition (count, distinct values, sum …; rule count for temporal). */
  readonly value: number;
}

export const DEFAULT_TIME_FIELDS = [
  '@timestamp',
  'timestamp',
  'TimeCreated',
  'SystemTime',
  // The Windows event JSON form (SigmaHQ's regression data): Event.System.TimeCreated's SystemTime attribute.
  'TimeCreated_SystemTime',
  'UtcTime',
  '_time',
  'TimeGenerated',
  'Timestamp',
  'time',
];

/** One occurrence of a referenced rule: a matching event, or (chains) a firing window of a referenced correlation. */
interface Hit {
  readonly index: number; // event index (first event of the window for a chained correlation): ties in time
  readonly time: number;
  readonly rule: number; // index of the matching referenced rule
  readonly events: readonly number[];
  /** A field of the event (for a chained correlation: one of its group-by fields). */
  readonly field: (name: string) => string | undefined;
}

function eventTime(event: IndexedEvent, fields: readonly string[], index: number): number {
  for (const f of fields) {
    const v = event.get(f)?.[0]?.raw;
    if (typeof v === 'number') return v > 1e11 ? v : v * 1000;
    if (typeof v === 'string') {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) return t;
    }
  }
  throw new SigmaError('value', `event ${index} has no time in any of the fields ${fields.join(', ')}`);
}

function firstText(event: IndexedEvent, field: string): string | undefined {
  const v = event.get(field)?.[0];
  return v?.text ?? undefined;
}

function aggregate(c: SigmaCorrelation, window: readonly Hit[], plan: CorrelationPlan): number {
  const field = c.condition?.field;
  const fieldOf = (h: Hit): string | undefined => {
    if (!field) return undefined;
    const r = plan.rules[h.rule];
    return r ? h.field(aliasField(c, field, r.ruleid, r.rule)) : undefined;
  };
  const numbers = (): number[] =>
    window
      .map(fieldOf)
      .map(Number)
      .filter((n) => Number.isFinite(n));
  switch (c.type) {
    case 'event_count':
      return window.length;
    case 'value_count':
      return new Set(window.map(fieldOf).filter((v) => v !== undefined)).size;
    case 'temporal':
      return new Set(window.map((h) => h.rule)).size;
    case 'temporal_ordered': {
      // Length of the longest prefix of the rule order seen in sequence within the window.
      let next = 0;
      for (const h of window) if (h.rule === next) next++;
      return next;
    }
    case 'value_sum':
      return numbers().reduce((a, b) => a + b, 0);
    case 'value_avg': {
      const n = numbers();
      return n.length ? n.reduce((a, b) => a + b, 0) / n.length : 0;
    }
    case 'value_median':
    case 'value_percentile': {
      const n = numbers().sort((a, b) => a - b);
      if (n.length === 0) return 0;
      const p = c.type === 'value_median' ? 50 : (c.condition?.percentile ?? 50);
      const rank = Math.max(0, Math.ceil((p / 100) * n.length) - 1);
      return n[rank] ?? 0;
    }
  }
}

function satisfies(value: number, c: SigmaCorrelation): boolean {
  return correlationComparisons(c).every(({ op, count }) => {
    switch (op) {
      case 'gt':
        return value > count;
      case 'gte':
        return value >= count;
      case 'lt':
        return value < count;
      case 'lte':
        return value <= count;
      case 'eq':
        return value === count;
      case 'neq':
        return value !== count;
    }
  });
}

/**
 * An extended condition over the rules seen in a window. temporal_ordered: besides, the rules the condition names
 * outside any `not` that are present occur in the window in the order of `rules` (as a subsequence).
 */
function extendedFires(plan: CorrelationPlan, expression: CorrelationExpression, window: readonly Hit[]): boolean {
  const seen = new Set(window.map((h) => plan.rules[h.rule]?.ref));
  if (!evaluateExpression(expression, (ref) => seen.has(ref))) return false;
  if (plan.correlation.type !== 'temporal_ordered') return true;
  const positive = new Set(positiveRules(expression));
  const order = plan.rules.flatMap((r, i) => (positive.has(r.ref) && seen.has(r.ref) ? [i] : []));
  let next = 0;
  for (const h of window) if (h.rule === order[next]) next++;
  return next === order.length;
}

/** The occurrences of every referenced rule in the events (matches; for a chained correlation, its windows). */
function ruleHits(
  plan: CorrelationPlan,
  original: CorrelationPlan,
  events: readonly unknown[],
  options: CorrelateOptions,
  timeFields: readonly string[],
): Hit[][] {
  // With a pipeline: each rule as it lands on the target, on the event extended with its computed fields. The
  // correlation's fields are listed in the rule first (by its own names), so that a field the pipeline computes
  // (XDR's User as DOMAIN\\user) is computed for it, as the converted query defines it.
  const pipeline = options.pipeline;
  const processed = plan.rules.map((r) =>
    pipeline === undefined || r.plan !== undefined
      ? undefined
      : applyPipelineForMatch(withCorrelationFields(original, r.ruleid, r.rule, { pipeline }), pipeline),
  );
  // Rows that say their table meet only the rules whose query reads it (pipeline.ts, tableFilter).
  const onTable = tableFilter(
    processed.map((p) => (p === undefined ? undefined : queryTable(p))),
    options.table,
  );
  return plan.rules.map((r, rule) => {
    if (r.plan) {
      return correlateResolved(r.plan, events, options, original.rules[rule]?.plan ?? r.plan).map((hit) => ({
        index: hit.events[0] ?? 0,
        time: hit.start,
        rule,
        events: hit.events,
        field: (name: string) => hit.group[name],
      }));
    }
    const landed = processed[rule];
    const matcher = compileMatcher(landed?.rule ?? r.rule, options);
    const hits: Hit[] = [];
    events.forEach((raw, index) => {
      const event = indexEventCached(landed !== undefined ? landed.extend(raw) : raw);
      if (onTable !== undefined && !onTable(event, rule)) return;
      if (!matcher.test(event)) return;
      hits.push({ index, time: eventTime(event, timeFields, index), rule, events: [index], field: (name) => firstText(event, name) });
    });
    return hits;
  });
}

/** Evaluates a correlation (resolved against `documents`) over events; returns the windows that fire. */
export function correlate(
  correlation: SigmaCorrelation | CorrelationPlan,
  events: readonly unknown[],
  options: CorrelateOptions & { readonly documents?: readonly SigmaDocument[] } = {},
): CorrelationHit[] {
  const resolved = 'correlation' in correlation ? correlation : resolveCorrelation(correlation, options.documents ?? []);
  // Group-by and value fields by the pipeline's names for them, per referenced rule (aliases where they differ).
  const plan = options.pipeline !== undefined ? mapCorrelationFields(resolved, { pipeline: options.pipeline }) : resolved;
  return correlateResolved(plan, events, options, resolved);
}

/** A chain groups by fields its referenced correlations output (their group-by fields); checked before any event. */
function checkChainFields(plan: CorrelationPlan): void {
  const c = plan.correlation;
  for (const r of plan.rules) {
    if (!r.plan) continue;
    const inner = r.plan.correlation;
    for (const name of [...c.groupBy, ...(c.condition?.field ? [c.condition.field] : [])]) {
      const field = aliasField(c, name, r.ruleid, r.rule);
      if (!inner.groupBy.includes(field)) {
        throw new SigmaError(
          'correlation',
          `correlation '${c.title}' uses field '${field}' of '${r.ref}', a correlation that groups only by ${inner.groupBy.join(', ') || 'nothing'}`,
          c.source,
        );
      }
    }
  }
}

/** `original`: the plan before its fields were mapped through the pipeline (the rules' own names). */
function correlateResolved(
  plan: CorrelationPlan,
  events: readonly unknown[],
  options: CorrelateOptions,
  original: CorrelationPlan = plan,
): CorrelationHit[] {
  const c = plan.correlation;
  checkChainFields(plan);
  const timeFields = options.timeFields ?? DEFAULT_TIME_FIELDS;

  const groups = new Map<string, { group: Record<string, string>; hits: Hit[] }>();
  for (const hits of ruleHits(plan, original, events, options, timeFields)) {
    for (const hit of hits) {
      const r = plan.rules[hit.rule];
      if (!r) continue;
      const group: Record<string, string> = {};
      for (const g of c.groupBy) group[g] = hit.field(aliasField(c, g, r.ruleid, r.rule)) ?? '';
      const key = JSON.stringify(group);
      let entry = groups.get(key);
      if (!entry) groups.set(key, (entry = { group, hits: [] }));
      entry.hits.push(hit);
    }
  }

  const span = c.timespanSeconds * 1000;
  const out: CorrelationHit[] = [];
  for (const { group, hits } of groups.values()) {
    hits.sort((a, b) => a.time - b.time || a.index - b.index || a.rule - b.rule);
    let coveredUntil = -Infinity;
    for (let i = 0; i < hits.length; i++) {
      const start = (hits[i] as Hit).time;
      if (start <= coveredUntil) continue;
      const window: Hit[] = [];
      for (let j = i; j < hits.length && (hits[j] as Hit).time <= start + span; j++) window.push(hits[j] as Hit);
      const value = aggregate(c, window, plan);
      const fires = c.expression
        ? extendedFires(plan, c.expression, window)
        : c.type === 'temporal_ordered'
          ? value === plan.rules.length && satisfies(value, c)
          : satisfies(value, c);
      if (fires) {
        const end = (window[window.length - 1] as Hit).time;
        const indices = [...new Set(window.flatMap((h) => h.events))].sort((a, b) => a - b);
        out.push({ group, start, end, events: indices, value });
        coveredUntil = end;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
