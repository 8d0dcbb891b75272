import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/eval/regex.js';
import { SigmaError } from '../../src/errors.js';
import type { SigmaRegex } from '../../src/rule/ast.js';

const re = (pattern: string, flags: Partial<SigmaRegex['flags']> = {}): SigmaRegex => ({
  kind: 'regex',
  pattern,
  flags: { ignoreCase: false, multiline: false, dotAll: false, ...flags },
});

describe('rule regular expressions (re2js, linear time)', () => {
  it('searches anywhere in the value (not anchored)', () => {
    expect(compileRegex(re('-k\\s\\w{1,64}'))('svchost.exe -k netsvcs')).toBe(true);
    expect(compileRegex(re('^svchost'))('x svchost')).toBe(false);
  });
  it('is case-sensitive by default, as the specification says; i makes it insensitive', () => {
    expect(compileRegex(re('Evil'))('evil')).toBe(false);
    expect(compileRegex(re('Evil', { ignoreCase: true }))('evil')).toBe(true);
  });
  it('m lets ^ and $ match at line ends; s lets . match a newline', () => {
    expect(compileRegex(re('^b$'))('a\nb\nc')).toBe(false);
    expect(compileRegex(re('^b$', { multiline: true }))('a\nb\nc')).toBe(true);
    expect(compileRegex(re('a.b'))('a\nb')).toBe(false);
    expect(compileRegex(re('a.b', { dotAll: true }))('a\nb')).toBe(true);
  });
  it('accepts the PCRE the corpus uses: classes, quantifiers, non-capturing groups, inline (?i)', () => {
    expect(compileRegex(re('(?i)\\\\[a-z0-9]{1,8}\\.(?:exe|dll)$'))('C:\\X\\AB12.DLL')).toBe(true);
  });
  it.each([
    ['a backreference', '(a)\\1'],
    ['a lookahead', 'a(?=b)'],
    ['a lookbehind', '(?<=a)b'],
    ['a possessive quantifier', 'a++'],
    ['an atomic group', '(?>a)'],
  ])('reports %s as unsupported when the rule is compiled', (_what, pattern) => {
    let error: unknown;
    try {
      compileRegex(re(pattern));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SigmaError);
    expect((error as SigmaError).code).toBe('unsupported');
    expect((error as SigmaError).message).toContain(pattern);
  });
  it('cannot be driven into catastrophic backtracking', () => {
    const text = `${'a'.repeat(50_000)}!`;
    const t0 = performance.now();
    expect(compileRegex(re('^(a+)+$'))(text)).toBe(false);
    expect(compileRegex(re('(a|aa)*c'))(text)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
