/**
 * One suite for every target: a `|expand` placeholder that no pipeline defines is refused with an `unsupported`
 * SigmaError naming it at its item, wherever it appears, never written as the literal text `%name%`.
 */
import { expect, it } from 'vitest';
import { errorOf } from './errors.js';

/**
 * `convert` turns a detection section (indented as in a rule) into queries for the target; `line` is the line of
 * the detection's first item in the rule text that `convert` builds (file `test.yml`).
 */
export function unresolvedPlaceholderTests(convert: (detection: string) => unknown, line: number): void {
  const conversionError = (item: string) => errorOf(() => convert(`    selection:\n        ${item}\n    condition: selection`));

  it('a placeholder no pipeline defines is an unsupported SigmaError at its item, not the literal text %name%', () => {
    const e = conversionError(`User|expand: '%Admins%'`);
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('%Admins%');
    expect([e.file, e.line, e.column]).toEqual(['test.yml', line, 9]);
  });

  it('is refused in a list of values, with wildcards, cased, and as a keyword too', () => {
    for (const item of [
      `User|expand: ['root', '%Admins%']`,
      `User|expand|contains: 'x%Admins%'`,
      `User|expand|cased: '%Admins%'`,
      `'|expand': '%Admins%'`,
    ]) {
      expect(conversionError(item).code, item).toBe('unsupported');
    }
  });
}
