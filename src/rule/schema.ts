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

// ───────────────────────────── the common case without zod ─────────────────────────────

const STRING_KEYS = ['id', 'name', 'taxonomy', 'description', 'license', 'author'] as const;
const LIST_KEYS = ['references', 'tags', 'falsepositives', 'fields', 'scope'] as const;
const DATE_KEYS = ['date', 'modified'] as const;
const LOGSOURCE_KEYS = ['category', 'product', 'service', 'definition'] as const;
const STATUS_SET: ReadonlySet<unknown> = new Set(STATUS);
const LEVEL_SET: ReadonlySet<unknown> = new Set(LEVELS);
const RELATION_SET: ReadonlySet<unknown> = new Set(RELATION_TYPES);

const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** `stringList` for a value it accepts, undefined otherwise. */
function listData(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) {
    if (!isText(x)) return undefined;
    out.push(String(x));
  }
  return out;
}

/**
 * What `ruleSchema.safeParse(doc)` gives for a rule whose metadata is plainly right (the metadata keys `meta` and
 * `logsource` read, with the same values), or undefined when anything is unusual: a null, a wrong type, a value
 * outside an enumeration, a non-finite number. The caller then asks zod, which also words the error. zod's cold
 * start is a tenth of a corpus load; this check costs nothing of note and accepts every rule of the corpus.
 */
export function plainRuleData(doc: Record<string, unknown>): z.infer<typeof ruleSchema> | undefined {
  const out: Record<string, unknown> = {};
  const title = doc.title;
  if (typeof title !== 'string' || title.length === 0) return undefined;
  out.title = title;
  for (const k of STRING_KEYS) {
    const v = doc[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') return undefined;
    out[k] = v;
  }
  for (const k of LIST_KEYS) {
    if (doc[k] === undefined) continue;
    const list = listData(doc[k]);
    if (!list) return undefined;
    out[k] = list;
  }
  for (const k of DATE_KEYS) {
    const v = doc[k];
    if (v === undefined) continue;
    if (!isText(v)) return undefined;
    out[k] = String(v);
  }
  if (doc.status !== undefined) {
    if (!STATUS_SET.has(doc.status)) return undefined;
    out.status = doc.status;
  }
  if (doc.level !== undefined) {
    if (!LEVEL_SET.has(doc.level)) return undefined;
    out.level = doc.level;
  }
  if (doc.related !== undefined) {
    if (!Array.isArray(doc.related)) return undefined;
    const related: Record<string, unknown>[] = [];
    for (const r of doc.related) {
      if (!isPlainRecord(r) || typeof r.id !== 'string' || !RELATION_SET.has(r.type)) return undefined;
      // zod's order: the schema's keys, then the others as written
      const { id, type, ...rest } = r;
      related.push({ id, type, ...rest });
    }
    out.related = related;
  }
  const logsource = doc.logsource;
  if (!isPlainRecord(logsource)) return undefined;
  for (const k of LOGSOURCE_KEYS) if (logsource[k] !== undefined && typeof logsource[k] !== 'string') return undefined;
  out.logsource = logsource;
  if (!isPlainRecord(doc.detection)) return undefined;
  out.detection = doc.detection;
  return out as z.infer<typeof ruleSchema>;
}
