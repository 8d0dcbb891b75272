/**
 * Field transformations (pySigma names): field_name_mapping, field_name_prefix_mapping, field_name_prefix,
 * field_name_suffix, add_field, remove_field, set_field.
 */
import { z } from 'zod';
import type { TransformationDefinition } from '../types.js';
import { fieldNameTransform, withFields } from './field-names.js';

const targets = z.union([z.string(), z.array(z.string())]);
const mappingSchema = z.strictObject({ mapping: z.record(z.string(), targets) });
type Mapping = z.infer<typeof mappingSchema>;

function compileMapping(mapping: Readonly<Record<string, string | readonly string[]>>): Map<string, string | readonly string[]> {
  return new Map(Object.entries(mapping).map(([k, v]) => [k, typeof v === 'string' ? v : Object.freeze([...v])]));
}

/** One-to-one (`A: B`) and one-to-many (`A: [B, C]`, an OR of copies) field renaming. */
export const fieldNameMapping: TransformationDefinition<Mapping> = {
  params: mappingSchema,
  compile: ({ mapping }) => {
    const map = compileMapping(mapping);
    return fieldNameTransform((f) => (f === null ? undefined : map.get(f)));
  },
};

/** Renames by prefix: the first listed prefix a field starts with is replaced. */
export const fieldNamePrefixMapping: TransformationDefinition<Mapping> = {
  params: mappingSchema,
  compile: ({ mapping }) => {
    const entries = [...compileMapping(mapping)];
    return fieldNameTransform((f) => {
      if (f === null) return undefined;
      for (const [prefix, to] of entries) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        return typeof to === 'string' ? to + rest : to.map((t) => t + rest);
      }
      return undefined;
    });
  },
};

export const fieldNamePrefix: TransformationDefinition<{ prefix: string }> = {
  params: z.strictObject({ prefix: z.string() }),
  compile: ({ prefix }) => fieldNameTransform((f) => (f === null ? undefined : prefix + f)),
};

export const fieldNameSuffix: TransformationDefinition<{ suffix: string }> = {
  params: z.strictObject({ suffix: z.string() }),
  compile: ({ suffix }) => fieldNameTransform((f) => (f === null ? undefined : f + suffix)),
};

const oneOrMany = z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === 'string' ? [v] : v));

/** Appends field names to the rule's `fields` list. */
export const addField: TransformationDefinition<{ field: string[] }> = {
  params: z.strictObject({ field: oneOrMany }),
  compile:
    ({ field }) =>
    (rule) =>
      withFields(rule, [...(rule.fields ?? []), ...field]),
};

/** Removes field names from the rule's `fields` list (absent names are ignored). */
export const removeField: TransformationDefinition<{ field: string[] }> = {
  params: z.strictObject({ field: oneOrMany }),
  compile: ({ field }) => {
    const drop = new Set(field);
    return (rule) =>
      rule.fields?.some((f) => drop.has(f))
        ? withFields(
            rule,
            rule.fields.filter((f) => !drop.has(f)),
          )
        : rule;
  },
};

/** Replaces the rule's `fields` list. */
export const setField: TransformationDefinition<{ fields: string[] }> = {
  params: z.strictObject({ fields: z.array(z.string()) }),
  compile:
    ({ fields }) =>
    (rule) =>
      withFields(rule, fields),
};
