/**
 * Built-in rule conditions (pySigma names): logsource, contains_detection_item, contains_field,
 * processing_item_applied, processing_state, is_sigma_rule, is_sigma_correlation_rule, rule_attribute, tag.
 */
import { z } from 'zod';
import type { ConditionDefinition } from '../types.js';
import { detectionItems } from '../walk.js';
import { compareValues, sameValue, sigmaValueOf, type CompareOperator } from '../values.js';

const optionalName = z.string().nullish();
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const stateOp = z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt']);

type RuleDef<P> = ConditionDefinition<'rule', P>;

export const logsource: RuleDef<{ category?: string | null; product?: string | null; service?: string | null }> = {
  params: z.strictObject({ category: optionalName, product: optionalName, service: optionalName }),
  compile: ({ category, product, service }) => {
    return (rule) =>
      (category == null || rule.logsource.category === category) &&
      (product == null || rule.logsource.product === product) &&
      (service == null || rule.logsource.service === service);
  },
};

export const containsDetectionItem: RuleDef<{ field: string | null; value: string | number | boolean }> = {
  params: z.strictObject({ field: z.string().nullable(), value: scalar }),
  compile: ({ field, value }) => {
    const wanted = sigmaValueOf(value);
    return (rule) => {
      for (const item of detectionItems(rule)) {
        if (item.field !== null && item.field === field && item.values.some((v) => sameValue(v, wanted))) return true;
      }
      return false;
    };
  },
};

export const containsField: RuleDef<{ field: string | null }> = {
  params: z.strictObject({ field: z.string().nullable() }),
  compile:
    ({ field }) =>
    (rule) => {
      for (const item of detectionItems(rule)) if (item.field !== null && item.field === field) return true;
      return false;
    },
};

export const processingItemApplied: RuleDef<{ processing_item_id: string }> = {
  params: z.strictObject({ processing_item_id: z.string() }),
  compile:
    ({ processing_item_id: id }) =>
    (_rule, run) =>
      run.ruleApplied.has(id),
};

export const processingStateSchema = z.strictObject({ key: z.string(), val: scalar.nullable(), op: stateOp.default('eq') });
export type StateParams = z.infer<typeof processingStateSchema>;

/** pySigma: a missing key never matches; otherwise `state[key] op val`. */
export function stateMatches({ key, val, op }: StateParams, state: Readonly<Record<string, unknown>>): boolean {
  if (!Object.prototype.hasOwnProperty.call(state, key)) return false;
  return compareValues(state[key], op, val);
}

export const processingState: RuleDef<StateParams> = {
  params: processingStateSchema,
  compile: (p) => (_rule, run) => stateMatches(p, run.state),
};

export const isSigmaRule: RuleDef<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => (rule) => rule.kind === 'rule',
};

export const isSigmaCorrelationRule: RuleDef<Record<string, never>> = {
  params: z.strictObject({}),
  compile: () => () => false,
};

const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];
const STATUSES = ['unsupported', 'deprecated', 'experimental', 'test', 'stable'];
const ATTRIBUTES: ReadonlySet<string> = new Set([
  'title',
  'id',
  'name',
  'taxonomy',
  'status',
  'description',
  'license',
  'author',
  'references',
  'date',
  'modified',
  'tags',
  'falsepositives',
  'level',
  'fields',
  'scope',
]);

type AttributeOp = CompareOperator | 'in' | 'not_in';

function attributeMatches(value: unknown, attribute: string, op: AttributeOp, wanted: string | number): boolean {
  if (Array.isArray(value)) {
    if (op === 'in') return value.includes(wanted);
    if (op === 'not_in') return !value.includes(wanted);
    return op === 'ne';
  }
  if (op === 'in' || op === 'not_in') return false;
  const order = attribute === 'level' ? LEVELS : attribute === 'status' ? STATUSES : undefined;
  if (order && typeof value === 'string') {
    const rank = order.indexOf(String(wanted).toLowerCase());
    return rank >= 0 && compareValues(order.indexOf(value), op, rank);
  }
  if (typeof value === 'number') return compareValues(value, op, Number(wanted));
  if (typeof value === 'string') {
    if (attribute === 'date' || attribute === 'modified')
      return compareValues(value.replace(/\//g, '-'), op, String(wanted).replace(/\//g, '-'));
    return (op === 'eq' || op === 'ne') && compareValues(value, op, String(wanted));
  }
  return false;
}

export const ruleAttribute: RuleDef<{ attribute: string; value: string | number; op: AttributeOp }> = {
  params: z.strictObject({
    attribute: z.string(),
    value: z.union([z.string(), z.number()]),
    op: z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in', 'not_in']).default('eq'),
  }),
  compile:
    ({ attribute, value, op }) =>
    (rule) => {
      const own = ATTRIBUTES.has(attribute) ? (rule as unknown as Record<string, unknown>)[attribute] : undefined;
      const found = own !== undefined ? own : rule.custom[attribute];
      if (found === undefined) return false;
      return attributeMatches(found, attribute, op, value);
    },
};

export const tag: RuleDef<{ tag: string }> = {
  params: z.strictObject({ tag: z.string() }),
  compile: ({ tag: wanted }) => {
    const lower = wanted.toLowerCase();
    return (rule) => (rule.tags ?? []).some((t) => t.toLowerCase() === lower);
  },
};

export const RULE_CONDITIONS: Readonly<Record<string, RuleDef<never>>> = {
  logsource,
  contains_detection_item: containsDetectionItem,
  contains_field: containsField,
  processing_item_applied: processingItemApplied,
  processing_state: processingState,
  is_sigma_rule: isSigmaRule,
  is_sigma_correlation_rule: isSigmaCorrelationRule,
  rule_attribute: ruleAttribute,
  tag,
} as unknown as Readonly<Record<string, RuleDef<never>>>;
