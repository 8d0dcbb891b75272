/** The "Known traps" of issue 6, one named test each. */
import { describe, expect, it } from 'vitest';
import { eqlStringValue, validateEql } from '../../support/eql/validate.js';
import { eql1 } from './helpers.js';

describe('EQL known traps (issue 6)', () => {
  it('contains \'\\Desktop\\\' keeps the trailing backslash literal: like~ ("*\\\\Desktop\\\\*"), the wildcard is not escaped', () => {
    const list = eql1(
      `    sel:\n        TargetFilename|contains:\n            - '\\Desktop\\'\n            - '\\Documents\\'\n    condition: sel`,
    );
    expect(list).toBe('any where TargetFilename like~ ("*\\\\Desktop\\\\*", "*\\\\Documents\\\\*")');
    expect(validateEql(list)).toEqual({ ok: true });
    const single = eql1(`    sel:\n        TargetFilename|contains: '\\Desktop\\'\n    condition: sel`);
    expect(single).toBe('any where TargetFilename:"*\\\\Desktop\\\\*"');
    // The literal's value is the pattern: backslash, Desktop, backslash, then the `*` wildcard (EQL patterns have
    // no escape character, so `\*` is a backslash followed by a wildcard).
    expect(eqlStringValue('"*\\\\Desktop\\\\*"')).toBe('*\\Desktop\\*');
  });

  it('re \'\\$\' escapes the backslash inside the EQL string: regex~ "\\\\$"', () => {
    const q = eql1(`    sel:\n        CommandLine|re: '\\$'\n    condition: sel`);
    expect(q).toBe('any where CommandLine regex~ "\\\\$"');
    expect(validateEql(q)).toEqual({ ok: true });
    expect(eqlStringValue('"\\\\$"')).toBe('\\$');
  });

  it('field: null is ?field == null, and its negation ?field != null, never an object dump', () => {
    expect(eql1(`    sel:\n        CommandLine: null\n    condition: sel`)).toBe('any where ?CommandLine == null');
    expect(eql1(`    sel:\n        Image: 'a.exe'\n    filter:\n        CommandLine: null\n    condition: sel and not filter`)).toBe(
      'any where Image:"a.exe" and ?CommandLine != null',
    );
    expect(eql1(`    sel:\n        Image: 'a.exe'\n    opt:\n        CommandLine: null\n    condition: sel and opt`)).toBe(
      'any where Image:"a.exe" and (?CommandLine == null)',
    );
  });
});
