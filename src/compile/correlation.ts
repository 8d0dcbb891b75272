/**
 * Correlation queries for the three targets. Each renderer takes the resolved plan and the base queries of the
 * referenced rules (converted by the target's own backend, pipelines included) and returns one query.
 */
import type { CorrelationType } from '../rule/ast.js';
import { SigmaError } from '../errors.js';
import { aliasField, COMPARE_SYMBOLS, correlationAsRule, correlationComparisons, type CorrelationPlan } from '../rule/correlation.js';
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

/** SPL in the reference's form: search, `| bin`/`| stats`, `| search` condition. */
export function splunkCorrelation(plan: CorrelationPlan, queries: BaseQueries): string {
  const c = plan.correlation;
  const span = c.timespan.replace(/M$/, 'mon');
  const by = ['_time', ...c.groupBy].join(' ');
  const search =
    plan.rules.length === 1
      ? (queries[0] ?? '')
      : '| multisearch\n' +
        plan.rules
          .map(
            (r, i) =>
              `[ search ${queries[i] ?? ''} | eval event_type=${quoted(r.ruleid)}${renames(plan, i)
                .map(([f, a]) => ` | rename ${f} as ${a}`)
                .join('')} ]`,
          )
          .join('\n');
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
      aggregate = `${bin}\n| stats dc(event_type) as event_type_count by ${by}`;
      condition = cond('event_type_count');
      break;
    case 'temporal_ordered': {
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
      return `${search}\n| summarize rules = make_set(sigma_rule) by ${by}\n| extend rule_count = array_length(rules)\n${where('rule_count')}`;
    case 'temporal_ordered': {
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

/** EQL sequences: temporal_ordered, and event_count as a run of one rule (`with runs=N`). */
export function eqlCorrelation(plan: CorrelationPlan, queries: BaseQueries): string {
  const c = plan.correlation;
  const by = c.groupBy.length ? ` by ${c.groupBy.join(', ')}` : '';
  const head = `sequence${by} with maxspan=${c.timespan}`;
  if (c.aliases.size > 0) unsupported('EQL', c.type, plan, 'field aliases cannot be expressed in a sequence');
  switch (c.type) {
    case 'temporal_ordered':
      return `${head}\n  ${plan.rules.map((_, i) => eqlSubquery(queries[i] ?? '', plan)).join('\n  ')}`;
    case 'event_count': {
      if (plan.rules.length !== 1) unsupported('EQL', c.type, plan, 'a run counts events of one rule only');
      const comps = correlationComparisons(c);
      const only = comps.length === 1 ? comps[0] : undefined;
      if (!only || (only.op !== 'gte' && only.op !== 'gt'))
        unsupported('EQL', c.type, plan, 'only "at least N events" (gte/gt) is expressible as a run');
      const runs = only.op === 'gt' ? only.count + 1 : only.count;
      if (runs < 1 || runs > 100) unsupported('EQL', c.type, plan, `a run of ${runs} events is outside EQL's 1–100`);
      return `${head}\n  ${eqlSubquery(queries[0] ?? '', plan)} with runs=${runs}`;
    }
    default:
      return unsupported('EQL', c.type, plan, 'EQL sequences express ordered events and runs, not aggregations');
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
function pipelineFieldNames(rule: SigmaRule, fields: readonly string[], options: ConvertOptions): Map<string, string> {
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
    const probe: SigmaRule = {
      ...rule,
      detection: {
        selections: new Map([['field', { kind: 'detection', items: [item], linking: 'and' }]]),
        conditions: [{ text: 'field', tree: { kind: 'ref', name: 'field', offset: 0 } }],
      },
    };
    try {
      out.set(field, firstField(applyPipeline(pipeline, probe).rule.detection.selections.get('field')) ?? field);
    } catch (e) {
      const why = e instanceof SigmaError ? e.message : String(e);
      throw new SigmaError(
        'unsupported',
        `correlation field '${field}' cannot be used with rule '${rule.title}' on this pipeline: ${why}`,
        rule.source,
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
  const c = plan.correlation;
  const names = [...c.groupBy, ...(c.condition?.field ? [c.condition.field] : [])];
  if (!options.pipeline || names.length === 0) return plan;
  const perRule = plan.rules.map((r) => {
    const own = names.map((n) => aliasField(c, n, r.ruleid, r.rule));
    const mapped = pipelineFieldNames(r.rule, own, options);
    return new Map(names.map((n, i) => [n, mapped.get(own[i] as string) ?? n]));
  });
  const rename = new Map<string, string>();
  const aliases = new Map(c.aliases);
  for (const n of names) {
    const targets = new Set(perRule.map((m) => m.get(n) ?? n));
    if (targets.size === 1) rename.set(n, [...targets][0] as string);
    else aliases.set(n, new Map(plan.rules.map((r, i) => [r.ruleid, perRule[i]?.get(n) ?? n])));
  }
  const renamed = (n: string) => (aliases.has(n) ? n : (rename.get(n) ?? n));
  const correlation: SigmaCorrelation = Object.freeze({
    ...c,
    groupBy: c.groupBy.map(renamed),
    ...(c.condition ? { condition: { ...c.condition, ...(c.condition.field ? { field: renamed(c.condition.field) } : {}) } } : {}),
    aliases,
  });
  return Object.freeze({ ...plan, correlation });
}

/**
 * The rule with the correlation's group-by and value fields (by its own names) in its `fields` list, so that a
 * pipeline that computes a field (e.g. XDR's `User` as DOMAIN\\user) defines it in the rule's query too.
 */
function withCorrelationFields(plan: CorrelationPlan, ruleid: string, rule: SigmaRule): SigmaRule {
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
  return (resolved, options) => {
    const plan = mapCorrelationFields(resolved, options);
    const base = plan.rules.map((r) => convert(withCorrelationFields(resolved, r.ruleid, r.rule), { ...options, format: 'default' }));
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
    const rule = correlationAsRule(plan);
    let query = render(plan, queries, state);
    const finalize = formats[options.format ?? 'default']?.finalizeQuery;
    if (finalize) query = finalize(query, rule, state, 0);
    return Object.freeze({ rule, correlation: plan.correlation, queries: Object.freeze([query]), state });
  };
}
