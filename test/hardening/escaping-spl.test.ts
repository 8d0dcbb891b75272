/**
 * Issue 10, SPL: a rule value can never break out of its quoted string, and the query the splunk backend writes
 * (`createConverter({ target: 'splunk', pipelines: ['splunk_windows'] })`) means exactly the value the rule
 * meant, read back with an oracle that follows Splunk's documented quoting (escaping-spl-support.ts): the whole
 * query must parse with nothing left over, and its formula — search terms, `| regex` filters, `| rex` + `| eval`
 * conditions tested by a later `| search` — must equal the formula of the rule's values:
 * - a value SPL can search for is one search term of exactly that value (`*` → `*`; a `?` wildcard becomes `*`,
 *   the reference's approximation, since SPL has no one-character wildcard);
 * - a value with a literal `*` (which no search term can hold), a backtick (which Splunk would expand as a macro)
 *   or a `cased` value is an exact regex, possibly behind a superset search term.
 * Bounded: a fixed seed and a few hundred runs per property.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createConverter } from '../../src/index.js';
import {
  ANY,
  ONE,
  meaning,
  onlyQuery,
  outcomeOf,
  params,
  regexFlags,
  regexPattern,
  ruleText,
  selection,
  sigmaGlob,
  txt,
  type Outcome,
  type Tok,
  listProperties,
  stringModeProperties,
  type TargetMeanings,
} from './escaping-support.js';
import { formulaText, normalise, readSpl, regexAtomMeaning, tokenize, type Formula } from './escaping-spl-support.js';

const RUNS = 300;
const FIELD = 'CommandLine';

const converter = createConverter({ target: 'splunk', pipelines: ['splunk_windows'] });
const convert = (text: string): Outcome => outcomeOf(converter, text);

/** What one Sigma pattern must be in SPL: an exact regex when it has a literal `*` or a backtick or is cased, else a search term. */
function expectedAtom(g: readonly Tok[], cased: boolean, field: string): Formula {
  const literalStar = g.some((t) => t.t === 'text' && (t.s.includes('*') || t.s.includes('`')));
  if (cased || literalStar) return { op: 'atom', atom: { kind: 'regex', field, meaning: meaning(g, cased) } };
  const searched = g.map((t) => (t.t === 'one' ? ANY : t));
  return { op: 'atom', atom: { kind: 'search', field, meaning: meaning(searched, false) } };
}

function expectFormula(outcome: Outcome, atoms: readonly Formula[], join: 'or' | 'and'): void {
  const query = onlyQuery(outcome);
  const got = formulaText(normalise(readSpl(query).formula));
  const want = formulaText(normalise({ op: join, args: atoms }));
  expect(got, query).toBe(want);
}

describe('SPL values denote exactly the rule value (Splunk quoting rules)', () => {
  const meanings: TargetMeanings<Formula> = {
    convert,
    expected: (glob, cased, keyword) => expectedAtom(glob, cased, keyword ? '_raw' : FIELD),
    check: (outcome, expected, join) => expectFormula(outcome, expected, join),
    runs: RUNS,
  };
  stringModeProperties(meanings);
  listProperties(meanings, 'anywhere in the raw event');

  it('re (with i, m, s flags): the `| regex` argument is exactly the pattern, or the pattern is refused as a value error', () => {
    fc.assert(
      fc.property(regexPattern, fc.constantFrom('', '|i', '|s', '|i|s', '|m'), (pattern, modifiers) => {
        const outcome = convert(ruleText(selection(`${FIELD}|re${modifiers}`, pattern)));
        if (!outcome.ok) {
          expect(outcome.error.code).toBe('value');
          return;
        }
        const flags = regexFlags(modifiers);
        const reading = readSpl(onlyQuery(outcome));
        // a backtick is written `\x60` (Splunk would expand a literal one as a macro): the same character to PCRE
        const written = reading.regexes.map((r) => ({ ...r, pattern: r.pattern.replace(/\\x60/g, '`') }));
        for (const r of reading.regexes) expect(r.pattern).not.toContain('`');
        const meant = pattern.replace(/(?<!\\)((?:\\\\)*)\\`/g, '$1`');
        expect(written).toEqual([{ field: FIELD, pattern: `${flags ? `(?${flags})` : ''}${meant}`, negated: false }]);
      }),
      params(RUNS),
    );
  });
});

describe('SPL: the named tricky values', () => {
  const query = (modifiers: string, raw: string): string => onlyQuery(convert(ruleText(selection(`${FIELD}${modifiers}`, raw))));
  const one = (modifiers: string, raw: string, shape: (g: Tok[]) => Tok[], cased = false): void =>
    expectFormula(convert(ruleText(selection(`${FIELD}${modifiers}`, raw))), [expectedAtom(shape(sigmaGlob(raw)), cased, FIELD)], 'or');

  it('a trailing backslash before a `*` wildcard: `\\\\` then `*`, the backslash is text and the star a wildcard', () => {
    // Sigma `C:\Temp\` + startswith: the value is C:\Temp\ followed by anything
    expect(query('|startswith', 'C:\\Temp\\')).toBe('CommandLine="C:\\\\Temp\\\\*"');
    one('|startswith', 'C:\\Temp\\', (g) => [...g, ANY]);
    one('|contains', 'x\\', (g) => [ANY, ...g, ANY]);
  });
  it('a trailing backslash before the closing quote is doubled, so it cannot escape the quote', () => {
    expect(query('', 'C:\\Windows\\')).toBe('CommandLine="C:\\\\Windows\\\\"');
    one('', 'C:\\Windows\\', (g) => g);
  });
  it('a quote is written `\\"` and a backslash before a quote `\\\\\\"`', () => {
    expect(query('', 'say "hi"')).toBe('CommandLine="say \\"hi\\""');
    expect(query('', 'a\\"b')).toBe('CommandLine="a\\\\\\"b"');
    one('', 'a\\"b', (g) => g);
  });
  it('a pipe inside a value stays inside the quoted string (no new command)', () => {
    const q = query('|contains', '" | delete | search "');
    expect(tokenize(q).filter((t) => t.k === 'pipe')).toHaveLength(0);
    one('|contains', '" | delete | search "', (g) => [ANY, ...g, ANY]);
  });
  it('a literal `*` in a value is never a wildcard: an exact `| regex` filter after a superset search', () => {
    const q = query('', 'a\\*b');
    expect(q).toBe('CommandLine="a*b"\n| regex CommandLine="(?is)^a\\\\*b\\\\z"');
    expect(readSpl(q).regexes).toEqual([{ field: FIELD, pattern: '(?is)^a\\*b\\z', negated: false }]);
  });
  it('a literal `*` under an OR is an exact `| rex` condition, never a wildcard term', () => {
    expectFormula(
      convert(ruleText(selection(FIELD, ['x', 'a\\*b']))),
      [expectedAtom([txt('x')], false, FIELD), expectedAtom(sigmaGlob('a\\*b'), false, FIELD)],
      'or',
    );
  });
  it('a `?` wildcard becomes `*` in a search term (a superset: SPL has no one-character wildcard; as the reference)', () => {
    expect(query('', 'a?c')).toBe('CommandLine="a*c"');
  });
  it('a `?` wildcard in a cased value is exactly one character (`.` in the regex)', () => one('|cased', 'a?c', (g) => g, true));
});

describe('the SPL oracle itself', () => {
  it('decodes `\\\\` and `\\"` inside quotes and keeps other backslash sequences', () => {
    expect(tokenize('"a\\\\b\\"c\\d"')).toEqual([{ k: 'str', v: 'a\\b"c\\d', raw: '"a\\\\b\\"c\\d"' }]);
  });
  it('reads a `*` inside a quoted search term as a wildcard, so a literal `*` there would not pass', () => {
    const f = normalise(readSpl('F="a*"').formula);
    expect(formulaText(f)).toBe(`search F ${meaning([txt('a'), ANY], false)}`);
  });
  it('fails on a value that broke out of its quotes', () => {
    expect(() => readSpl('F="a" | delete "b"')).toThrow(/unexpected command/);
    expect(() => readSpl('F="a\\"')).toThrow(/unterminated/);
  });
  it('marks a PCRE `$` anchor as also matching before a final line break', () => {
    expect(regexAtomMeaning('(?s)^a$')?.meaning).toMatch(/or-before-final-newline$/);
    expect(regexAtomMeaning('(?s)^a\\z')?.meaning).toBe(meaning([txt('a')], true));
    expect(regexAtomMeaning('(?s)^a|b$')).toBeUndefined();
    expect(regexAtomMeaning('(?i)^a.$')).toBeUndefined();
    expect(regexAtomMeaning('(?is)a.')?.meaning).toBe(meaning([ANY, txt('a'), ONE, ANY], false));
  });
});
