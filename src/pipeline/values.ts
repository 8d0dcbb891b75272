/**
 * Value helpers shared by transformations and conditions, with pySigma's conventions where pipelines
 * written for pySigma depend on them (the "plain" text of a string, Python value → Sigma value).
 */
import type { SigmaString, SigmaValue } from '../rule/ast.js';
import { parseSigmaString } from '../rule/strings.js';

/**
 * pySigma's `str(SigmaString)`: literal `*`/`?` escaped with a backslash, wildcards as `*`/`?`, placeholders
 * as `%name%`, backslashes as they are. map_string keys and match_string patterns are written against it.
 */
export function pyPlain(s: SigmaString): string {
  let out = '';
  for (const p of s.parts) {
    if (typeof p === 'string') out += p.replace(/[*?]/g, (c) => '\\' + c);
    else if (p.kind === 'wildcard') out += p.char;
    else out += `%${p.name}%`;
  }
  return out;
}

/** A Python scalar from a pipeline (YAML) → a Sigma value, as pySigma's `sigma_type`. */
export function sigmaValueOf(v: unknown): SigmaValue {
  if (v === null || v === undefined) return Object.freeze({ kind: 'null' });
  if (typeof v === 'boolean') return Object.freeze({ kind: 'boolean', value: v });
  if (typeof v === 'number') return Object.freeze({ kind: 'number', value: v, text: String(v) });
  return parseSigmaString(String(v));
}

/** Structural equality of two values (strings compare parts and case sensitivity is ignored). */
export function sameValue(a: SigmaValue, b: SigmaValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string': {
      const bp = (b as SigmaString).parts;
      return (
        a.parts.length === bp.length &&
        a.parts.every((p, i) => {
          const q = bp[i];
          if (typeof p === 'string' || typeof q === 'string') return p === q;
          if (p.kind !== q?.kind) return false;
          return p.kind === 'wildcard' ? p.char === (q as typeof p).char : p.name === (q as typeof p).name;
        })
      );
    }
    case 'number':
      return a.value === (b as typeof a).value;
    case 'boolean':
      return a.value === (b as typeof a).value;
    default:
      return JSON.stringify(a) === JSON.stringify(b);
  }
}

/** Python-style equality of a state value with a condition value (null, scalars, lists, maps). */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

export type CompareOperator = 'eq' | 'ne' | 'gte' | 'gt' | 'lte' | 'lt';

/** `a op b` for state and attribute conditions; ordering only between two numbers or two strings. */
export function compareValues(a: unknown, op: CompareOperator, b: unknown): boolean {
  if (op === 'eq') return pyEquals(a, b);
  if (op === 'ne') return !pyEquals(a, b);
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case 'gte':
      return x >= y;
    case 'gt':
      return x > y;
    case 'lte':
      return x <= y;
    case 'lt':
      return x < y;
  }
}
