import { describe, expect, it } from 'vitest';
import { compileString } from '../../src/eval/glob.js';
import { parseSigmaString } from '../../src/rule/strings.js';
import { SigmaError } from '../../src/errors.js';

/** Tests a Sigma string (wildcard syntax) against a text, lowercasing like the evaluator does. */
function globMatches(pattern: string, text: string, cased = false): boolean {
  const m = compileString(parseSigmaString(pattern, cased));
  return m.test(m.cased ? text : text.toLowerCase());
}

describe('Sigma wildcard patterns', () => {
  it('without wildcards, equals the whole text', () => {
    expect(globMatches('cmd.exe', 'CMD.EXE')).toBe(true);
    expect(globMatches('cmd.exe', 'xcmd.exe')).toBe(false);
  });
  it('* matches any run, including an empty one', () => {
    expect(globMatches('*\\cmd.exe', 'C:\\Windows\\cmd.exe')).toBe(true);
    expect(globMatches('C:\\\\*', 'C:\\')).toBe(true); // Sigma `C:\\*`: a backslash, then the wildcard
    expect(globMatches('*whoami*', 'WHOAMI')).toBe(true);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a*b*c', 'a__b__c')).toBe(true);
    expect(globMatches('a*b*c', 'a__c__b')).toBe(false);
  });
  it('? matches exactly one character', () => {
    expect(globMatches('prog?.exe', 'progA.exe')).toBe(true);
    expect(globMatches('prog?.exe', 'prog.exe')).toBe(false);
    expect(globMatches('*a?c*', 'xxabcxx')).toBe(true);
    expect(globMatches('*a?c', 'xxabd')).toBe(false);
  });
  it('treats escaped wildcards as literal characters', () => {
    expect(globMatches('select \\*', 'select *')).toBe(true);
    expect(globMatches('select \\*', 'select x')).toBe(false);
    expect(globMatches('what\\?', 'what?')).toBe(true);
  });
  it('matches case-sensitively when cased', () => {
    expect(globMatches('*Evil*', 'an Evil one', true)).toBe(true);
    expect(globMatches('*Evil*', 'an evil one', true)).toBe(false);
  });
  it('does not backtrack: a star-heavy pattern over a long text is fast', () => {
    const text = 'a'.repeat(20_000);
    const t0 = performance.now();
    expect(globMatches('*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(globMatches('*a?a?a?a?a?b*', text)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
  });
  it('refuses placeholders, which need a pipeline', () => {
    const placeholder = { kind: 'string', parts: ['x', { kind: 'placeholder', name: 'Admins' }], cased: false } as const;
    expect(() => compileString(placeholder)).toThrow(SigmaError);
    expect(() => compileString(placeholder)).toThrow(/%Admins%/);
  });
});
