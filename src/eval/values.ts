/**
 * One rule value compiled into a test over a field's values. Values already carry their modifiers' effect
 * (wildcards from contains/startswith/endswith, encodings, windash/base64offset expansions), so this is
 * only Sigma's matching semantics: case-insensitive unless `cased`, wildcards, numbers against numeric
 * texts, null, exists, comparisons, CIDR, field references, regular expressions, time parts.
 */
import type { CompareOp, SigmaNumber, SigmaString, SigmaValue, Wildcard } from '../rule/ast.js';
import { SigmaError } from '../errors.js';
import type { EventValue, IndexedEvent } from './fields.js';
import { buildStringSet, stringSetMatches } from './stringset.js';
import { compileRegex } from './regex.js';
import { compileCidr } from './cidr.js';
import { timePart } from './timepart.js';

/** A test over the values of the item's field (undefined: the field is absent) in an event. */
export type ValueTest = (values: readonly EventValue[] | undefined, ev: IndexedEvent) => boolean;

const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The number an event value stands for (a JSON number or a decimal text), or undefined. */
export function numericValue(v: EventValue): number | undefined {
  if (typeof v.raw === 'number') return v.raw;
  if (typeof v.raw === 'string' && DECIMAL.test(v.raw)) return Number(v.raw);
  return undefined;
}

function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** A number equals a numeric field value, or a text spelled as the rule wrote it (`0x17`). */
function numberTest(n: SigmaNumber): (v: EventValue) => boolean {
  const spelled = n.text.toLowerCase();
  return (v) => numericValue(v) === n.value || v.lower === spelled;
}

/** Any value passes `test`. */
function some(test: (v: EventValue) => boolean): ValueTest {
  return (values) => {
    if (values === undefined) return false;
    for (const v of values) if (test(v)) return true;
    return false;
  };
}

function isEmpty(v: EventValue): boolean {
  return v.text === null || v.text === '';
}

function isNull(v: EventValue): boolean {
  return v.text === null;
}

/** The strings a value stands for when it is a string or an expansion of strings only, else undefined. */
export function stringAlternatives(value: SigmaValue): SigmaString[] | undefined {
  if (value.kind === 'string') return [value];
  if (value.kind !== 'expansion') return undefined;
  const out: SigmaString[] = [];
  for (const v of value.values) {
    const inner = stringAlternatives(v);
    if (inner === undefined) return undefined;
    out.push(...inner);
  }
  return out;
}

/** A test of several string alternatives (or-ed) as one needle set. */
export function stringsTest(strings: readonly SigmaString[]): ValueTest {
  const set = buildStringSet(strings);
  return (values) => stringSetMatches(set, values);
}

/** Compiles one value of a field item. Throws SigmaError for values that cannot be evaluated. */
export function compileValue(value: SigmaValue, field: string, nullMatchesEmpty = true): ValueTest {
  switch (value.kind) {
    case 'string':
      return stringsTest([value]);
    case 'number':
      return some(numberTest(value));
    case 'boolean': {
      const text = String(value.value);
      return some((v) => v.raw === value.value || v.lower === text);
    }
    case 'null':
      // Null, missing or empty (KQL's isempty()); where the target's null is only null (EQL, ES|QL), not empty.
      return (values, ev) => (values === undefined ? !ev.has(field) : values.every(nullMatchesEmpty ? isEmpty : isNull));
    case 'regex': {
      const test = compileRegex(value);
      return some((v) => v.text !== null && test(v.text));
    }
    case 'cidr': {
      const test = compileCidr(value);
      return some((v) => v.text !== null && test(v.text));
    }
    case 'fieldref': {
      const other = value.field;
      return (values, ev) => {
        const refs = ev.get(other);
        if (values === undefined || refs === undefined) return false;
        return values.some((v) => v.lower !== null && refs.some((r) => r.lower === v.lower));
      };
    }
    case 'exists': {
      const wanted = value.exists;
      return (_values, ev) => ev.has(field) === wanted;
    }
    case 'compare': {
      const { op } = value;
      const bound = value.value.value;
      return some((v) => {
        const n = numericValue(v);
        return n !== undefined && compare(op, n, bound);
      });
    }
    case 'timepart': {
      const { part } = value;
      const inner = value.value;
      const accept = inner.kind === 'number' ? (n: number) => n === inner.value : (n: number) => compare(inner.op, n, inner.value.value);
      return some((v) => {
        const n = v.text === null ? undefined : timePart(v.text, part);
        return n !== undefined && accept(n);
      });
    }
    case 'expansion': {
      const strings = stringAlternatives(value);
      if (strings !== undefined) return stringsTest(strings);
      const alternatives = value.values.map((v) => compileValue(v, field, nullMatchesEmpty));
      return (values, ev) => {
        for (const t of alternatives) if (t(values, ev)) return true;
        return false;
      };
    }
    case 'query':
      throw new SigmaError(
        'unsupported',
        `a query expression placeholder (${value.id}) exists only in a backend's query and cannot be evaluated`,
      );
    default: {
      const never: never = value;
      throw new SigmaError('internal', `unknown value kind ${String((never as { kind: unknown }).kind)}`);
    }
  }
}

/** A keyword (a value without a field) is searched anywhere inside every string value of the event. */
function anywhere(s: SigmaString): SigmaString {
  const first = s.parts[0];
  const last = s.parts[s.parts.length - 1];
  const star: Wildcard = Object.freeze({ kind: 'wildcard', char: '*' });
  const head = typeof first === 'object' && first.kind === 'wildcard' && first.char === '*' ? [] : [star];
  const tail = typeof last === 'object' && last.kind === 'wildcard' && last.char === '*' && s.parts.length > 0 ? [] : [star];
  return Object.freeze({ kind: 'string', parts: Object.freeze([...head, ...s.parts, ...tail]), cased: s.cased });
}

export type EventTest = (ev: IndexedEvent) => boolean;

/** Keyword strings as patterns found anywhere in a text; undefined when the value is not string-like. */
function keywordStrings(value: SigmaValue): SigmaString[] | undefined {
  if (value.kind === 'number') return [anywhere(Object.freeze({ kind: 'string', parts: [value.text], cased: false }))];
  return stringAlternatives(value)?.map(anywhere);
}

/** Or-ed keywords: all string-like ones as one needle set over the event's texts, the others one by one. */
export function compileKeywords(values: readonly SigmaValue[]): EventTest[] {
  const strings: SigmaString[] = [];
  const others: SigmaValue[] = [];
  for (const v of values) {
    const s = keywordStrings(v);
    if (s === undefined) others.push(v);
    else strings.push(...s);
  }
  const set = strings.length > 0 ? buildStringSet(strings) : undefined;
  const setTest: EventTest[] = set ? [(ev) => stringSetMatches(set, ev.texts)] : [];
  return [...setTest, ...others.map(compileKeyword)];
}

/** Compiles one keyword value: a test over all texts of the event. */
export function compileKeyword(value: SigmaValue): EventTest {
  const strings = keywordStrings(value);
  if (strings !== undefined) {
    const set = buildStringSet(strings);
    return (ev) => stringSetMatches(set, ev.texts);
  }
  switch (value.kind) {
    case 'regex': {
      const test = compileRegex(value);
      return (ev) => ev.texts.some((v) => v.text !== null && test(v.text));
    }
    case 'expansion': {
      const alternatives = value.values.map(compileKeyword);
      return (ev) => {
        for (const t of alternatives) if (t(ev)) return true;
        return false;
      };
    }
    default:
      throw new SigmaError('unsupported', `a keyword (a value without a field) cannot be a ${value.kind} value`);
  }
}
