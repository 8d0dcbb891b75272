/**
 * zod schemas of the three Sigma document kinds (specification v2.1). They check the shape of the metadata;
 * `detection` is checked by the detection builder, which knows about modifiers and conditions.
 */
import { z } from 'zod';

const text = z.string();
/** Dates may be written unquoted; YAML's core schema keeps them as strings, but numbers slip through. */
const dateText = z.union([z.string(), z.number()]).transform((v) => String(v));
/** A list of strings; a single string is accepted as a one-element list (common in the wild). */
const stringList = z.union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string().transform((s) => [s])]);

export const STATUS = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export const RELATION_TYPES = ['derived', 'obsolete', 'merged', 'renamed', 'similar'] as const;

export const metaShape = {
  title: text.min(1, 'title must not be empty'),
  id: text.optional(),
  name: text.optional(),
  related: z.array(z.object({ id: text, type: z.enum(RELATION_TYPES) }).loose()).optional(),
  taxonomy: text.optional(),
  status: z.enum(STATUS).optional(),
  description: text.optional(),
  license: text.optional(),
  author: text.optional(),
  references: stringList.optional(),
  date: dateText.optional(),
  modified: dateText.optional(),
  tags: stringList.optional(),
  falsepositives: stringList.optional(),
  level: z.enum(LEVELS).optional(),
  fields: stringList.optional(),
  scope: stringList.optional(),
};

export const META_KEYS: ReadonlySet<string> = new Set(Object.keys(metaShape));

export const logsourceSchema = z
  .object({
    category: text.optional(),
    product: text.optional(),
    service: text.optional(),
    definition: text.optional(),
  })
  .loose();

export const ruleSchema = z
  .object({
    ...metaShape,
    logsource: logsourceSchema,
    detection: z.record(z.string(), z.unknown()),
  })
  .loose();

const number = z.number();
export const correlationConditionSchema = z
  .object({
    gt: number.optional(),
    gte: number.optional(),
    lt: number.optional(),
    lte: number.optional(),
    eq: number.optional(),
    neq: number.optional(),
    field: text.optional(),
    percentile: number.optional(),
  })
  .strict();

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
  'value_median',
] as const;

export const correlationSchema = z
  .object({
    ...metaShape,
    correlation: z
      .object({
        type: z.enum(CORRELATION_TYPES),
        rules: stringList.optional(),
        'group-by': stringList.optional(),
        timespan: z.union([z.string(), z.number()]).transform(String),
        /** A map of comparisons, or (temporal types) an extended condition over rule names: `a and not b`. */
        condition: z.union([correlationConditionSchema, z.string()]).optional(),
        aliases: z.record(z.string(), z.record(z.string(), z.string())).optional(),
        generate: z.boolean().optional(),
      })
      .strict(),
    generate: z.boolean().optional(),
  })
  .loose();

export const filterSchema = z
  .object({
    ...metaShape,
    logsource: logsourceSchema.optional(),
    filter: z
      .object({
        rules: stringList.optional(),
      })
      .loose(),
  })
  .loose();
