/**
 * A pipeline document in pySigma's YAML shape (plain data) → a validated, compiled, frozen Pipeline.
 * Everything that can be computed once (condition predicates, field maps, regular expressions) is.
 */
import { z } from 'zod';
import type { SigmaError, SourceLocation } from '../errors.js';
import { compileConditions } from './conditions/compile.js';
import { pathText, PipelineErrors, type Path } from './errors.js';
import {
  finalizerTypes,
  getFinalizer,
  getPostprocessing,
  getTransformation,
  postprocessingTypes,
  transformationTypes,
} from './registry.js';
import type { FinalizerItem, ItemContext, Pipeline, PipelineSource, PostprocessingItem, ProcessingItem } from './types.js';
import './builtins.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const CONDITION_PREFIXES = ['rule', 'detection_item', 'field_name'] as const;
const CONDITION_KEYS: readonly string[] = CONDITION_PREFIXES.flatMap((p) => [
  `${p}_conditions`,
  `${p}_cond_op`,
  `${p}_cond_not`,
  `${p}_cond_expr`,
]);
const ITEM_KEYS: ReadonlySet<string> = new Set(['type', 'id', ...CONDITION_KEYS]);
const TYPE_KEY: ReadonlySet<string> = new Set(['type']);
const POST_KEYS: ReadonlySet<string> = new Set(['type', 'id', 'rule_conditions', 'rule_cond_op', 'rule_cond_not', 'rule_cond_expr']);

const topLevel = z.strictObject({
  name: z.string().optional(),
  priority: z.number().int().optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  transformations: z.array(z.unknown()).optional(),
  postprocessing: z.array(z.unknown()).optional(),
  finalizers: z.array(z.unknown()).optional(),
  allowed_backends: z.array(z.string()).optional(),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function splitItem(def: Record<string, unknown>, reserved: ReadonlySet<string>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(def)) if (!reserved.has(k)) params[k] = v;
  return params;
}

/** The kinds of typed entries a pipeline lists, with the registry that knows their types. */
const KINDS = {
  transformation: { what: 'a processing item', known: transformationTypes },
  postprocessing: { what: 'a processing item', known: postprocessingTypes },
  finalizer: { what: 'a finalizer', known: finalizerTypes },
} as const;
type Kind = keyof typeof KINDS;

/** A map with a string `type`, as every transformation, post-processing item and finalizer is. */
function typed(def: unknown, path: Path, errors: PipelineErrors, kind: Kind): { def: Record<string, unknown>; type: string } {
  if (!isRecord(def)) throw errors.error(path, `${KINDS[kind].what} must be a map with a 'type'`, 'value');
  const { type } = def;
  if (type === undefined) throw errors.error(path, `missing 'type' (one of: ${KINDS[kind].known().join(', ')})`);
  if (typeof type !== 'string') throw errors.error([...path, 'type'], `'type' must be a string`, 'value');
  return { def, type };
}

function itemType(
  def: unknown,
  path: Path,
  errors: PipelineErrors,
  kind: Kind,
): { def: Record<string, unknown>; type: string; id?: string } {
  const item = typed(def, path, errors, kind);
  const { id } = item.def;
  if (id !== undefined && typeof id !== 'string') throw errors.error([...path, 'id'], `'id' must be a string`, 'value');
  return { ...item, ...(id !== undefined ? { id } : {}) };
}

/**
 * pySigma types that need Python to run: refused by name, with what to use instead, rather than as unknown.
 */
const PYTHON_ONLY: Readonly<Record<string, string>> = {
  'transformation:field_name_transform': `'field_name_transform' calls Python functions, which sigmaform cannot run; use 'field_name_mapping' or 'field_name_prefix_mapping'`,
  'postprocessing:template': `'template' post-processing renders Jinja2 templates, which sigmaform does not run; use 'simple_template' ({query}, {rule.title}, {pipeline.state[key]}), 'embed' or 'json'`,
  'finalizer:template': `the 'template' finalizer renders a Jinja2 template, which sigmaform does not run; use 'concat' (prefix, separator, suffix), 'json' or 'yaml'`,
};

/** The error for a type no registry knows: why, for pySigma's Python-only types; else the known ones. */
function unknownType(kind: Kind, type: string, path: Path, errors: PipelineErrors): SigmaError {
  const why = PYTHON_ONLY[`${kind}:${type}`] ?? `unknown ${kind} type '${type}' (known: ${KINDS[kind].known().join(', ')})`;
  return errors.error([...path, 'type'], why, 'value');
}

function compileItem(raw: unknown, path: Path, errors: PipelineErrors): ProcessingItem {
  const { def, type, id } = itemType(raw, path, errors, 'transformation');
  const definition = getTransformation(type);
  if (!definition) throw unknownType('transformation', type, path, errors);
  const conditions = compileConditions(def, path, errors, { detectionItems: true });
  const parsed = definition.params.safeParse(splitItem(def, ITEM_KEYS));
  if (!parsed.success) throw errors.fromZod(path, parsed.error, `transformation '${type}'`);
  const location: SourceLocation = errors.at(path);
  const itemId = id ?? `${type}@${pathText(path)}`;
  const context: ItemContext = Object.freeze({
    id: itemId,
    type,
    location,
    matchDetectionItem: conditions.detectionItem,
    matchFieldName: conditions.fieldName,
    matchFieldRef: (field: string, run: Parameters<ItemContext['matchFieldRef']>[1]) => conditions.fieldName(field, run),
  });
  const transform = definition.compile(parsed.data, {
    location,
    path: pathText(path),
    compileItems: (items, key) => items.map((d, i) => compileItem(d, [...path, key, i], errors)),
  });
  return Object.freeze({
    kind: 'processing-item',
    id: itemId,
    type,
    location,
    definition: deepFreeze(structuredClone(def)),
    matchRule: conditions.rule,
    context,
    transform,
  });
}

function compilePostprocessing(raw: unknown, path: Path, errors: PipelineErrors): PostprocessingItem {
  const { def, type, id } = itemType(raw, path, errors, 'postprocessing');
  const definition = getPostprocessing(type);
  if (!definition) throw unknownType('postprocessing', type, path, errors);
  for (const k of Object.keys(def)) {
    if (CONDITION_KEYS.includes(k) && !POST_KEYS.has(k)) throw errors.error([...path, k], `postprocessing items take rule conditions only`);
  }
  const conditions = compileConditions(def, path, errors, { detectionItems: false });
  const parsed = definition.params.safeParse(splitItem(def, POST_KEYS));
  if (!parsed.success) throw errors.fromZod(path, parsed.error, `postprocessing '${type}'`);
  const location = errors.at(path);
  return Object.freeze({
    kind: 'postprocessing-item',
    id: id ?? `${type}@${pathText(path)}`,
    type,
    location,
    definition: deepFreeze(structuredClone(def)),
    matchRule: conditions.rule,
    transform: definition.compile(parsed.data, {
      location,
      path: pathText(path),
      compileItems: (items, key) => items.map((d, i) => compilePostprocessing(d, [...path, key, i], errors)),
    }),
  });
}

function compileFinalizer(raw: unknown, path: Path, errors: PipelineErrors): FinalizerItem {
  const { def, type } = typed(raw, path, errors, 'finalizer');
  const definition = getFinalizer(type);
  if (!definition) throw unknownType('finalizer', type, path, errors);
  const parsed = definition.params.safeParse(splitItem(def, TYPE_KEY));
  if (!parsed.success) throw errors.fromZod(path, parsed.error, `finalizer '${type}'`);
  const location = errors.at(path);
  return Object.freeze({
    kind: 'finalizer',
    type,
    location,
    definition: deepFreeze(structuredClone(def)),
    apply: definition.compile(parsed.data, {
      location,
      path: pathText(path),
      compileFinalizers: (finalizers, key) => finalizers.map((d, i) => compileFinalizer(d, [...path, key, i], errors)),
    }),
  });
}

/**
 * Validates and compiles a pipeline given as plain data in pySigma's YAML shape. Throws one
 * SigmaError('pipeline') naming the bad key (and its line/column when `source.locate` is given).
 */
export function parsePipeline(data: unknown, source?: PipelineSource): Pipeline {
  const name = isRecord(data) && typeof data.name === 'string' ? data.name : undefined;
  const errors = new PipelineErrors(source, name);
  if (!isRecord(data)) throw errors.error([], `a pipeline must be a map (name, priority, transformations …)`, 'value');
  const top = topLevel.safeParse(data);
  if (!top.success) throw errors.fromZod([], top.error, 'the pipeline');
  const d = top.data;
  const items = (d.transformations ?? []).map((t, i) => compileItem(t, ['transformations', i], errors));
  const postprocessing = (d.postprocessing ?? []).map((t, i) => compilePostprocessing(t, ['postprocessing', i], errors));
  const finalizers = (d.finalizers ?? []).map((f, i) => compileFinalizer(f, ['finalizers', i], errors));
  const where = errors.at([]);
  return Object.freeze({
    kind: 'pipeline',
    ...(name !== undefined ? { name } : {}),
    priority: d.priority ?? 0,
    vars: deepFreeze(structuredClone(d.vars ?? {})),
    allowedBackends: Object.freeze([...(d.allowed_backends ?? [])]),
    items: Object.freeze(items),
    postprocessing: Object.freeze(postprocessing),
    finalizers: Object.freeze(finalizers),
    ...(where.file !== undefined || where.line !== undefined ? { source: where } : {}),
  });
}
