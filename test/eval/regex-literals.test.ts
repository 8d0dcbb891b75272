/**
 * The literals a regex needs (src/eval/regex-literals.ts) are sound: every text the regex matches holds one of
 * them (lowercased). Regexes are generated as trees together with texts they match, and RE2 (re2js, the
 * evaluator's engine) confirms each text matches before the literals are checked against it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { regexLiterals } from '../../src/eval/regex-literals.js';

/** A regex tree: its pattern and a generator of texts it matches. */
interface Gen {
  readonly pattern: string;
  readonly text: fc.Arbitrary<string>;
}

const escape = (c: string): string => (/[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c);
const chars = fc.constantFrom('a', 'B', 'c', '.', '\\', '-', '$', '[', 'é', ' ');

const leaf: fc.Arbitrary<Gen> = fc.oneof(
  fc.string({ unit: chars, minLength: 1, maxLength: 6 }).map((s) => ({ pattern: [...s].map(escape).join(''), text: fc.constant(s) })),
  fc.constant({ pattern: '.', text: fc.constantFrom('x', '.', 'A') }),
  fc.constant({ pattern: '[a-c]', text: fc.constantFrom('a', 'b', 'c') }),
  fc.constant({ pattern: '\\d', text: fc.constantFrom('0', '7') }),
  fc.constant({ pattern: '\\s', text: fc.constantFrom(' ', '\t') }),
  fc.constant({ pattern: '\\x41', text: fc.constant('A') }),
  fc.constant({ pattern: '\\Q.a$\\E', text: fc.constant('.a$') }),
);

const tree: fc.Arbitrary<Gen> = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((parts) => ({
      pattern: parts.map((p) => p.pattern).join(''),
      text: fc.tuple(...parts.map((p) => p.text)).map((t) => t.join('')),
    })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((parts) => ({
      pattern: `(?:${parts.map((p) => p.pattern).join('|')})`,
      text: fc.oneof(...parts.map((p) => p.text)),
    })),
    fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{0,2}')).map(([p, q]) => {
      const [min, max] =
        q === '*' ? [0, 2] : q === '+' ? [1, 3] : q === '?' ? [0, 1] : q === '{2}' ? [2, 2] : q === '{1,3}' ? [1, 3] : [0, 2];
      return {
        pattern: `(${p.pattern})${q}`,
        text: fc.array(p.text, { minLength: min, maxLength: max }).map((t) => t.join('')),
      };
    }),
  ),
})).node;

describe('literals a regex needs', () => {
  it('occur (lowercased) in every text the regex matches', () => {
    fc.assert(
      fc.property(
        tree.chain((g) => fc.tuple(fc.constant(g.pattern), g.text, fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))),
        fc.boolean(),
        ([pattern, text, before, after], ignoreCase) => {
          const full = `${before}${text}${after}`;
          const re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
          expect(re.matcher(full).find()).toBe(true);
          const literals = regexLiterals(pattern);
          if (literals !== undefined) expect(literals.some((l) => full.toLowerCase().includes(l))).toBe(true);
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('are the spelled-out parts of the pattern, alternatives included, lowercased', () => {
    expect(regexLiterals(String.raw`\$PSHome\[\s*\d{1,3}\s*\]`)).toEqual(['$pshome[']);
    expect(regexLiterals(String.raw`(?i)\\(cmd|powershell)\.exe`)).toEqual(['\\cmd.exe', '\\powershell.exe']);
    expect(regexLiterals(String.raw`[A-Z]:\\Temp\\[a-z]+\.ps1`)).toEqual([':\\temp\\']);
  });

  it('are nothing when a branch, an optional part or an unread construct could match without them', () => {
    expect(regexLiterals('abcdef|x')).toBeUndefined();
    expect(regexLiterals('(abcdef)?x')).toBeUndefined();
    expect(regexLiterals('(?=abcdef)')).toBeUndefined();
    expect(regexLiterals('(?x) a b c d')).toBeUndefined();
    expect(regexLiterals('[abc]{3}')).toBeUndefined();
    expect(regexLiterals('ab')).toBeUndefined(); // too short to prefilter with
  });
});
