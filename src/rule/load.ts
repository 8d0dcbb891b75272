/**
 * YAML text → SigmaCollection: documents told apart (rule, correlation, filter), validated, and turned into
 * the typed AST. Throws one located SigmaError for the first problem of the text.
 */
import type { z } from 'zod';
import type {
  CorrelationCondition,
  DocumentMeta,
  Logsource,
  SigmaCollection,
  SigmaCorrelation,
  SigmaDocument,
  SigmaFilter,
  SigmaRule,
} from './ast.js';
import { SigmaError, toSigmaError, type SourceLocation } from '../errors.js';
import { parseYaml, type ParsedYaml, type YamlPath } from './yaml.js';
import { correlationSchema, filterSchema, META_KEYS, plainRuleData, ruleSchema } from './schema.js';
import { buildDetections, type Locate } from './detection.js';
import { parseTimespan } from './timespan.js';
import { expressionRules, parseCorrelationExpression, type CorrelationExpression } from './correlation-condition.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Validates with zod; the first issue becomes a SigmaError at the offending key. */
function validate<S extends z.ZodType>(schema: S, doc: unknown, locate: Locate, kind: string): z.infer<S> {
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
  const key = path.length ? path.join('.') : kind;
  let message = issue?.message ?? 'invalid document';
  if (issue?.code === 'invalid_type' && /received undefined/.test(message)) message = `'${key}' is required`;
  else if (issue?.code === 'unrecognized_keys') message = `unknown key(s) ${issue.keys.map((k) => `'${k}'`).join(', ')} in '${key}'`;
  else message = `'${key}': ${message}`;
  // Point at the deepest part of the path that exists in the source.
  let location: SourceLocation | undefined;
  for (let n = path.length; n >= 0 && !location?.line; n--) location = locate(path.slice(0, n), n === path.length ? 'value' : 'key');
  throw new SigmaError('schema', `${kind}: ${message}`, location ?? {});
}

function meta(
  data: Record<string, unknown>,
  doc: Record<string, unknown>,
  source: SourceLocation,
  reserved: readonly string[],
): DocumentMeta {
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!META_KEYS.has(k) && !reserved.includes(k)) custom[k] = v;
  const out: Record<string, unknown> = { custom: deepFreeze(custom), source };
  for (const k of META_KEYS) if (data[k] !== undefined) out[k] = deepFreeze(data[k]);
  return out as unknown as DocumentMeta;
}

function logsource(data: Record<string, unknown> | undefined): Logsource {
  if (!data) return Object.freeze({});
  const { category, product, service, definition, ...rest } = data;
  const out: Record<string, unknown> = {};
  if (typeof category === 'string') out.category = category;
  if (typeof product === 'string') out.product = product;
  if (typeof service === 'string') out.service = service;
  if (typeof definition === 'string') out.definition = definition;
  if (Object.keys(rest).length) out.custom = deepFreeze(rest);
  return Object.freeze(out) as Logsource;
}

function loadRule(doc: Record<string, unknown>, locate: Locate, source: SourceLocation): SigmaRule {
  const data = plainRuleData(doc) ?? validate(ruleSchema, doc, locate, 'rule');
  return Object.freeze({
    kind: 'rule',
    ...meta(data, doc, source, ['logsource', 'detection']),
    logsource: logsource(data.logsource),
    detection: buildDetections(doc.detection, ['detection'], locate),
  });
}

function loadCorrelation(doc: Record<string, unknown>, locate: Locate, source: SourceLocation): SigmaCorrelation {
  const data = validate(correlationSchema, doc, locate, 'correlation');
  const c = data.correlation;
  const aliases = new Map<string, ReadonlyMap<string, string>>();
  for (const [alias, mapping] of Object.entries(c.aliases ?? {})) aliases.set(alias, new Map(Object.entries(mapping)));
  const temporal = c.type === 'temporal' || c.type === 'temporal_ordered';
  const conditionAt = locate(['correlation', 'condition']);
  let expression: CorrelationExpression | undefined;
  let condition: CorrelationCondition | undefined;
  if (typeof c.condition === 'string') {
    if (!temporal) {
      throw new SigmaError(
        'correlation',
        `an extended condition ('${c.condition}') is only for temporal and temporal_ordered correlations, not ${c.type}; use a map such as {gte: 10}`,
        conditionAt,
      );
    }
    expression = parseCorrelationExpression(c.condition, conditionAt);
  } else condition = c.condition;
  const rules = c.rules ?? (expression ? expressionRules(expression) : undefined);
  if (!rules) {
    throw new SigmaError(
      'correlation',
      temporal ? `a ${c.type} correlation needs 'rules' or an extended condition naming them` : `a ${c.type} correlation needs 'rules'`,
      locate(['correlation'], 'key'),
    );
  }
  if (expression && c.rules) {
    // As pySigma: every listed rule is named by the condition, and the condition names only listed rules.
    const named = expressionRules(expression);
    const unnamed = c.rules.filter((r) => !named.includes(r));
    const unlisted = named.filter((r) => !c.rules?.includes(r));
    if (unnamed.length || unlisted.length) {
      throw new SigmaError(
        'correlation',
        unnamed.length
          ? `rules listed but not named in the extended condition: ${unnamed.join(', ')}`
          : `rules named in the extended condition but not listed in 'rules': ${unlisted.join(', ')}`,
        conditionAt,
      );
    }
  }
  if (!temporal && !condition) {
    throw new SigmaError('correlation', `a ${c.type} correlation needs a 'condition'`, locate(['correlation'], 'key'));
  }
  if (c.type.startsWith('value_') && !condition?.field) {
    throw new SigmaError('correlation', `a ${c.type} correlation needs 'condition.field'`, locate(['correlation', 'condition'], 'key'));
  }
  return Object.freeze({
    kind: 'correlation',
    ...meta(data, doc, source, ['correlation', 'generate']),
    type: c.type,
    rules: Object.freeze(rules),
    groupBy: Object.freeze(c['group-by'] ?? []),
    timespan: c.timespan,
    timespanSeconds: parseTimespan(c.timespan, locate(['correlation', 'timespan'])),
    ...(condition ? { condition: Object.freeze(condition) } : {}),
    ...(expression ? { expression } : {}),
    aliases,
    generate: c.generate ?? data.generate ?? false,
  });
}

function loadFilter(doc: Record<string, unknown>, locate: Locate, source: SourceLocation): SigmaFilter {
  const data = validate(filterSchema, doc, locate, 'filter');
  const { rules, ...detection } = data.filter;
  return Object.freeze({
    kind: 'filter',
    ...meta(data, doc, source, ['logsource', 'filter']),
    logsource: logsource(data.logsource),
    rules: Object.freeze(rules ?? []),
    detection: buildDetections(detection, ['filter'], locate),
  });
}

/** One parsed YAML document → a Sigma document. */
export function documentFrom(doc: unknown, index: number, parsed: ParsedYaml, file?: string): SigmaDocument {
  const locate: Locate = (path: YamlPath, what?: 'key' | 'value') => ({ file, ...parsed.locate(index, path, what) });
  const source: SourceLocation = { file, ...parsed.locate(index, []) };
  if (!isRecord(doc))
    throw new SigmaError('schema', `a Sigma document must be a map, not ${Array.isArray(doc) ? 'a list' : typeof doc}`, source);
  if ('correlation' in doc) return loadCorrelation(doc, locate, source);
  if ('filter' in doc) return loadFilter(doc, locate, source);
  if (!('detection' in doc)) {
    const where = 'title' in doc ? locate(['title'], 'key') : source;
    throw new SigmaError('schema', `rule has no 'detection' section (and is not a correlation or filter)`, where);
  }
  return loadRule(doc, locate, source);
}

/** The documents of a text that load, and one located error for each that does not. */
export interface LoadedDocuments {
  readonly documents: readonly SigmaDocument[];
  readonly errors: readonly SigmaError[];
}

/**
 * Loads each Sigma document of a YAML text on its own: a document that does not load (an unknown modifier, a
 * schema error …) is an error record at its place and the others still load. A text that is not YAML at all
 * (or holds no Sigma document) is one error and no documents. Never throws.
 */
export function loadDocuments(text: string, file?: string): LoadedDocuments {
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text, file);
  } catch (e) {
    const error = toSigmaError(e, file !== undefined ? { file } : {});
    const parts = error.code === 'yaml' ? documentTexts(text) : [];
    if (parts.length < 2) return { documents: [], errors: [error] };
    // Malformed YAML in one document of several: the others still load (anchors never cross documents).
    // Each part is read after as many empty lines as come before it, so every location is the one in the file.
    const each = parts.map((part) => loadDocuments('\n'.repeat(part.line - 1) + part.text, file));
    return {
      documents: Object.freeze(each.flatMap((l) => l.documents)),
      errors: Object.freeze(each.flatMap((l) => l.errors.filter((e) => !/^no Sigma document/.test(e.message)))),
    };
  }
  const documents: SigmaDocument[] = [];
  const errors: SigmaError[] = [];
  parsed.documents.forEach((doc, i) => {
    if (doc === null || doc === undefined) return; // empty document (e.g. a trailing ---)
    try {
      documents.push(documentFrom(doc, i, parsed, file));
    } catch (e) {
      const where = { file, ...parsed.locate(i, []) };
      errors.push(
        e instanceof RangeError
          ? new SigmaError('limit', `document ${i + 1} is nested too deeply`, where)
          : e instanceof SigmaError && e.line === undefined
            ? new SigmaError(e.code, e.message, { ...where, ...e.location })
            : toSigmaError(e, file !== undefined ? { file } : {}),
      );
    }
  });
  if (documents.length === 0 && errors.length === 0)
    errors.push(new SigmaError('schema', 'no Sigma document in this file', { file, line: 1, column: 1 }));
  return { documents: Object.freeze(documents), errors: Object.freeze(errors) };
}

/** The documents of a multi-document text, split at its `---` lines, each with the line it starts on. */
function documentTexts(text: string): { text: string; line: number }[] {
  const lines = text.split('\n');
  const parts: { text: string; line: number }[] = [];
  let start = 0;
  lines.forEach((l, i) => {
    if (!/^---(\s|$)/.test(l)) return;
    if (i > start) parts.push({ text: lines.slice(start, i).join('\n') + '\n', line: start + 1 });
    start = i;
  });
  parts.push({ text: lines.slice(start).join('\n'), line: start + 1 });
  return parts.filter((p) => p.text.trim() !== '' && !/^---\s*$/.test(p.text.trim()));
}

/** Loads every Sigma document of a YAML text (multi-document files included); throws the first error. */
export function loadRules(text: string, file?: string): SigmaCollection {
  const { documents, errors } = loadDocuments(text, file);
  if (errors[0]) throw errors[0];
  return Object.freeze({ documents, ...(file !== undefined ? { file } : {}) });
}

/** The rules of a text (correlations and filters left out). */
export function loadRuleList(text: string, file?: string): SigmaRule[] {
  return loadRules(text, file).documents.filter((d): d is SigmaRule => d.kind === 'rule');
}
