import { describe, expect, it } from 'vitest';
import { parseSigmaString, plainText } from '../../src/rule/strings.js';
import { show } from './helpers.js';

describe('Sigma string escapes (spec: wildcards * and ?, escaped with backslash)', () => {
  it('turns * and ? into wildcards', () => {
    expect(show(parseSigmaString('a*b?c'))).toBe('a<*>b<?>c');
  });
  it('reads \\* and \\? as literal characters, not wildcards', () => {
    expect(show(parseSigmaString('/tn \\*'))).toBe('/tn *');
    expect(show(parseSigmaString('what\\?'))).toBe('what?');
  });
  it('reads \\\\ as one literal backslash', () => {
    expect(show(parseSigmaString('a\\\\b'))).toBe('a\\b');
  });
  it('keeps a backslash before an ordinary character, as in Windows paths', () => {
    expect(show(parseSigmaString('C:\\Windows\\System32'))).toBe('C:\\Windows\\System32');
  });
  it('keeps a trailing backslash literal', () => {
    expect(show(parseSigmaString('\\Desktop\\'))).toBe('\\Desktop\\');
  });
  it('reads \\\\* as a literal backslash followed by a wildcard', () => {
    expect(show(parseSigmaString('dir\\\\*'))).toBe('dir\\<*>');
  });
  it('gives back the plain text of a wildcard-free string', () => {
    expect(plainText(parseSigmaString('cmd.exe'))).toBe('cmd.exe');
  });
});
