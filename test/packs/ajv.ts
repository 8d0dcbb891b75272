/** JSON-schema validation helpers for the pack tests (the shared schemas are draft-04; ajv 8 reads them once adapted). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

/** A draft-04 schema as ajv 8 (draft-07) reads it: `id` → `$id`, no `$schema`. Keywords used here are the same. */
export function fromDraft4(schema: Json): Json {
  const { $schema: _ignored, id, ...rest } = schema;
  return id === undefined ? rest : { $id: id, ...rest };
}

export function newAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: false });
}

/** Deep copy of a schema with `additionalProperties: false` on every object schema that lists properties. */
export function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = closed(v);
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}
