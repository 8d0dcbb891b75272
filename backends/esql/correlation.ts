/**
 * ES|QL correlation queries, every Sigma type: the referenced rules' conditions or-ed in one `WHERE`, each event
 * marked with the rules it matches, a time window per event, and `STATS … BY window, <group-by>`.
 *
 * Windows. ES|QL (up to 8.14, the grammar checked) has no sliding window, and a single bucketing
 * (`DATE_TRUNC(span, @timestamp)`) misses a burst that straddles a bucket boundary. Each event therefore goes into
 * two buckets of twice the timespan, one grid shifted by the timespan against the other (`MV_EXPAND` over both
 * labels). Boundary behaviour, tested: every set of events that lies within the timespan shares at least one
 * bucket, so no burst Sigma would report is missed; events up to twice the timespan apart may share a bucket and
 * be counted together (an alert Sigma would not raise), and a burst may be reported by both grids (one alert row
 * each, with its window label).
 *
 * `temporal_ordered` compares each rule's first time with the next rule's last time in the bucket: exact for two
 * rules, a necessary condition (may over-alert) for more.
 */
import type { CorrelationType } from '../../src/rule/ast.js';
import { SigmaError } from '../../src/errors.js';
import { aliasField, correlationComparisons, type CorrelationPlan } from '../../src/rule/correlation.js';
import { positiveRules, renderExpression, type CorrelationExpression } from '../../src/rule/correlation-condition.js';
import type { BaseQueries } from '../../src/compile/correlation.js';
import { esqlField } from './fields.js';

const OPS: Readonly<Record<string, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==', neq: '!=' };
export const TIMESTAMP = '@timestamp';
export const WINDOW_COLUMN = 'sigma_window';

function unsupported(type: CorrelationType, plan: CorrelationPlan, why: string): never {
  throw new SigmaError('unsupported', `ES|QL cannot express this ${type} correlation: ${why}`, plan.correlation.source);
}

/** A number of seconds as an ES|QL time_duration literal in the largest unit that divides it. */
export function durationLiteral(seconds: number): string {
  for (const [unit, size] of [
    ['hour', 3600],
    ['minute', 60],
  ] as const) {
    if (seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** The two overlapping bucket labels of an event, as one multi-valued column expanded into two rows. */
export function windowCommands(timespanSeconds: number): string[] {
  const size = durationLiteral(2 * timespanSeconds);
  const shift = durationLiteral(timespanSeconds);
  const label = (grid: string, ts: string) => `"${grid}", TO_STRING(DATE_TRUNC(${size}, ${ts}))`;
  return [
    `EVAL ${WINDOW_COLUMN} = SPLIT(CONCAT(${label('a', TIMESTAMP)}, ${label(',b', `${TIMESTAMP} + ${shift}`)}), ",")`,
    `MV_EXPAND ${WINDOW_COLUMN}`,
  ];
}

/** The FROM line and WHERE condition of a base query this backend wrote (`FROM … | WHERE cond`). */
function splitBase(query: string, plan: CorrelationPlan): { from: string; condition: string } {
  if (!query.startsWith('FROM ')) unsupported(plan.correlation.type, plan, `base query '${query.slice(0, 40)}…' is not a FROM query`);
  const at = query.indexOf(' | WHERE ');
  if (at < 0) return { from: query, condition: 'true' };
  const rest = query.slice(at + ' | WHERE '.length);
  if (rest.includes('\n')) unsupported(plan.correlation.type, plan, 'a base query has more than one command');
  return { from: query.slice(0, at), condition: rest };
}

function valueField(plan: CorrelationPlan): string {
  const field = plan.correlation.condition?.field;
  if (!field) throw new SigmaError('correlation', `a ${plan.correlation.type} correlation needs condition.field`, plan.correlation.source);
  return field;
}

/** An extended condition (`a and not b`) over per-rule columns: `leaf(i)` is the test that rule i was seen. */
function expressionOver(plan: CorrelationPlan, e: CorrelationExpression, leaf: (i: number) => string): string {
  const index = (ref: string) => {
    const i = plan.rules.findIndex((r) => r.ref === ref || r.ruleid === ref);
    if (i < 0)
      throw new SigmaError(
        'correlation',
        `the correlation condition names '${ref}', which is not among its rules`,
        plan.correlation.source,
      );
    return i;
  };
  return renderExpression(e, {
    leaf: (ref) => leaf(index(ref)),
    and: ' AND ',
    or: ' OR ',
    not: (x) => `NOT ${x}`,
    group: (x) => `(${x})`,
    precedence: ['not', 'and', 'or'],
  });
}

/** The ES|QL query of a correlation from the base queries of its rules (plan order). */
export function esqlCorrelation(plan: CorrelationPlan, queries: BaseQueries): string {
  const c = plan.correlation;
  const chained = plan.rules.find((r) => r.plan);
  if (chained)
    unsupported(
      c.type,
      plan,
      `'${chained.ref}' is a correlation, and one ES|QL query cannot aggregate the rows of another (no subqueries)`,
    );
  const bases = plan.rules.map((_, i) => splitBase(queries[i] ?? '', plan));
  const froms = new Set(bases.map((b) => b.from));
  if (froms.size !== 1) unsupported(c.type, plan, 'its rules read different indices');
  const conds = bases.map((b) => b.condition);
  const lines: string[] = [[...froms][0] as string];
  lines.push(`WHERE ${conds.length === 1 ? conds[0] : conds.map((x) => `(${x})`).join(' OR ')}`);

  const aliasEvals: string[] = [];
  for (const alias of c.aliases.keys()) {
    const branches = plan.rules.map((r, i) => `${conds[i]}, TO_STRING(${esqlField(aliasField(c, alias, r.ruleid, r.rule))})`);
    aliasEvals.push(`${esqlField(alias)} = CASE(${branches.join(', ')})`);
  }
  if (aliasEvals.length > 0) lines.push(`EVAL ${aliasEvals.join(', ')}`);

  const by = [WINDOW_COLUMN, ...c.groupBy.map(esqlField)].join(', ');
  const where = (column: string) =>
    `WHERE ${correlationComparisons(c)
      .map(({ op, count }) => `${column} ${OPS[op]} ${count}`)
      .join(' AND ')}`;
  const each = (f: (i: number) => string) => plan.rules.map((_, i) => f(i)).join(', ');

  switch (c.type) {
    case 'event_count':
      lines.push(...windowCommands(c.timespanSeconds), `STATS sigma_event_count = COUNT(*) BY ${by}`, where('sigma_event_count'));
      break;
    case 'value_count':
      lines.push(
        ...windowCommands(c.timespanSeconds),
        `STATS sigma_value_count = COUNT_DISTINCT(${esqlField(valueField(plan))}) BY ${by}`,
        where('sigma_value_count'),
      );
      break;
    case 'temporal':
      lines.push(
        `EVAL ${each((i) => `sigma_rule_${i} = CASE(${conds[i]}, 1, 0)`)}`,
        ...windowCommands(c.timespanSeconds),
        `STATS ${each((i) => `sigma_seen_${i} = MAX(sigma_rule_${i})`)} BY ${by}`,
        ...(c.expression
          ? [`WHERE ${expressionOver(plan, c.expression, (i) => `sigma_seen_${i} == 1`)}`]
          : [`EVAL sigma_rule_count = ${each((i) => `sigma_seen_${i}`).replaceAll(', ', ' + ')}`, where('sigma_rule_count')]),
      );
      break;
    case 'temporal_ordered': {
      let order = plan.rules.slice(1).map((_, i) => `sigma_first_${i} <= sigma_last_${i + 1}`);
      let present = plan.rules.map((_, i) => `sigma_first_${i} IS NOT NULL`);
      if (c.expression) {
        // The rules the condition asks for, in the order listed: each pair that is present is in order.
        const positive = new Set(positiveRules(c.expression));
        const idx = plan.rules.flatMap((r, i) => (positive.has(r.ref) || positive.has(r.ruleid) ? [i] : []));
        order = idx.slice(1).map((b, k) => {
          const a = idx[k] as number;
          return `(sigma_first_${a} IS NULL OR sigma_first_${b} IS NULL OR sigma_first_${a} <= sigma_last_${b})`;
        });
        present = [`(${expressionOver(plan, c.expression, (i) => `sigma_first_${i} IS NOT NULL`)})`];
      }
      lines.push(
        `EVAL ${each((i) => `sigma_time_${i} = CASE(${conds[i]}, ${TIMESTAMP})`)}`,
        ...windowCommands(c.timespanSeconds),
        `STATS ${each((i) => `sigma_first_${i} = MIN(sigma_time_${i}), sigma_last_${i} = MAX(sigma_time_${i})`)} BY ${by}`,
        `WHERE ${[...present, ...order].join(' AND ')}`,
      );
      break;
    }
    case 'value_sum':
    case 'value_avg':
    case 'value_median':
    case 'value_percentile': {
      const fn =
        c.type === 'value_sum'
          ? 'SUM(sigma_value)'
          : c.type === 'value_avg'
            ? 'AVG(sigma_value)'
            : c.type === 'value_median'
              ? 'MEDIAN(sigma_value)'
              : `PERCENTILE(sigma_value, ${c.condition?.percentile ?? 50})`;
      lines.push(
        `EVAL sigma_value = TO_DOUBLE(${esqlField(valueField(plan))})`,
        ...windowCommands(c.timespanSeconds),
        `STATS sigma_${c.type} = ${fn} BY ${by}`,
        where(`sigma_${c.type}`),
      );
      break;
    }
  }
  return lines.join('\n| ');
}
