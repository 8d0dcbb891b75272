/**
 * Shared by the escaping property tests (escaping-*.test.ts): hostile value generators, the Sigma meaning of a
 * value (computed from the specification's escape rules, independent of the loader), rules built as JSON text,
 * and conversion outcomes. Each test file reads its target's query back with that target's own parser and
 * compares meanings.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Converter } from '../../src/convert.js';
import { loadRules } from '../../src/rule/load.js';
import { SigmaError } from '../../src/errors.js';
import type { DetectionItem, SigmaString, SigmaValue } from '../../src/rule/ast.js';

/** Fixed seed and bounded runs: failures reproduce and CI time stays small. */
export const SEED = 20261110;
export const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

// ───────────────────────────── hostile values ─────────────────────────────

/** Pieces a value is built from: every character class that has a meaning somewhere in a query language. */
// prettier-ignore
const PIECES = [
  'a', 'Z', 'ß', ' ', '"', "'", '\\', '\\\\', '|', '`', '*', '?', '\\*', '\\?', '\\\\*', '\n', '\r', '\t', '\0', '\x01',
  '\x08', '\x0b', '\x0c', '\x1b', '\x7f', '\x85', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', 'é', 'İ', '😀',
  '𝔸', '\u{10FFFF}', '%', '(', ')', '$', '^', '.', '{', '}', '[', ']', '#', '@', '&', '<', '>', '~', '+', ',', ';',
  '=', ':', '!', 'h"', "@'", '```', '"""', '\\"', "\\'", '\\n', '\\u{41}', '\\x41', ' OR ', ' | ', '"|', '`a`',
] as const;
const DASHES = ['-', '/', ' -', ' /', '//', '/*', '*/'] as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const anyText = fc.string({ unit: 'binary', maxLength: 2 }).filter((s) => !LONE_SURROGATE.test(s));
const dashless = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: anyText.filter((s) => !/[-/]/.test(s)) },
);
const piece = fc.oneof({ weight: 12, arbitrary: dashless }, { weight: 1, arbitrary: fc.constantFrom(...DASHES) });

/** A value of up to 8 hostile pieces. */
export const rawValue = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
/** Mostly random values, one in five ending in a backslash (the classic way to swallow a closing quote). */
export const hostileValue = fc.oneof({ weight: 4, arbitrary: rawValue }, { weight: 1, arbitrary: rawValue.map((v) => `${v}\\`) });
/** Values with one or two flag dashes (`-x`, `/x`) for windash, and no other dash (bounded expansion). */
export const dashyValue = fc
  .tuple(
    fc.array(dashless, { maxLength: 3 }),
    fc.constantFrom(' -a', ' /a', '-', ' -'),
    fc.array(dashless, { maxLength: 3 }),
    fc.constantFrom('', ' /b', ' -c'),
  )
  .map(([a, d1, b, d2]) => `${a.join('')}${d1}${b.join('')}${d2}`);

/** Regex atoms: valid syntax and broken syntax, with every character that is special to a string literal. */
export const regexPattern = fc
  .array(
    // prettier-ignore
    fc.constantFrom(
      'a', '"', "'", '`', '|', '\\\\', '\\"', '\\.', '\\*', '\\d', '.', '.*', '[a"\\\\]', '(x|y)', '\n', '\t', '\0', '\x1b',
      '😀', '\u2028', 'é', '{2}', '^', '$', '\\n', '\\t', '\\x41', '\\u0041', '\\', '(', '*', '[', "\\'", '\\\\n',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((p) => p.join(''));

// ───────────────────────────── the intended value (Sigma spec, "Escape Character") ─────────────────────────────

/** One token of a Sigma pattern: text, `*` (any run) or `?` (one character). */
export type Tok = { readonly t: 'text'; readonly s: string } | { readonly t: 'any' } | { readonly t: 'one' };
export const ANY: Tok = Object.freeze({ t: 'any' });
export const ONE: Tok = Object.freeze({ t: 'one' });
export const txt = (s: string): Tok => ({ t: 'text', s });

/** `*`/`?` are wildcards; `\*`, `\?`, `\\` the literal characters; any other backslash is a backslash. */
export function sigmaGlob(raw: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    const next = raw.charAt(i + 1);
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      out.push(txt(next));
      i++;
    } else if (c === '*') out.push(ANY);
    else if (c === '?') out.push(ONE);
    else out.push(txt(c));
  }
  return out;
}

export const hasWildcard = (g: readonly Tok[]): boolean => g.some((t) => t.t !== 'text');
export const textOf = (g: readonly Tok[]): string => g.map((t) => (t.t === 'text' ? t.s : '')).join('');

export function globOfSigmaString(s: SigmaString): Tok[] {
  return s.parts.map((p) => (typeof p === 'string' ? txt(p) : p.kind === 'wildcard' ? (p.char === '*' ? ANY : ONE) : txt(`%${p.name}%`)));
}

/** A `*`/`?` wildcard pattern with no escape character (EQL `:`/`like`, SPL search terms with `?` too). */
export function globOfWildcardPattern(pattern: string, single: 'one' | 'text' = 'one'): Tok[] {
  return [...pattern].map((c) => (c === '*' ? ANY : c === '?' && single === 'one' ? ONE : txt(c)));
}

/**
 * A regex a backend wrote for a wildcard value, read back: a leading `(?flags)` group (`letters`; undefined when
 * there is none), `^` or else an open start, `.*` any, `.` one (`dots` when any was seen), `\x` the character x,
 * `\xHH` the character of that code,
 * and how it ends: `$`, `\z` or open (the glob then ends in any). Undefined when a metacharacter appears anywhere
 * else — a value character that reached the regex engine as syntax — or a backslash before a letter or digit.
 * Each target decides what its engine makes of the flags, the dots and the end.
 */
export function readWildcardRegex(
  re: string,
): { glob: Tok[]; letters: string | undefined; dots: boolean; end: 'open' | 'dollar' | 'z' } | undefined {
  const flags = /^\(\?([ims]*)\)/.exec(re);
  const letters = flags ? (flags[1] ?? '') : undefined;
  let i = flags ? flags[0].length : 0;
  const glob: Tok[] = [];
  if (re.charAt(i) === '^') i++;
  else glob.push(ANY);
  let end: 'open' | 'dollar' | 'z' = 'open';
  let dots = false;
  while (i < re.length) {
    const c = re.charAt(i);
    if (c === '\\') {
      const next = re.charAt(i + 1);
      if (next === 'z' && i + 2 === re.length) {
        end = 'z';
        i += 2;
        continue;
      }
      const hex = /^x([0-9A-Fa-f]{2})/.exec(re.slice(i + 1));
      if (hex?.[1] !== undefined) {
        // `\xHH`, the character with that code (PCRE and RE2 alike; the Splunk backend writes a backtick so)
        glob.push(txt(String.fromCharCode(parseInt(hex[1], 16))));
        i += 4;
        continue;
      }
      if (next === '' || /[A-Za-z0-9]/.test(next)) return undefined;
      glob.push(txt(next));
      i += 2;
    } else if (c === '.') {
      dots = true;
      if (re.charAt(i + 1) === '*') {
        glob.push(ANY);
        i += 2;
      } else {
        glob.push(ONE);
        i++;
      }
    } else if (c === '$' && i === re.length - 1) {
      end = 'dollar';
      i++;
    } else if ('^$|?*+()[]{}'.includes(c)) return undefined;
    else {
      glob.push(txt(c));
      i++;
    }
  }
  if (end === 'open') glob.push(ANY);
  return { glob, letters, dots, end };
}

/**
 * A meaning, as a comparable string: the canonical pattern (text merged, each run of wildcards as "n single + any")
 * and whether it is case-sensitive (only when case can matter for its text).
 */
export function meaning(g: readonly Tok[], cased: boolean): string {
  const out: string[] = [];
  let text = '';
  let ones = 0;
  let any = false;
  const flushText = (): void => {
    if (text) out.push(`T${text}`);
    text = '';
  };
  const flushWild = (): void => {
    if (ones || any) out.push(`W${ones}${any ? '+' : ''}`);
    ones = 0;
    any = false;
  };
  for (const t of g) {
    if (t.t === 'text') {
      if (t.s === '') continue;
      flushWild();
      text += t.s;
    } else {
      flushText();
      if (t.t === 'any') any = true;
      else ones++;
    }
  }
  flushText();
  flushWild();
  const plain = textOf(g);
  const caseMatters = plain.toLowerCase() !== plain || plain.toUpperCase() !== plain;
  return `${JSON.stringify(out)} ${caseMatters ? (cased ? 'cased' : 'nocase') : 'any-case'}`;
}

/**
 * base64offset as the Sigma specification defines it: the UTF-8 bytes at offsets 0, 1, 2, the stable middle.
 * Empty middles (a one-byte value at offset 1, an empty value at every offset) are left out: they would match any
 * text. No encoding at all means the value is refused.
 */
export function base64Offsets(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return [0, 1, 2]
    .map((i) => {
      const encoded = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
      const start = [0, 2, 3][i] as number;
      const end = [undefined, -3, -2][(bytes.length + i) % 3];
      return encoded.slice(start, end);
    })
    .filter((b) => b !== '');
}

/** The string modifiers and the pattern each makes of a value. */
export interface StringMode {
  readonly name: string;
  readonly modifiers: string;
  readonly shape: (g: Tok[]) => Tok[];
  readonly cased: boolean;
}
export const STRING_MODES: readonly StringMode[] = Object.freeze([
  { name: 'plain equality', modifiers: '', shape: (g) => g, cased: false },
  { name: 'contains', modifiers: '|contains', shape: (g) => [ANY, ...g, ANY], cased: false },
  { name: 'startswith', modifiers: '|startswith', shape: (g) => [...g, ANY], cased: false },
  { name: 'endswith', modifiers: '|endswith', shape: (g) => [ANY, ...g], cased: false },
  { name: 'cased', modifiers: '|cased', shape: (g) => g, cased: true },
  { name: 'contains|cased', modifiers: '|contains|cased', shape: (g) => [ANY, ...g, ANY], cased: true },
  { name: 'startswith|cased', modifiers: '|startswith|cased', shape: (g) => [...g, ANY], cased: true },
  { name: 'endswith|cased', modifiers: '|endswith|cased', shape: (g) => [ANY, ...g], cased: true },
]);

/** The flag prefix `(?ims)` a `re|i|m|s` value means, in that order. */
export const regexFlags = (modifiers: string): string => ['i', 'm', 's'].filter((f) => modifiers.split('|').includes(f)).join('');

// ───────────────────────────── rules and outcomes ─────────────────────────────

/** JSON is YAML: the rule as JSON text, non-ASCII as `\u` escapes so that no YAML line-break rule applies. */
export function ruleText(detection: Record<string, unknown>): string {
  const rule = { title: 'escaping property', logsource: { category: 'process_creation', product: 'windows' }, detection };
  return JSON.stringify(rule).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const selection = (key: string, value: unknown): Record<string, unknown> => ({ sel: { [key]: value }, condition: 'sel' });
export const keywords = (values: readonly string[]): Record<string, unknown> => ({ keywords: values, condition: 'keywords' });

/** The values of the rule's only detection item as the model holds them, expansions (windash) flattened. */
export function loadedStrings(text: string): SigmaString[] {
  const rule = loadRules(text, 'prop.yml').documents[0];
  if (!rule || rule.kind !== 'rule') throw new Error('no rule');
  const detection = rule.detection.selections.values().next().value;
  const item = detection?.items[0] as DetectionItem | undefined;
  if (!item || item.kind !== 'item') throw new Error('no item');
  const flat = (v: SigmaValue): SigmaValue[] => (v.kind === 'expansion' ? v.values.flatMap(flat) : [v]);
  return item.values.flatMap(flat).map((v) => {
    if (v.kind !== 'string') throw new Error(`not a string: ${v.kind}`);
    return v;
  });
}

export type Outcome = { readonly ok: true; readonly queries: readonly string[] } | { readonly ok: false; readonly error: SigmaError };

/** Converts a rule text; a failure must be a SigmaError other than `internal` (else it is thrown). */
export function outcomeOf(converter: Converter, text: string): Outcome {
  const r = converter.text(text, 'prop.yml');
  if (r.ok) return { ok: true, queries: r.queries };
  if (!(r.error instanceof SigmaError) || r.error.code === 'internal') throw r.error;
  return { ok: false, error: r.error };
}

/** The single query of a successful outcome. */
export function onlyQuery(outcome: Outcome): string {
  if (!outcome.ok) throw outcome.error;
  expect(outcome.queries).toHaveLength(1);
  return outcome.queries[0] as string;
}

/** A multiset of meanings equals another (order-free). */
export function expectSameMeanings(got: readonly string[], expected: readonly string[], context: string): void {
  expect([...got].sort(), context).toEqual([...expected].sort());
}

// ───────────────────────────── the properties every target shares ─────────────────────────────

/** How one target's escaping tests convert a rule and judge its query. */
export interface TargetMeanings<E> {
  readonly convert: (text: string) => Outcome;
  /** What the target must write for the Sigma pattern `glob` (`keyword`: a keyword, not a value of the field). */
  readonly expected: (glob: readonly Tok[], cased: boolean, keyword: boolean) => E;
  /** Asserts that the one query of `outcome` is exactly the `expected` parts joined by `join`. */
  readonly check: (outcome: Outcome, expected: readonly E[], join: 'or' | 'and', keyword: boolean) => void;
  readonly runs: number;
}

/** The field the shared properties put values in. */
const FIELD = 'CommandLine';

/** One `it` per string mode (plain, contains, startswith, endswith, cased …): a hostile value means exactly itself. */
export function stringModeProperties<E>(m: TargetMeanings<E>): void {
  for (const mode of STRING_MODES) {
    it(`${mode.name}: a hostile value means exactly that value`, () => {
      fc.assert(
        fc.property(hostileValue, (raw) => {
          const expected = m.expected(mode.shape(sigmaGlob(raw)), mode.cased, false);
          m.check(m.convert(ruleText(selection(`${FIELD}${mode.modifiers}`, raw))), [expected], 'or', false);
        }),
        params(m.runs),
      );
    });
  }
}

/** Lists, `contains|all`, keywords (searched `keywordPlace`), `windash` and `base64offset`: each value means exactly itself. */
export function listProperties<E>(m: TargetMeanings<E>, keywordPlace: string): void {
  it('a list of values: every value means exactly itself, or-ed', () => {
    fc.assert(
      fc.property(fc.array(hostileValue, { minLength: 2, maxLength: 5 }), (raws) => {
        const expected = raws.map((r) => m.expected(sigmaGlob(r), false, false));
        m.check(m.convert(ruleText(selection(FIELD, raws))), expected, 'or', false);
      }),
      params(m.runs),
    );
  });

  it('contains|all: every value means exactly `*value*`, and-ed', () => {
    fc.assert(
      fc.property(fc.array(hostileValue, { minLength: 2, maxLength: 4 }), (raws) => {
        const expected = raws.map((r) => m.expected([ANY, ...sigmaGlob(r), ANY], false, false));
        m.check(m.convert(ruleText(selection(`${FIELD}|contains|all`, raws))), expected, 'and', false);
      }),
      params(m.runs),
    );
  });

  it(`keywords: every keyword means exactly itself, searched ${keywordPlace}`, () => {
    fc.assert(
      fc.property(fc.array(hostileValue, { minLength: 1, maxLength: 4 }), (raws) => {
        const expected = raws.map((r) => m.expected([ANY, ...sigmaGlob(r), ANY], false, true));
        m.check(m.convert(ruleText(keywords(raws))), expected, 'or', true);
      }),
      params(m.runs),
    );
  });

  it('windash: every variant of the value means exactly that variant', () => {
    fc.assert(
      fc.property(dashyValue, fc.constantFrom('|windash', '|windash|contains'), (raw, modifiers) => {
        const text = ruleText(selection(`${FIELD}${modifiers}`, raw));
        const expected = loadedStrings(text).map((v) => m.expected(globOfSigmaString(v), false, false));
        m.check(m.convert(text), expected, 'or', false);
      }),
      params(m.runs),
    );
  });

  it('base64offset: the non-empty encodings mean exactly those texts (a wildcard is a modifier error, an empty value a value error)', () => {
    fc.assert(
      fc.property(hostileValue, (raw) => {
        const glob = sigmaGlob(raw);
        const outcome = m.convert(ruleText(selection(`${FIELD}|base64offset|contains`, raw)));
        if (hasWildcard(glob)) {
          expect(outcome.ok ? 'converted' : outcome.error.code).toBe('modifier');
          return;
        }
        const encodings = base64Offsets(textOf(glob));
        if (encodings.length === 0) {
          expect(outcome.ok ? 'converted' : outcome.error.code).toBe('value');
          return;
        }
        m.check(
          outcome,
          encodings.map((b) => m.expected([ANY, txt(b), ANY], false, false)),
          'or',
          false,
        );
      }),
      params(m.runs),
    );
  });
}
