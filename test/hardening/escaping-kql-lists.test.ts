/**
 * Issue 10, KQL (continued from escaping-kql.test.ts): lists of values, contains|all, keywords, windash,
 * base64offset and re, the named tricky values, and checks of the oracle itself. Same method: the query is read
 * back with Microsoft's Kusto parser and every literal must mean exactly the value the rule meant.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';
import {
  ANY,
  ONE,
  meaning,
  onlyQuery,
  params,
  regexFlags,
  regexPattern,
  ruleText,
  selection,
  sigmaGlob,
  txt,
  type Tok,
  listProperties,
} from './escaping-support.js';
import {
  KQL_MEANINGS,
  checkedReading,
  convert,
  expectMeanings,
  globOfWildcardRegex,
  literalMeaning,
  readKql,
} from './escaping-kql-support.js';

const RUNS = 150;

describe.skipIf(!HAS_SHARED)('KQL literals of lists, expansions, keywords and regexes denote exactly the rule values', () => {
  if (!HAS_SHARED) console.warn(SHARED_MISSING);

  listProperties(KQL_MEANINGS, 'in every column');

  it('re (with i, m, s flags): the regex literal is exactly the pattern, or the pattern is refused as a value error', () => {
    fc.assert(
      fc.property(regexPattern, fc.constantFrom('', '|i', '|s', '|i|s', '|m'), (pattern, modifiers) => {
        const outcome = convert(ruleText(selection(`CommandLine|re${modifiers}`, pattern)));
        if (!outcome.ok) {
          expect(outcome.error.code).toBe('value');
          return;
        }
        const flags = regexFlags(modifiers);
        const reading = checkedReading(onlyQuery(outcome), 'ProcessCommandLine');
        expect(reading.literals.map((l) => [l.op, l.value])).toEqual([['matches regex', `${flags ? `(?${flags})` : ''}${pattern}`]]);
      }),
      params(RUNS),
    );
  });
});

describe.skipIf(!HAS_SHARED)('KQL: the named tricky values', () => {
  const one = (modifiers: string, raw: string, shape: (g: Tok[]) => Tok[], cased = false): void =>
    expectMeanings(convert(ruleText(selection(`CommandLine${modifiers}`, raw))), [meaning(shape(sigmaGlob(raw)), cased)], 'or');
  it('a trailing backslash before the closing quote', () => one('', 'C:\\Windows\\', (g) => g));
  it('a trailing backslash before a `*` wildcard (contains)', () => one('|contains', 'C:\\Temp\\', (g) => [ANY, ...g, ANY]));
  it('a backslash before a quote in the value', () => one('', 'say \\"hi\\"', (g) => g));
  it('a pipe inside the value cannot start a new query operator', () => one('|contains', '" | take 1 | where "', (g) => [ANY, ...g, ANY]));
  it('an escaped `*` stays a character, not a wildcard', () => one('|endswith', 'a\\*b', (g) => [ANY, ...g]));
  it('a `?` wildcard is exactly one character', () => one('|cased', 'a?b', (g) => g, true));
  it('a NUL, a line break and an astral character survive', () => one('', 'a\u0000b\nc😀', (g) => g));
});

describe.skipIf(!HAS_SHARED)('the KQL oracle itself', () => {
  it('reads an `=~` literal as exact text, so a wildcard in it would not pass for a wildcard', () => {
    const [l] = readKql('T | where C =~ "a*"').literals;
    expect(l && literalMeaning(l)).toBe(meaning([txt('a*')], false));
    expect(l && literalMeaning(l)).not.toBe(meaning([txt('a'), ANY], false));
  });
  it('refuses a wildcard regex with an unescaped metacharacter', () => {
    expect(globOfWildcardRegex('(?i)^a|b$')).toBeUndefined();
    expect(globOfWildcardRegex('(?i)^a\\|b.$')).toEqual({ glob: [txt('a'), txt('|'), txt('b'), ONE], cased: false });
  });
  it('counts a string literal that sits under no comparison', () => {
    const reading = readKql('T | where C =~ "a" | extend x = "b"');
    expect([reading.literals.length, reading.stringTokens]).toEqual([1, 2]);
  });
});
