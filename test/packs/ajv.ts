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

/**
 * A validator of Elastic Security rules: Elastic's detection-rules EQL schema (`schemaText`, from
 * ../shared/formats/elastic) with the two relaxations its README names, plus Kibana's import requirements.
 */
export function elasticRuleValidator(schemaText: string): ValidateFunction {
  const schema = fromDraft4(JSON.parse(schemaText) as Json) as Json & {
    properties: Record<string, { items: { properties: Json } }>;
  };
  const props = schema.properties;
  props.related_integrations!.items.properties = {
    ...props.related_integrations!.items.properties,
    version: { type: 'string' },
    integration: { type: 'string' },
  };
  props.required_fields!.items.properties = { ...props.required_fields!.items.properties, type: { type: 'string' } };
  const kibana = {
    type: 'object',
    required: ['rule_id', 'name', 'description', 'risk_score', 'severity', 'type', 'query', 'language'],
    properties: {
      name: { type: 'string', minLength: 1 },
      risk_score: { type: 'integer', minimum: 0, maximum: 100 },
      severity: { enum: ['low', 'medium', 'high', 'critical'] },
      type: { const: 'eql' },
      language: { const: 'eql' },
      version: { type: 'integer', minimum: 1 },
      max_signals: { type: 'integer', minimum: 1 },
      author: { type: 'array', items: { type: 'string' } },
    },
  };
  return newAjv().compile({ allOf: [schema, kibana] });
}
