/**
 * The string values of one item (a list of `endswith` paths, windash or base64offset alternatives …) merged
 * into one set of needles, tested by one shared function: exact values by hash lookup, prefixes, suffixes and
 * infixes by plain string operations, the rest by compiled globs. One hot, monomorphic loop instead of a
 * closure per value keeps matching thousands of rules fast from the first event.
 */
import type { SigmaString } from '../rule/ast.js';
import type { EventValue } from './fields.js';
import { stringShape, type TextTest } from './glob.js';

interface Needles {
  readonly exact: Set<string>;
  readonly prefixes: string[];
  readonly suffixes: string[];
  readonly infixes: string[];
  readonly globs: TextTest[];
  any: boolean;
  size: number;
}

export interface StringSet {
  /** Needles compared with the lowercased value. */
  readonly lower: Needles;
  /** `cased` needles, compared with the value as written. */
  readonly cased: Needles;
}

const needles = (): Needles => ({ exact: new Set(), prefixes: [], suffixes: [], infixes: [], globs: [], any: false, size: 0 });

export function buildStringSet(strings: readonly SigmaString[]): StringSet {
  const set: StringSet = { lower: needles(), cased: needles() };
  for (const s of strings) {
    const shape = stringShape(s);
    const n = shape.cased ? set.cased : set.lower;
    n.size++;
    switch (shape.kind) {
      case 'equals':
        n.exact.add(shape.text);
        break;
      case 'prefix':
        n.prefixes.push(shape.text);
        break;
      case 'suffix':
        n.suffixes.push(shape.text);
        break;
      case 'infix':
        n.infixes.push(shape.text);
        break;
      case 'any':
        n.any = true;
        break;
      case 'glob':
        n.globs.push(shape.test);
        break;
      default: {
        const never: never = shape;
        return never;
      }
    }
  }
  return set;
}

function textMatches(n: Needles, text: string): boolean {
  if (n.any || n.exact.has(text)) return true;
  for (const p of n.prefixes) if (text.startsWith(p)) return true;
  for (const p of n.suffixes) if (text.endsWith(p)) return true;
  for (const p of n.infixes) if (text.includes(p)) return true;
  for (const g of n.globs) if (g(text)) return true;
  return false;
}

/** Whether any of the values matches any needle. */
export function stringSetMatches(set: StringSet, values: readonly EventValue[] | undefined): boolean {
  if (values === undefined) return false;
  const { lower, cased } = set;
  for (const v of values) {
    if (v.lower === null) continue;
    if (lower.size > 0 && textMatches(lower, v.lower)) return true;
    if (cased.size > 0 && textMatches(cased, v.text as string)) return true;
  }
  return false;
}
