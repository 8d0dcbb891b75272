/**
 * Correlation rules: resolving the rules a correlation refers to, and the pieces every backend's correlation
 * renderer needs (comparison operators, group-by fields with aliases).
 */
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from './ast.js';
import { SigmaError } from '../errors.js';

export interface CorrelatedRule {
  /** How the correlation names the rule (its `name`, else its id): the event type label in queries. */
  readonly ruleid: string;
  /** The reference as the correlation writes it (name or id), as its extended condition names it. */
  readonly ref: string;
  /** The rule; for a referenced correlation, its metadata as a rule (see `plan`). */
  readonly rule: SigmaRule;
  /** A chain: the referenced document is itself a correlation, resolved. Its firing windows are its events. */
  readonly plan?: CorrelationPlan;
}

export interface CorrelationPlan {
  readonly correlation: SigmaCorrelation;
  readonly rules: readonly CorrelatedRule[];
}

export type CompareOperator = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';
export const COMPARE_OPERATORS: readonly CompareOperator[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'];
export const COMPARE_SYMBOLS: Readonly<Record<CompareOperator, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', neq: '!=' };

/** The comparisons of a correlation's condition, in a stable order. Temporal types compare the rule count. */
export function correlationComparisons(c: SigmaCorrelation): { op: CompareOperator; count: number }[] {
  const out: { op: CompareOperator; count: number }[] = [];
  for (const op of COMPARE_OPERATORS) {
    const v = c.condition?.[op];
    if (v !== undefined) out.push({ op, count: v });
  }
  if (out.length === 0 && !c.expression && (c.type === 'temporal' || c.type === 'temporal_ordered'))
    out.push({ op: 'gte', count: c.rules.length });
  return out;
}

/** The label (`ruleid`) of the referenced rule that a reference in an extended condition names. */
export function refLabel(plan: CorrelationPlan, ref: string): string {
  return plan.rules.find((r) => r.ref === ref)?.ruleid ?? ref;
}

/** How deep correlations may refer to correlations. */
export const MAX_CHAIN_DEPTH = 16;

/**
 * Finds the rules a correlation refers to (by name or id) among documents, and, for a chain, the correlations it
 * refers to with their own rules; errors name the missing reference, or the cycle.
 */
export function resolveCorrelation(
  correlation: SigmaCorrelation,
  documents: readonly SigmaDocument[],
  seen: readonly SigmaCorrelation[] = [],
): CorrelationPlan {
  const chain = [...seen, correlation];
  if (chain.length > MAX_CHAIN_DEPTH) {
    throw new SigmaError(
      'limit',
      `correlation '${correlation.title}' is part of a chain deeper than ${MAX_CHAIN_DEPTH}`,
      correlation.source,
    );
  }
  const rules: CorrelatedRule[] = correlation.rules.map((ref) => {
    const doc = documents.find((d) => d.kind !== 'filter' && (d.name === ref || d.id === ref));
    if (!doc) {
      throw new SigmaError(
        'correlation',
        `correlation '${correlation.title}' refers to rule '${ref}', which is not among the converted rules`,
        correlation.source,
      );
    }
    if (doc.kind === 'correlation') {
      if (chain.includes(doc)) {
        throw new SigmaError(
          'correlation',
          `correlation '${correlation.title}' refers to '${ref}', which refers back to it (${[...chain, doc].map((c) => c.name ?? c.id ?? c.title).join(' → ')})`,
          correlation.source,
        );
      }
      const plan = resolveCorrelation(doc, documents, chain);
      return Object.freeze({ ruleid: doc.name ?? doc.id ?? ref, ref, rule: correlationAsRule(plan), plan });
    }
    if (doc.kind !== 'rule') throw new SigmaError('internal', `unexpected ${doc.kind} '${ref}'`, correlation.source);
    return Object.freeze({ ruleid: doc.name ?? doc.id ?? ref, ref, rule: doc });
  });
  return Object.freeze({ correlation, rules: Object.freeze(rules) });
}

/** The field a rule contributes for an alias (or the alias itself when the rule has no mapping for it). */
export function aliasField(correlation: SigmaCorrelation, alias: string, ruleid: string, rule: SigmaRule): string {
  const mapping = correlation.aliases.get(alias);
  if (!mapping) return alias;
  return mapping.get(ruleid) ?? (rule.id ? mapping.get(rule.id) : undefined) ?? (rule.name ? mapping.get(rule.name) : undefined) ?? alias;
}

/**
 * The documents that correlations refer to and that are not output on their own: every rule or correlation a
 * correlation names, unless that correlation says `generate: true` (sigma-cli/pySigma: referenced rules give no
 * query of their own unless asked).
 */
export function hiddenByCorrelations(documents: readonly SigmaDocument[]): Set<SigmaDocument> {
  const hidden = new Set<SigmaDocument>();
  for (const d of documents) {
    if (d.kind !== 'correlation' || d.generate) continue;
    for (const ref of d.rules) {
      const doc = documents.find((r) => r.kind !== 'filter' && r !== d && (r.name === ref || r.id === ref));
      if (doc) hidden.add(doc);
    }
  }
  return hidden;
}

/** A correlation's metadata shaped as a rule (for pack writers and result records). */
export function correlationAsRule(plan: CorrelationPlan): SigmaRule {
  const {
    kind: _kind,
    type: _type,
    rules: _rules,
    groupBy: _g,
    timespan: _t,
    timespanSeconds: _ts,
    condition: _c,
    aliases: _a,
    generate: _gen,
    expression: _e,
    ...meta
  } = plan.correlation;
  return Object.freeze({
    ...meta,
    kind: 'rule',
    logsource: plan.rules[0]?.rule.logsource ?? {},
    detection: Object.freeze({ selections: new Map(), conditions: Object.freeze([]) }),
  });
}
