/**
 * A backtick in a value never reaches the search text (Splunk expands `` `name` `` as a macro before parsing, and
 * contentctl reads it so too): it is searched as `*` and filtered exactly by a regex that writes it as `\x60`.
 * And a rule's `fields` become `| table …` in pySigma's form.
 */
import { describe, expect, it } from 'vitest';
import { ruleText, spl, splText } from './helpers.js';

/** The macros a Splunk format calls on purpose; any other backtick would be a value's. */
const withoutFormatMacros = (q: string): string =>
  q.replace(/`(?:drop_dm_object_name\([^`]*\)|security_content_\w+(?:\([^`]*\))?|\w+_filter)`/g, '');

/** The regexes of `| regex F="…"` and `| rex field=F "(?<…>…)"` as JS RegExps (PCRE's `\x60` means the same in JS). */
function regexesOf(q: string): RegExp[] {
  const out: RegExp[] = [];
  for (const m of q.matchAll(/\| (?:regex [\w.]+=|rex field=[\w.]+ )"((?:[^"\\]|\\.)*)"/g)) {
    let body = (m[1] ?? '').replace(/\\(.)/g, '$1');
    const named = /^\(\?<\w+>(.*)\)$/s.exec(body);
    if (named) body = named[1] ?? body;
    const flags = /^\(\?([ims]+)\)/.exec(body);
    out.push(new RegExp(body.slice(flags?.[0].length ?? 0), flags?.[1] ?? ''));
  }
  return out;
}

const IEX = "    sel:\n        CommandLine|contains: 'I`E`X'\n    condition: sel";

describe('a backtick in a value', () => {
  it('is searched as * and filtered exactly: no backtick in the plain search, and the filter matches only the backticked text', () => {
    const q = spl(IEX);
    expect(q).not.toContain('`');
    expect(q).toContain('CommandLine="*I*E*X*"');
    const [re] = regexesOf(q);
    expect(re).toBeDefined();
    expect(re!.test('powershell I`E`X (New-Object)')).toBe(true);
    expect(re!.test('powershell i`e`x (New-Object)')).toBe(true);
    expect(re!.test('powershell IEX (New-Object)')).toBe(false);
    expect(re!.test('powershell I*E*X')).toBe(false);
  });

  it('leaves no literal backtick in any Splunk format (savedsearches, data_model, escu)', () => {
    expect(splText(ruleText(IEX), [], 'savedsearches')).not.toContain('`');
    for (const format of ['data_model', 'escu']) {
      const q = splText(ruleText(IEX), ['splunk_cim'], format);
      expect(withoutFormatMacros(q), format).not.toContain('`');
      expect(q).toMatch(/x60/);
    }
  });

  it('under an OR is tested by a rex stage whose regex matches only the backticked text', () => {
    const q = spl("    sel:\n        CommandLine|contains:\n            - 'I`E`X'\n            - 'Invoke-Expression'\n    condition: sel");
    expect(q).not.toContain('`');
    const [re] = regexesOf(q);
    expect(re!.test('x I`E`X y')).toBe(true);
    expect(re!.test('x IEX y')).toBe(false);
  });

  it('in a user regex is written \\x60, escaped or not, and keeps its meaning', () => {
    const q = spl("    sel:\n        CommandLine|re: 'i`?n`?v`?o`?k`?e|a\\`b'\n    condition: sel");
    expect(q).not.toContain('`');
    const [re] = regexesOf(q);
    expect(re!.test('i`n`v`o`k`e')).toBe(true);
    expect(re!.test('invoke')).toBe(true);
    expect(re!.test('a`b')).toBe(true);
    expect(re!.test('a\\b')).toBe(false);
  });
});

describe("a rule's fields", () => {
  const withFields = `${ruleText("    sel:\n        Image|endswith: '\\\\whoami.exe'\n    condition: sel")}\nfields:\n    - CommandLine\n    - ParentImage\n`;

  it('become | table as pySigma writes them: on the search line, names joined by commas', () => {
    expect(splText(withFields)).toBe('Image="*\\\\whoami.exe" | table CommandLine,ParentImage');
  });

  it('become a | table line of the savedsearches search', () => {
    expect(splText(withFields, [], 'savedsearches')).toBe('Image="*\\\\whoami.exe"\n| table CommandLine,ParentImage');
  });
});
