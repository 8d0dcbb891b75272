/**
 * Sigma string patterns (`*` any run, `?` one character) compiled into fast tests. No regular expressions
 * and no backtracking: segments between `*` have a fixed length, so the leftmost match of each middle
 * segment is always the right one and a test takes O(text × pattern) at worst.
 */
import type { SigmaString } from '../rule/ast.js';
import { SigmaError } from '../errors.js';

/** A run of text and single-character wildcards (`null`) between two `*`. */
type Segment = readonly (string | null)[];

export type TextTest = (text: string) => boolean;

export interface StringMatcher {
  /** Match on the raw text (`cased`) or on the lowercased text. */
  readonly cased: boolean;
  /** Takes the text in the case the matcher wants (lowercased unless `cased`). */
  readonly test: TextTest;
}

function segmentLength(seg: Segment): number {
  let n = 0;
  for (const p of seg) n += p === null ? 1 : p.length;
  return n;
}

function matchesAt(seg: Segment, text: string, at: number): boolean {
  let i = at;
  for (const p of seg) {
    if (p === null) i++;
    else {
      if (!text.startsWith(p, i)) return false;
      i += p.length;
    }
  }
  return i <= text.length;
}

/** Leftmost start ≥ from where `seg` matches, or -1. */
function find(seg: Segment, length: number, text: string, from: number): number {
  const first = seg[0];
  const lead = typeof first === 'string' ? first : undefined;
  for (let i = from; i + length <= text.length; i++) {
    if (lead !== undefined) {
      i = text.indexOf(lead, i);
      if (i === -1 || i + length > text.length) return -1;
    }
    if (matchesAt(seg, text, i)) return i;
  }
  return -1;
}

function globTest(segments: readonly Segment[]): TextTest {
  const lengths = segments.map(segmentLength);
  const last = segments.length - 1;
  const head = segments[0] as Segment;
  const tail = segments[last] as Segment;
  const headLength = lengths[0] as number;
  const tailLength = lengths[last] as number;
  if (last === 0) return (text) => text.length === headLength && matchesAt(head, text, 0);
  return (text) => {
    if (text.length < headLength + tailLength || !matchesAt(head, text, 0)) return false;
    let pos = headLength;
    for (let k = 1; k < last; k++) {
      const seg = segments[k] as Segment;
      const length = lengths[k] as number;
      const at = find(seg, length, text, pos);
      if (at === -1) return false;
      pos = at + length;
    }
    const tailStart = text.length - tailLength;
    return tailStart >= pos && matchesAt(tail, text, tailStart);
  };
}

/**
 * What a Sigma string tests, after lowercasing unless `cased`: the common shapes (`x`, `x*`, `*x`, `*x*`, `*`)
 * as plain text operations, anything else as a compiled glob test.
 */
export type StringShape =
  | { readonly kind: 'equals' | 'prefix' | 'suffix' | 'infix'; readonly text: string; readonly cased: boolean }
  | { readonly kind: 'any'; readonly cased: boolean }
  | { readonly kind: 'glob'; readonly test: TextTest; readonly cased: boolean };

function simpleShape(segments: readonly Segment[], cased: boolean): StringShape | undefined {
  const texts = segments.map((s) => (s.length === 0 ? '' : s.length === 1 && typeof s[0] === 'string' ? s[0] : undefined));
  if (texts.some((t) => t === undefined)) return undefined;
  const [a = '', b = '', c = ''] = texts as string[];
  if (texts.length === 1) return { kind: 'equals', text: a, cased };
  if (texts.length === 2) {
    if (a === '' && b === '') return { kind: 'any', cased };
    if (a === '') return { kind: 'suffix', text: b, cased };
    if (b === '') return { kind: 'prefix', text: a, cased };
    return undefined;
  }
  if (texts.length === 3 && a === '' && c === '') return b === '' ? { kind: 'any', cased } : { kind: 'infix', text: b, cased };
  return undefined;
}

/** Analyses a SigmaString. Placeholders (`expand` without a pipeline) are unsupported. */
export function stringShape(s: SigmaString): StringShape {
  const segments: (string | null)[][] = [[]];
  for (const part of s.parts) {
    const current = segments[segments.length - 1] as (string | null)[];
    if (typeof part === 'string') current.push(s.cased ? part : part.toLowerCase());
    else if (part.kind === 'wildcard') {
      if (part.char === '*') segments.push([]);
      else current.push(null);
    } else {
      throw new SigmaError(
        'unsupported',
        `placeholder %${part.name}% cannot be evaluated: the 'expand' modifier needs a processing pipeline that defines it`,
      );
    }
  }
  return simpleShape(segments, s.cased) ?? { kind: 'glob', test: globTest(segments), cased: s.cased };
}

function shapeTest(shape: StringShape): TextTest {
  switch (shape.kind) {
    case 'equals':
      return (text) => text === shape.text;
    case 'prefix':
      return (text) => text.startsWith(shape.text);
    case 'suffix':
      return (text) => text.endsWith(shape.text);
    case 'infix':
      return (text) => text.includes(shape.text);
    case 'any':
      return () => true;
    case 'glob':
      return shape.test;
    default: {
      const never: never = shape;
      return never;
    }
  }
}

/** Compiles a SigmaString into a matcher. Placeholders (`expand` without a pipeline) are unsupported. */
export function compileString(s: SigmaString): StringMatcher {
  return Object.freeze({ cased: s.cased, test: shapeTest(stringShape(s)) });
}
