/**
 * Correlation queries for the three targets. Each renderer takes the resolved plan and the base queries of the
 * referenced rules (converted by the target's own backend, pipelines included) and returns one query.
 */
import type { CorrelationType } from '../rule/ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';
import {
  aliasField,
  COMPARE_SYMBOLS,
  correlationAsRule,
  correlationComparisons,
  refLabel,
  type CorrelationPlan,
} from '../rule/correlation.js';
import { positiveRules, renderExpression, type CorrelationExpression } from '../rule/correlation-condition.js';
import type { Backend, ConvertOptions, OutputFormat } from '../backend.js';
import type { Detection, DetectionItem, SigmaCorrelation, SigmaRule } from '../rule/ast.js';
import { applyPipeline } from '../pipeline/index.js';

/** The base query of each referenced rule, in plan order. */
export type BaseQueries = readonly string[];

function unsupported(target: string, type: CorrelationType, plan: CorrelationPlan, why = ''): never {
  throw new SigmaError('unsupported', `${target} cannot express a ${type} correlation${why ? `: ${why}` : ''}`, plan.correlation.source);
}

const quoted = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Alias renames of one rule: [field, alias] pairs where the rule's field differs from the alias. */
function renames(plan: CorrelationPlan, i: number): [string, string][] {
  const r = plan.rules[i];
  if (!r) return [];
  const out: [string, string][] = [];
  for (const alias of plan.correlation.aliases.keys()) {
    const field = aliasField(plan.correlation, alias, r.ruleid, r.rule);
    if (field !== alias) out.push([field, alias]);
  }
  return out;
}

function valueField(plan: CorrelationPlan): string {
  const field = plan.correlation.condition?.field;
  if (!field) throw new SigmaError('correlation', `a ${plan.correlation.type} correlation needs condition.field`, plan.correlation.source);
  return field;
}

// ───────────────────────────── Splunk ─────────────────────────────

/** One referenced rule's events labelled: `eval event_type=…` and the alias renames. */
function splunkLabel(plan: CorrelationPlan, i: number): string {
  const r = plan.rules[i];
  return `| eval event_type=${quoted(r?.ruleid ?? '')}${renames(plan, i)
    .map(([f, a]) => ` | rename ${f} as ${a}`)
    .join('')}`;
}

/**
 * The search part of a correlation. One rule: its query. Several: the reference's `| multisearch` of labelled
 * searches. A chain (a referenced correlation, whose `stats` multisearch cannot hold): the first query, then
 * `| append [ … ]` subsearches, each labelled; a referenced correlation's rows (one per firing window, at its
 * `_time` bin, with its group-by fields) are the events the outer correlation counts.
 */
function splunkSearch(plan: CorrelationPlan, queries: BaseQueries): string {
  if (plan.rules.length === 1) return queries[0] ?? '';
  if (!plan.rules.some((r) => r.plan)) {
    return '| multisearch\n' + plan.rules.map((_, i) => `[ search ${queries[i] ?? ''} ${splunkLabel(plan, i)} ]`).join('\n');
  }
  return plan.rules
    .map((_, i) => {
      const q = queries[i] ?? '';
      if (i === 0) return `${q}\n${splunkLabel(plan, i)}`;
      return `| append [ ${q.startsWith('|') ? q : `search ${q}`} ${splunkLabel(plan, i)} ]`;
    })
    .join('\n');
}

/** An extended condition in SPL, token for token as pySigma's Splunk backend writes it (`event_types="a"   NOT …`). */
function splunkExpression(plan: CorrelationPlan, e: CorrelationExpression): string {
  return renderExpression(e, {
    leaf: (ref) => `event_types=${quoted(refLabel(plan, ref))}`,
    and: '   ',
    or: ' OR ',
    not: (x) => `NOT ${x}`,
    group: (x) => `(${x})`,
    // SPL: OR binds tighter than the implicit AND (pySigma's Splunk precedence NOT, OR, AND).
    precedence: ['not', 'or', 'and'],
  });
}

/** temporal_ordered with an extended condition: each pair of named rules that are both present is in order. */
function orderPairs(plan: CorrelationPlan, e: CorrelationExpression): [number, number][] {
  const positive = new Set(positiveRules(e));
  const idx = plan.rules.flatMap((r, i) => (positive.has(r.ref) ? [i] : []));
  const out: [number, number][] = [];
  for (let a = 0; a < idx.length; a++) for (let b = a + 1; b < idx.length; b++) out.push([idx[a] as number, idx[b] as number]);
  return out;
}

/** SPL in the reference's form: search, `| bin`/`| stats`, `| search` condition. */
export function splunkCorrelation(plan: CorrelationPlan, queries: BaseQueries): string {
  const c = plan.correlation;
  const span = c.timespan.replace(/M$/, 'mon');
  const by = ['_time', ...c.groupBy].join(' ');
  const search = splunkSearch(plan, queries);
  const bin = `| bin _time span=${span}`;
  const cond = (name: string) =>
    '| search ' +
    correlationComparisons(c)
      .map(({ op, count }) => `${name} ${COMPARE_SYMBOLS[op]} ${count}`)
      .join(' ');
  let aggregate: string;
  let condition: string;
  switch (c.type) {
    case 'event_count':
      aggregate = `${bin}\n| stats count as event_count by ${by}`;
      condition = cond('event_count');
      break;
    case 'value_count':
      aggregate = `${bin}\n| stats dc(${valueField(plan)}) as value_count by ${by}`;
      condition = cond('value_count');
      break;
    case 'temporal':
      if (c.expression) {
        // pySigma's temporal_extended templates.
        aggregate = `${bin}\n| stats values(event_type) as event_types by ${by}`;
        condition = `| search ${splunkExpression(plan, c.expression)}`;
        break;
      }
      aggregate = `${bin}\n| stats dc(event_type) as event_type_count by ${by}`;
      condition = cond('event_type_count');
      break;
    case 'temporal_ordered': {
      if (c.expression) {
        const pairs = orderPairs(plan, c.expression);
        const used = [...new Set(pairs.flat())].sort((a, b) => a - b);
        const firsts = used.map(
          (i) => ` min(eval(if(event_type=${quoted(plan.rules[i]?.ruleid ?? '')}, _time, null()))) as first_time_${i}`,
        );
        aggregate = `${bin}\n| stats values(event_type) as event_types${firsts.join('')} by ${by}`;
        const order = pairs.map(([a, b]) => `(isnull(first_time_${a}) OR isnull(first_time_${b}) OR first_time_${a} <= first_time_${b})`);
        condition = `| search ${splunkExpression(plan, c.expression)}${order.length ? `\n| where ${order.join(' AND ')}` : ''}`;
        break;
      }
      const firsts = plan.rules.map((r, i) => `min(eval(if(event_type=${quoted(r.ruleid)}, _time, null()))) as first_time_${i}`).join(' ');
      aggregate = `${bin}\n| stats dc(event_type) as event_type_count ${firsts} by ${by}`;
      const order = plan.rules.slice(1).map((_, i) => `first_time_${i} <= first_time_${i + 1}`);
      condition = `| where event_type_count >= ${plan.rules.length}${order.map((o) => ` AND ${o}`).join('')}`;
      break;
    }
    case 'value_sum':
    case 'value_avg':
    case 'value_median':
    case 'value_percentile': {
      const f = valueField(plan);
      const fn =
        c.type === 'value_sum'
          ? `sum(${f})`
          : c.type === 'value_avg'
            ? `avg(${f})`
            : c.type === 'value_median'
              ? `median(${f})`
              : `perc${c.condition?.percentile ?? 50}(${f})`;
      aggregate = `${bin}\n| stats ${fn} as ${c.type} by ${by}`;
      condition = cond(c.type);
      break;
    }
  }
  return `${search}\n\n${aggregate}\n\n${condition}`;
}

// ───────────────────────────── KQL ─────────────────────────────

const KQL_OPS: Readonly<Record<string, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==', neq: '!=' };

function kqlTimespan(text: string): string {
  const m = /^(\d+)([smhdwMy])$/.exec(text);
  if (!m) return text;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'w':
      return `${n * 7}d`;
    case 'M':
      return `${n * 30}d`;
    case 'y':
      return `${n * 365}d`;
    default:
      return `${n}${m[2]}`;
  }
}

/** An extended condition in KQL over the `rules` column (`not()` is a function; `and` binds tighter than `or`). */
function kqlExpression(plan: CorrelationPlan, e: CorrelationExpression, leaf: (id: string) => string): string {
  return renderExpression(e, {
    leaf: (ref) => leaf(refLabel(plan, ref)),
    and: ' and ',
    or: ' or ',
    not: (x) => `not(${x.startsWith('(') && x.endsWith(')') ? x.slice(1, -1) : x})`,
    group: (x) => `(${x})`,
    precedence: ['not', 'and', 'or'],
  });
}

/**
 * KQL: the base queries labelled and union-ed, then `summarize … by bin(<time>, span), <group-by>`.
 * `numeric(field)` tells whether a column is a number: sum, avg and percentile of any other column (ASIM
 * documents `TargetProcessId` as a string, for one) go through `toreal()`, or Kusto refuses the query.
 */
export function kustoCorrelation(
  plan: CorrelationPlan,
  queries: BaseQueries,
  timeColumn = 'TimeGenerated',
  numeric: (field: string) => boolean = () => false,
): string {
  const c = plan.correlation;
  const labelled = plan.rules.map((r, i) => {
    const extend = [`sigma_rule = ${quoted(r.ruleid)}`, ...renames(plan, i).map(([f, a]) => `${a} = ${f}`)].join(', ');
    return `(${queries[i] ?? ''}\n| extend ${extend})`;
  });
  const search = labelled.length === 1 ? (labelled[0] as string).slice(1, -1) : `union ${labelled.join(',\n')}`;
  const by = [`bin(${timeColumn}, ${kqlTimespan(c.timespan)})`, ...c.groupBy].join(', ');
  const where = (name: string) =>
    '| where ' +
    correlationComparisons(c)
      .map(({ op, count }) => `${name} ${KQL_OPS[op]} ${count}`)
      .join(' and ');
  const number = () => {
    const field = valueField(plan);
    return numeric(field) ? field : `toreal(${field})`;
  };
  switch (c.type) {
    case 'event_count':
      return `${search}\n| summarize event_count = count() by ${by}\n${where('event_count')}`;
    case 'value_count':
      return `${search}\n| summarize value_count = dcount(${valueField(plan)}) by ${by}\n${where('value_count')}`;
    case 'temporal':
      if (c.expression) {
        const has = kqlExpression(plan, c.expression, (id) => `set_has_element(rules, ${quoted(id)})`);
        return `${search}\n| summarize rules = make_set(sigma_rule) by ${by}\n| where ${has}`;
      }
      return `${search}\n| summarize rules = make_set(sigma_rule) by ${by}\n| extend rule_count = array_length(rules)\n${where('rule_count')}`;
    case 'temporal_ordered': {
      if (c.expression) {
        const idx = (i: number) => `array_index_of(rules, ${quoted(plan.rules[i]?.ruleid ?? '')})`;
        const has = kqlExpression(plan, c.expression, (id) => `array_index_of(rules, ${quoted(id)}) >= 0`);
        const order = orderPairs(plan, c.expression).map(([a, b]) => `(${idx(a)} < 0 or ${idx(b)} < 0 or ${idx(a)} < ${idx(b)})`);
        const cond = order.length ? [`(${has})`, ...order].join(' and ') : has;
        return `${search}\n| order by ${timeColumn} asc\n| summarize rules = make_list(sigma_rule) by ${by}\n| where ${cond}`;
      }
      const idx = (id: string) => `array_index_of(rules, ${quoted(id)})`;
      const order = plan.rules.slice(1).map((r, i) => `${idx((plan.rules[i] as { ruleid: string }).ruleid)} < ${idx(r.ruleid)}`);
      const present = plan.rules.map((r) => `${idx(r.ruleid)} >= 0`);
      return `${search}\n| order by ${timeColumn} asc\n| summarize rules = make_list(sigma_rule) by ${by}\n| where ${[...present, ...order].join(' and ')}`;
    }
    case 'value_sum':
      return `${search}\n| summarize value_sum = sum(${number()}) by ${by}\n${where('value_sum')}`;
    case 'value_avg':
      return `${search}\n| summarize value_avg = avg(${number()}) by ${by}\n${where('value_avg')}`;
    case 'value_median':
      return `${search}\n| summarize value_median = percentile(${number()}, 50) by ${by}\n${where('value_median')}`;
    case 'value_percentile':
      return `${search}\n| summarize value_percentile = percentile(${number()}, ${c.condition?.percentile ?? 50}) by ${by}\n${where('value_percentile')}`;
  }
}

// ───────────────────────────── EQL ─────────────────────────────

/** The condition part of an EQL event query (`any where X` → `any where X`), checked for the form. */
function eqlSubquery(query: string, plan: CorrelationPlan): string {
  if (!/^\w+ where /.test(query))
    unsupported('EQL', plan.correlation.type, plan, `base query '${query.slice(0, 40)}…' is not an event query`);
  return `[${query}]`;
}

/** An extended condition written back in Sigma's syntax (for messages). */
const SIGMA_TOKENS = {
  leaf: (ref: string) => ref,
  and: ' and ',
  or: ' or ',
  not: (x: string) => `not ${x}`,
  group: (x: string) => `(${x})`,
  precedence: ['not', 'and', 'or'],
} as const;

const ESQL_HINT = 'convert it to ES|QL instead (-t esql), which aggregates with STATS … BY';

/**
 * EQL sequences: temporal_ordered (also with an extended condition that only and-s rule names), and event_count
 * as a run of one rule (`with runs=N`). Nothing else is exact in EQL: `sample` (unordered) has no `maxspan`, so a
 * temporal correlation is not one; counts of values and sums are aggregations EQL does not have; a sequence
 * cannot hold another correlation. Those are refused with the part that cannot be expressed and where to go.
 */
export function eqlCorrelation(plan: CorrelationPlan, queries: BaseQueries): string {
  const c = plan.correlation;
  const by = c.groupBy.length ? ` by ${c.groupBy.join(', ')}` : '';
  const head = `sequence${by} with maxspan=${c.timespan}`;
  const chained = plan.rules.find((r) => r.plan);
  if (chained) unsupported('EQL', c.type, plan, `'${chained.ref}' is a correlation, and an EQL sequence cannot contain one`);
  if (c.aliases.size > 0) unsupported('EQL', c.type, plan, 'field aliases cannot be expressed in a sequence');
  switch (c.type) {
    case 'temporal_ordered': {
      if (c.expression) {
        const e = c.expression;
        const conjunction = e.kind === 'rule' || (e.kind === 'and' && e.args.every((a) => a.kind === 'rule'));
        if (!conjunction) {
          const text = renderExpression(e, SIGMA_TOKENS);
          const op = /\bor\b/.test(text) ? 'or' : 'not';
          unsupported(
            'EQL',
            c.type,
            plan,
            `the condition '${text}' uses '${op}', and a sequence only requires all of its events in order (write 'a and b and …', or ${ESQL_HINT.replace('convert it to', 'use')})`,
          );
        }
      }
      return `${head}\n  ${plan.rules.map((_, i) => eqlSubquery(queries[i] ?? '', plan)).join('\n  ')}`;
    }
    case 'event_count': {
      if (plan.rules.length !== 1) unsupported('EQL', c.type, plan, `a run counts events of one rule only; ${ESQL_HINT}`);
      const comps = correlationComparisons(c);
      const only = comps.length === 1 ? comps[0] : undefined;
      if (!only || (only.op !== 'gte' && only.op !== 'gt'))
        unsupported('EQL', c.type, plan, `only "at least N events" (gte/gt) is expressible as a run; ${ESQL_HINT}`);
      const runs = only.op === 'gt' ? only.count + 1 : only.count;
      if (runs < 1 || runs > 100) unsupported('EQL', c.type, plan, `a run of ${runs} events is outside EQL's 1–100; ${ESQL_HINT}`);
      return `${head}\n  ${eqlSubquery(queries[0] ?? '', plan)} with runs=${runs}`;
    }
    case 'temporal':
      return unsupported('EQL', c.type, plan, `events in any order within a timespan need sample, which has no maxspan; ${ESQL_HINT}`);
    default:
      return unsupported('EQL', c.type, plan, `EQL has sequences, not aggregations; ${ESQL_HINT}`);
  }
}

/**
 * A backend's `convertCorrelation` from its `convert` and a renderer: the referenced rules are converted with the
 * same pipeline (default format), the renderer joins them, and the run's format finalizes the result.
 */
/** The first field name of a (possibly or-ed, after a one-to-many mapping) detection. */
function firstField(d: Detection | DetectionItem | undefined): string | undefined {
  if (!d) return undefined;
  if (d.kind === 'item') return d.field ?? undefined;
  return firstField(d.items[0]);
}

/**
 * The names the pipeline gives `fields` in the context of `rule` (its logsource decides the mapping): a rule
 * with one `exists` selection per field goes through the pipeline and the fields are read back.
 */
const PROBE = '__correlation_field';

function pipelineFieldNames(
  rule: SigmaRule,
  fields: readonly string[],
  options: ConvertOptions,
  where?: SourceLocation,
): Map<string, string> {
  const out = new Map(fields.map((f) => [f, f]));
  const pipeline = options.pipeline;
  if (!pipeline) return out;
  for (const field of fields) {
    const item: DetectionItem = {
      kind: 'item',
      field,
      modifiers: ['exists'],
      values: [{ kind: 'exists', exists: true }],
      linking: 'or',
      negated: false,
      applied: [],
      originalField: field,
    };
    // The rule's own selections stay: a pipeline may choose the table from them (an EventID of a `sel*`).
    const probe: SigmaRule = {
      ...rule,
      detection: {
        selections: new Map([...rule.detection.selections, [PROBE, { kind: 'detection', items: [item], linking: 'and' }]]),
        conditions: rule.detection.conditions,
      },
    };
    try {
      const processed = applyPipeline(pipeline, probe).rule.detection.selections;
      // A field the table has no column for is left out of a rule where it is an alternative; here it is the field
      // the correlation counts or groups by, so nothing can stand in for it.
      if (!processed.has(PROBE)) throw new SigmaError('unsupported', `the table has no column for '${field}'`);
      out.set(field, firstField(processed.get(PROBE)) ?? field);
    } catch (e) {
      const why = e instanceof SigmaError ? e.message : String(e);
      const at = rule.source.line ? ` (${[rule.source.file, rule.source.line].filter(Boolean).join(':')})` : '';
      throw new SigmaError(
        'unsupported',
        `correlation field '${field}' cannot be used with rule '${rule.title}'${at} on this pipeline: ${why}`,
        where ?? rule.source,
      );
    }
  }
  return out;
}

/**
 * The correlation with its field names as the pipeline maps them for each referenced rule: a group-by or value
 * field that maps to one name for every rule is renamed; one that maps to different names becomes an alias.
 */
export function mapCorrelationFields(plan: CorrelationPlan, options: ConvertOptions): CorrelationPlan {
  // A chain: the referenced correlations first; their (mapped) group-by fields are the columns they output.
  const rules = plan.rules.map((r) => (r.plan ? Object.freeze({ ...r, plan: mapCorrelationFields(r.plan, options) }) : r));
  const c = plan.correlation;
  const names = [...c.groupBy, ...(c.condition?.field ? [c.condition.field] : [])];
  if (names.length === 0 || (!options.pipeline && !rules.some((r) => r.plan)))
    return Object.freeze({ ...plan, rules: Object.freeze(rules) });
  const perRule = rules.map((r, i) => {
    const own = names.map((n) => aliasField(c, n, r.ruleid, r.rule));
    if (r.plan) {
      const original = plan.rules[i]?.plan?.correlation.groupBy ?? [];
      return new Map(
        names.map((n, k) => {
          const at = original.indexOf(own[k] as string);
          if (at < 0) {
            throw new SigmaError(
              'correlation',
              `correlation '${c.title}' uses field '${own[k]}' of '${r.ref}', a correlation whose rows have only its group-by fields (${original.join(', ') || 'none'})`,
              c.source,
            );
          }
          return [n, r.plan?.correlation.groupBy[at] ?? n];
        }),
      );
    }
    const mapped = pipelineFieldNames(r.rule, own, options, c.source);
    return new Map(names.map((n, k) => [n, mapped.get(own[k] as string) ?? n]));
  });
  const rename = new Map<string, string>();
  const aliases = new Map(c.aliases);
  for (const n of names) {
    const targets = new Set(perRule.map((m) => m.get(n) ?? n));
    if (targets.size === 1) rename.set(n, [...targets][0] as string);
    else aliases.set(n, new Map(rules.map((r, i) => [r.ruleid, perRule[i]?.get(n) ?? n])));
  }
  const renamed = (n: string) => (aliases.has(n) ? n : (rename.get(n) ?? n));
  const correlation: SigmaCorrelation = Object.freeze({
    ...c,
    groupBy: c.groupBy.map(renamed),
    ...(c.condition ? { condition: { ...c.condition, ...(c.condition.field ? { field: renamed(c.condition.field) } : {}) } } : {}),
    aliases,
  });
  return Object.freeze({ ...plan, rules: Object.freeze(rules), correlation });
}

/**
 * The rule with the correlation's group-by and value fields (by its own names) in its `fields` list, so that a
 * pipeline that computes a field (e.g. XDR's `User` as DOMAIN\\user) defines it in the rule's query too.
 */
export function withCorrelationFields(plan: CorrelationPlan, ruleid: string, rule: SigmaRule, options: ConvertOptions): SigmaRule {
  // Only a pipeline that computes fields needs them listed; elsewhere `fields` would only add output (Splunk's
  // `| table`) to a base search that pySigma writes without it.
  if (!options.pipeline?.items.some((item) => item.type === 'computed_field')) return rule;
  const c = plan.correlation;
  const names = [...c.groupBy, ...(c.condition?.field ? [c.condition.field] : [])].map((n) => aliasField(c, n, ruleid, rule));
  const missing = names.filter((n) => !(rule.fields ?? []).includes(n));
  return missing.length === 0 ? rule : Object.freeze({ ...rule, fields: Object.freeze([...(rule.fields ?? []), ...missing]) });
}

export function correlationConverter(
  convert: Backend['convert'],
  formats: Readonly<Record<string, OutputFormat>>,
  render: (plan: CorrelationPlan, queries: BaseQueries, state: Readonly<Record<string, unknown>>) => string,
): NonNullable<Backend['convertCorrelation']> {
  /**
   * The query of a mapped plan (a chain: each referenced correlation's query, recursively) and its state;
   * `original` is the same plan before field mapping, whose names the rules' own fields go by.
   */
  const renderPlan = (
    plan: CorrelationPlan,
    original: CorrelationPlan,
    options: ConvertOptions,
  ): { query: string; state: Readonly<Record<string, unknown>> } => {
    const base = plan.rules.map((r, i) => {
      const inner = original.rules[i]?.plan;
      if (r.plan && inner) {
        const rendered = renderPlan(r.plan, inner, options);
        return { queries: [rendered.query], state: rendered.state };
      }
      return convert(withCorrelationFields(original, r.ruleid, r.rule, options), { ...options, format: 'default' });
    });
    const queries = base.map((b, i) => {
      if (b.queries.length !== 1) {
        throw new SigmaError(
          'unsupported',
          `rule '${plan.rules[i]?.ruleid}' gives ${b.queries.length} queries; a correlation needs exactly one per rule`,
          plan.correlation.source,
        );
      }
      return b.queries[0] as string;
    });
    const state = base[0]?.state ?? {};
    return { query: render(plan, queries, state), state };
  };
  return (resolved, options) => {
    const plan = mapCorrelationFields(resolved, options);
    const { query: raw, state } = renderPlan(plan, resolved, options);
    const rule = correlationAsRule(plan);
    let query = raw;
    const finalize = formats[options.format ?? 'default']?.finalizeQuery;
    if (finalize) query = finalize(query, rule, state, 0);
    return Object.freeze({ rule, correlation: plan.correlation, queries: Object.freeze([query]), state });
  };
}
