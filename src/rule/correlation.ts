/**
 * Correlation rules: resolving the rules a correlation refers to, and the pieces every backend's correlation
 * renderer needs (comparison operators, group-by fields with aliases).
 */
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from './ast.js';
import { SigmaError } from '../errors.js';

export interface CorrelatedRule {
  /** How the correlation names the rule (its `name`, else its id): the event type label in queries. */
  readonly ruleid: string;
  readonly rule: SigmaRule;
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
  if (out.length === 0 && (c.type === 'temporal' || c.type === 'temporal_ordered')) out.push({ op: 'gte', count: c.rules.length });
  return out;
}

/** Finds the rules a correlation refers to (by name or id) among documents; errors name the missing one. */
export function resolveCorrelation(correlation: SigmaCorrelation, documents: readonly SigmaDocument[]): CorrelationPlan {
  const rules: CorrelatedRule[] = correlation.rules.map((ref) => {
    const doc = documents.find((d) => d.name === ref || d.id === ref);
    if (!doc) {
      throw new SigmaError(
        'correlation',
        `correlation '${correlation.title}' refers to rule '${ref}', which is not among the converted rules`,
        correlation.source,
      );
    }
    if (doc.kind !== 'rule') {
      throw new SigmaError(
        'unsupported',
        `correlation '${correlation.title}' refers to '${ref}', a ${doc.kind}; correlations of correlations are not supported`,
        correlation.source,
      );
    }
    return { ruleid: doc.name ?? doc.id ?? ref, rule: doc };
  });
  return Object.freeze({ correlation, rules: Object.freeze(rules) });
}

/** The field a rule contributes for an alias (or the alias itself when the rule has no mapping for it). */
export function aliasField(correlation: SigmaCorrelation, alias: string, ruleid: string, rule: SigmaRule): string {
  const mapping = correlation.aliases.get(alias);
  if (!mapping) return alias;
  return mapping.get(ruleid) ?? (rule.id ? mapping.get(rule.id) : undefined) ?? (rule.name ? mapping.get(rule.name) : undefined) ?? alias;
}

/** Ids and names of the rules that correlations refer to and that should not be output on their own. */
export function hiddenByCorrelations(documents: readonly SigmaDocument[]): Set<SigmaRule> {
  const hidden = new Set<SigmaRule>();
  for (const d of documents) {
    if (d.kind !== 'correlation' || d.generate) continue;
    for (const ref of d.rules) {
      const rule = documents.find((r): r is SigmaRule => r.kind === 'rule' && (r.name === ref || r.id === ref));
      if (rule) hidden.add(rule);
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
    ...meta
  } = plan.correlation;
  return Object.freeze({
    ...meta,
    kind: 'rule',
    logsource: plan.rules[0]?.rule.logsource ?? {},
    detection: Object.freeze({ selections: new Map(), conditions: Object.freeze([]) }),
  });
}
