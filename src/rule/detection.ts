/**
 * The `detection` section → typed selections and parsed conditions.
 */
import type { Condition, Detection, DetectionItem, Detections, Modifier, RegexFlags, SigmaValue } from './ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';
import { applyModifier, isModifier } from './modifiers.js';
import { parseSigmaString, plainString } from './strings.js';
import { parseCondition, resolveCondition } from '../condition/parse.js';
import type { YamlPath } from './yaml.js';

export type Locate = (path: YamlPath, what?: 'key' | 'value') => SourceLocation;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Modifiers after which values are taken verbatim (no Sigma wildcard/escape processing). */
const VERBATIM: ReadonlySet<Modifier> = new Set(['re', 'cidr', 'fieldref']);

function numberValue(n: number, raw?: string): SigmaValue {
  return Object.freeze({ kind: 'number', value: n, text: raw ?? String(n) });
}

/** A YAML scalar → the value before modifiers. */
function scalarValue(v: unknown, verbatim: boolean, location: SourceLocation): SigmaValue {
  if (v === null || v === undefined) return Object.freeze({ kind: 'null' });
  if (typeof v === 'string') return verbatim ? plainString(v) : parseSigmaString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new SigmaError('value', `value ${v} is not a finite number`, location);
    return numberValue(v);
  }
  if (typeof v === 'boolean') return Object.freeze({ kind: 'boolean', value: v });
  throw new SigmaError(
    'detection',
    `a value must be a string, number, boolean or null, not ${Array.isArray(v) ? 'a list' : 'a map'}`,
    location,
  );
}

function parseKey(key: string, location: SourceLocation): { field: string | null; modifiers: Modifier[] } {
  if (!key.includes('|')) return { field: key === '' ? null : key, modifiers: [] };
  const [field = '', ...names] = key.split('|');
  const modifiers: Modifier[] = [];
  for (const name of names) {
    if (!isModifier(name)) throw new SigmaError('modifier', `unknown modifier '${name}' in '${key}'`, location);
    modifiers.push(name);
  }
  return { field: field === '' ? null : field, modifiers };
}

/** The eight flag combinations, shared (frozen) by every value and item. */
const FLAGS: readonly RegexFlags[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze({ ignoreCase: (bits & 1) !== 0, multiline: (bits & 2) !== 0, dotAll: (bits & 4) !== 0 }),
);

function regexFlags(modifiers: readonly Modifier[]): RegexFlags {
  const bits = (modifiers.includes('i') ? 1 : 0) | (modifiers.includes('m') ? 2 : 0) | (modifiers.includes('s') ? 4 : 0);
  return FLAGS[bits] as RegexFlags;
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_MODIFIERS: readonly Modifier[] = Object.freeze([]);

export function buildItem(key: string, raw: unknown, path: YamlPath, locate: Locate): DetectionItem {
  const keyLocation = locate(path, 'key');
  const { field, modifiers } = parseKey(key, keyLocation);
  const subFlag = modifiers.find((m) => m === 'i' || m === 'm' || m === 's');
  if (subFlag !== undefined && !modifiers.includes('re')) {
    throw new SigmaError('modifier', `modifier '${subFlag}' only follows 're' (in '${key}')`, keyLocation);
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (Array.isArray(raw) && raw.length === 0) throw new SigmaError('detection', `'${key}' has an empty list of values`, keyLocation);
  if (modifiers.includes('all') && list.length < 2) {
    throw new SigmaError(
      'modifier',
      `modifier 'all' needs a list of two or more values (in '${key}'); use separate selections instead`,
      keyLocation,
    );
  }
  const verbatim = modifiers.some((m) => VERBATIM.has(m));
  const flags = regexFlags(modifiers);
  const values = list.map((v, i) => {
    try {
      let value = scalarValue(v, verbatim, {});
      let binary = false;
      for (const m of modifiers) {
        value = applyModifier(m, value, { regexFlags: flags, binary });
        if (m === 'utf16' || m === 'utf16le' || m === 'utf16be' || m === 'wide') binary = true;
      }
      return value;
    } catch (e) {
      // Values are located only when one is wrong: locating every value would cost more than loading it.
      if (e instanceof SigmaError && e.line === undefined)
        throw new SigmaError(e.code, e.message, locate(Array.isArray(raw) ? [...path, i] : path));
      throw e;
    }
  });
  return Object.freeze({
    kind: 'item',
    field,
    modifiers: Object.freeze(modifiers),
    values: Object.freeze(values),
    linking: modifiers.includes('all') ? 'and' : 'or',
    negated: modifiers.includes('neq'),
    applied: NO_STRINGS,
    originalField: field,
    location: keyLocation,
  });
}

/** A keyword list (unbound values): one item with no field. */
function keywordItem(values: readonly unknown[], path: YamlPath, locate: Locate, isList: boolean): DetectionItem {
  return Object.freeze({
    kind: 'item',
    field: null,
    modifiers: NO_MODIFIERS,
    values: Object.freeze(
      values.map((v, i) => {
        try {
          return scalarValue(v, false, {});
        } catch (e) {
          if (e instanceof SigmaError) throw new SigmaError(e.code, e.message, locate(isList ? [...path, i] : path));
          throw e;
        }
      }),
    ),
    linking: 'or',
    negated: false,
    applied: NO_STRINGS,
    originalField: null,
    location: locate(path),
  });
}

export function buildDetection(raw: unknown, path: YamlPath, locate: Locate): Detection {
  const location = locate(path);
  if (isRecord(raw)) {
    const entries = Object.entries(raw);
    if (entries.length === 0) throw new SigmaError('detection', `selection '${String(path[path.length - 1])}' is empty`, location);
    return Object.freeze({
      kind: 'detection',
      items: Object.freeze(entries.map(([k, v]) => buildItem(k, v, [...path, k], locate))),
      linking: 'and',
      location,
    });
  }
  if (Array.isArray(raw)) {
    if (raw.length === 0) throw new SigmaError('detection', `selection '${String(path[path.length - 1])}' is an empty list`, location);
    if (raw.every((v) => !isRecord(v) && !Array.isArray(v))) {
      return Object.freeze({ kind: 'detection', items: Object.freeze([keywordItem(raw, path, locate, true)]), linking: 'or', location });
    }
    return Object.freeze({
      kind: 'detection',
      items: Object.freeze(
        raw.map((v, i) =>
          isRecord(v) || Array.isArray(v) ? buildDetection(v, [...path, i], locate) : keywordItem([v], [...path, i], locate, false),
        ),
      ),
      linking: 'or',
      location,
    });
  }
  if (raw === null || raw === undefined)
    throw new SigmaError('detection', `selection '${String(path[path.length - 1])}' is empty`, location);
  return Object.freeze({ kind: 'detection', items: Object.freeze([keywordItem([raw], path, locate, false)]), linking: 'or', location });
}

/** Builds selections and conditions of a `detection` map located at `path`. */
export function buildDetections(raw: unknown, path: YamlPath, locate: Locate): Detections {
  if (!isRecord(raw)) throw new SigmaError('detection', `'detection' must be a map of selections and a condition`, locate(path));
  const selections = new Map<string, Detection>();
  let conditionRaw: unknown;
  let timeframe: string | undefined;
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'condition') conditionRaw = value;
    else if (name === 'timeframe') timeframe = String(value);
    else selections.set(name, buildDetection(value, [...path, name], locate));
  }
  if (conditionRaw === undefined || conditionRaw === null) {
    throw new SigmaError('detection', `'detection' has no 'condition'`, locate(path, 'key'));
  }
  const texts = Array.isArray(conditionRaw) ? conditionRaw : [conditionRaw];
  const names = [...selections.keys()];
  const conditions: Condition[] = texts.map((t, i) => {
    const location = locate(Array.isArray(conditionRaw) ? [...path, 'condition', i] : [...path, 'condition']);
    if (typeof t !== 'string') throw new SigmaError('condition', `a condition must be a string`, location);
    const tree = resolveCondition(parseCondition(t, location), names, t, location);
    return Object.freeze({ text: t, tree, location });
  });
  return Object.freeze({ selections, conditions: Object.freeze(conditions), ...(timeframe !== undefined ? { timeframe } : {}) });
}
