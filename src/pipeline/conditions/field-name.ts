/**
 * Built-in field-name conditions (pySigma names): include_fields, exclude_fields (plain names or, with
 * `mode: re`, regular expressions matched at the start of the name), processing_item_applied,
 * processing_state. On a detection item they hold when the item's field — or a field named by one of its
 * `fieldref` values — matches; a keyword item (no field) never matches include_fields.
 */
import { z } from 'zod';
import { SigmaError, type SourceLocation } from '../../errors.js';
import { pythonRegex } from '../pyregex.js';
import type { ConditionDefinition } from '../types.js';
import { processingStateSchema, stateMatches, type StateParams } from './rule.js';

type FieldDef<P> = ConditionDefinition<'field_name', P>;

const fieldsParams = z
  .strictObject({
    fields: z.union([z.array(z.string()), z.string()]),
    mode: z.enum(['plain', 're']).optional(),
  })
  .transform((p) => ({ fields: typeof p.fields === 'string' ? [p.fields] : p.fields, mode: p.mode ?? 'plain' }));
type FieldsParams = z.infer<typeof fieldsParams>;

function nameTest(
  { fields, mode }: FieldsParams,
  context: { readonly location: SourceLocation; readonly path: string },
): (field: string) => boolean {
  if (mode === 'plain') {
    const set = new Set(fields);
    return (field) => set.has(field);
  }
  const patterns = fields.map((f) => {
    try {
      const re = pythonRegex(f);
      return new RegExp(`^(?:${re.source})`, re.flags);
    } catch (e) {
      throw new SigmaError('pipeline', `${context.path}: ${(e as Error).message}`, context.location);
    }
  });
  return (field) => patterns.some((p) => p.test(field));
}

export const includeFields: FieldDef<FieldsParams> = {
  params: fieldsParams,
  compile: (p, context) => {
    const test = nameTest(p, context);
    return { field: (field) => field !== null && test(field) };
  },
};

export const excludeFields: FieldDef<FieldsParams> = {
  params: fieldsParams,
  compile: (p, context) => {
    const test = nameTest(p, context);
    return { field: (field) => field === null || !test(field) };
  },
};

export const fieldProcessingItemApplied: FieldDef<{ processing_item_id: string }> = {
  params: z.strictObject({ processing_item_id: z.string() }),
  compile: ({ processing_item_id: id }) => ({
    field: (field, run) => field !== null && (run.fieldApplied.get(field)?.has(id) ?? false),
    detectionItem: (item) => item.applied.includes(id),
  }),
};

export const fieldProcessingState: FieldDef<StateParams> = {
  params: processingStateSchema,
  compile: (p) => ({ field: (_field, run) => stateMatches(p, run.state) }),
};

export const FIELD_NAME_CONDITIONS: Readonly<Record<string, FieldDef<never>>> = {
  include_fields: includeFields,
  exclude_fields: excludeFields,
  processing_item_applied: fieldProcessingItemApplied,
  processing_state: fieldProcessingState,
} as unknown as Readonly<Record<string, FieldDef<never>>>;
