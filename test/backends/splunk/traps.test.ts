/**
 * The "Known traps" of issue 4: constructs that broke the reference backend in the field. Each is a named test.
 *
 * Precedence: SPL's search command evaluates NOT, then OR, then the implicit AND (help.splunk.com, "Boolean
 * expressions with logical operators"). So `a b OR c` already means `a AND (b OR c)`: the query for
 * `selection and (selection2 or selection3)` is correct without parentheses (the reference writes it that way
 * too), and the tests check the meaning SPL reads, not a parenthesis. See differences.md.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, ruleText, show, spl, splStructure, splText, type Structure } from './helpers.js';

/** The regex of a `| regex f="…"` / `| rex field=f "(?<n>…)"` command, unquoted as SPL reads it, as a JS RegExp. */
function commandRegex(command: string): RegExp {
  const m = /="((?:[^"\\]|\\.)*)"$/.exec(command) ?? /"\(\?<\w+>((?:[^"\\]|\\.)*)\)"$/.exec(command);
  if (!m?.[1]) throw new Error(`no regex in ${command}`);
  const body = m[1].replace(/\\(.)/g, '$1');
  const flags = /^\(\?([ims]+)\)/.exec(body);
  return new RegExp(flags ? body.slice(flags[0].length) : body, flags ? flags[1] : '');
}

describe('trap: precedence', () => {
  it('selection and (selection2 or selection3) means AND of the OR: OR binds tighter than the implicit AND in SPL', () => {
    const q = spl(`    selection:
        Image|endswith: ['\\chrome.exe', '\\msedge.exe']
    selection2:
        CommandLine|contains: ['--headless', '--remote-debugging']
    selection3:
        ParentProcessName|endswith: 'browser.exe'
    condition: selection and (selection2 or selection3)`);
    expect(q).toBe(
      'Image IN ("*\\\\chrome.exe", "*\\\\msedge.exe") CommandLine IN ("*--headless*", "*--remote-debugging*") OR ParentProcessName="*browser.exe"',
    );
    expect(show(splStructure(q))).toBe(
      'and(Image IN ("*\\\\chrome.exe", "*\\\\msedge.exe"), or(CommandLine IN ("*--headless*", "*--remote-debugging*"), ParentProcessName="*browser.exe"))',
    );
  });

  it('(selection and selection2) or selection3 groups the AND inside the OR', () => {
    const q = spl(`    selection:
        Image|endswith: '\\chrome.exe'
    selection2:
        CommandLine|contains: '--headless'
    selection3:
        ParentProcessName|endswith: 'browser.exe'
    condition: (selection and selection2) or selection3`);
    expect(q).toBe('(Image="*\\\\chrome.exe" CommandLine="*--headless*") OR ParentProcessName="*browser.exe"');
    expect(show(splStructure(q))).toBe('or(and(Image="*\\\\chrome.exe", CommandLine="*--headless*"), ParentProcessName="*browser.exe")');
  });

  it('an OR inside a list of maps and-ed with another field keeps its meaning (each map grouped inside the OR)', () => {
    const q = spl(`    selection:
        - Image|endswith: '\\rundll32.exe'
          CommandLine|contains: 'javascript:'
        - Image|endswith: '\\mshta.exe'
    filter:
        User: 'SYSTEM'
    condition: selection and not filter`);
    expect(q).toBe('(Image="*\\\\rundll32.exe" CommandLine="*javascript:*") OR Image="*\\\\mshta.exe" NOT User="SYSTEM"');
    expect(show(splStructure(q))).toBe(
      'and(or(and(Image="*\\\\rundll32.exe", CommandLine="*javascript:*"), Image="*\\\\mshta.exe"), not(User="SYSTEM"))',
    );
  });

  it('NOT over an OR of windash variants negates the whole OR', () => {
    const q = spl(`    selection:
        Image|endswith: '\\regsvr32.exe'
    filter:
        CommandLine|contains|windash: ' -n '
    condition: selection and not filter`);
    expect(normalize(splStructure(q))).toEqual(
      normalize({
        op: 'and',
        args: [
          'Image="*\\\\regsvr32.exe"',
          { op: 'not', args: [{ op: 'or', args: ['-', '/', '–', '—', '―'].map((d) => `CommandLine="* ${d}n *"`) }] },
        ],
      }),
    );
  });

  it('any and/or/not condition over selections compiles to SPL that reads as the same boolean structure', () => {
    type Cond = { kind: 'sel'; n: number } | { kind: 'not'; arg: Cond } | { kind: 'and' | 'or'; args: Cond[] };
    const cond: fc.Memo<Cond> = fc.memo((depth) =>
      depth <= 1
        ? fc.integer({ min: 1, max: 4 }).map((n): Cond => ({ kind: 'sel', n }))
        : fc.oneof(
            fc.integer({ min: 1, max: 4 }).map((n): Cond => ({ kind: 'sel', n })),
            cond(depth - 1).map((arg): Cond => ({ kind: 'not', arg })),
            fc
              .tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(cond(depth - 1), { minLength: 2, maxLength: 3 }))
              .map(([kind, args]): Cond => ({ kind, args })),
          ),
    );
    const text = (c: Cond): string =>
      c.kind === 'sel' ? `sel${c.n}` : c.kind === 'not' ? `not (${text(c.arg)})` : `(${c.args.map(text).join(` ${c.kind} `)})`;
    const expected = (c: Cond): Structure =>
      c.kind === 'sel'
        ? `F${c.n}="v${c.n}"`
        : c.kind === 'not'
          ? { op: 'not', args: [expected(c.arg)] }
          : { op: c.kind, args: c.args.map(expected) };
    const selections = [1, 2, 3, 4].map((n) => `    sel${n}:\n        F${n}: 'v${n}'`).join('\n');
    fc.assert(
      fc.property(cond(4), (c) => {
        const q = spl(`${selections}\n    condition: ${text(c)}`);
        expect(show(normalize(splStructure(q)))).toBe(show(normalize(expected(c))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('trap: field: null', () => {
  it('field: null is NOT field=* (field!=* would need the field to exist, so it never matches)', () => {
    expect(
      spl(`    selection:
        Image|endswith: '\\cmd.exe'
        CommandLine: null
    condition: selection`),
    ).toBe('Image="*\\\\cmd.exe" NOT CommandLine=*');
  });

  it('not (field: null) negates the whole NOT field=*', () => {
    const q = spl(`    selection:
        Image|endswith: '\\cmd.exe'
    filter:
        CommandLine: null
    condition: selection and not filter`);
    expect(q).not.toMatch(/!=\*/);
    expect(show(splStructure(q))).toBe('and(Image="*\\\\cmd.exe", not(not(CommandLine=*)))');
  });
});

describe('trap: backslash before a modifier wildcard', () => {
  it('|contains: \\Desktop\\ keeps both backslashes literal (\\\\) and the wildcards wildcards', () => {
    expect(
      spl(`    selection:
        TargetFilename|contains: '\\Desktop\\'
    condition: selection`),
    ).toBe('TargetFilename="*\\\\Desktop\\\\*"');
  });

  it('|endswith and |startswith with a trailing backslash', () => {
    expect(
      spl(`    selection:
        TargetFilename|startswith: 'C:\\Users\\'
        ParentImage|endswith: '\\'
    condition: selection`),
    ).toBe('TargetFilename="C:\\\\Users\\\\*" ParentImage="*\\\\"');
  });
});

describe('trap: escaped \\* is a literal asterisk', () => {
  const literal = ' -Filter *';

  it('and-ed: a wildcard pre-filter (a superset) plus an exact | regex filter, never a \\* search term', () => {
    const q = spl(`    selection:
        Image|endswith: '\\powershell.exe'
        CommandLine|contains: ' -Filter \\*'
    condition: selection`);
    expect(q).not.toMatch(/(^|[^\\])(\\\\)*\\\*/);
    const [search, regex] = q.split('\n| ');
    expect(search).toBe('Image="*\\\\powershell.exe" CommandLine="* -Filter **"');
    expect(regex).toMatch(/^regex CommandLine="/);
    const re = commandRegex(regex as string);
    expect(re.test(`Get-ADUser${literal}`)).toBe(true);
    expect(re.test('Get-ADUser -Filter x')).toBe(false);
  });

  it('or-ed: a rex stage whose condition field the search tests', () => {
    const q = spl(`    selection:
        - CommandLine|contains: ' -Filter \\*'
        - Image|endswith: '\\dsquery.exe'
    condition: selection`);
    const lines = q.split('\n| ');
    expect(lines[0]).toBe('*');
    const re = commandRegex(lines[1] as string);
    expect(re.test(`x${literal} y`)).toBe(true);
    expect(re.test('x -Filter y')).toBe(false);
    expect(lines[2]).toBe('eval CommandLineCondition=if(isnotnull(CommandLineMatch), "true", "false")');
    expect(lines[3]).toBe('search CommandLineCondition="true" OR Image="*\\\\dsquery.exe"');
  });

  it('negated: an inverted | regex filter and no pre-filter (NOT of a superset would drop matches)', () => {
    const q = spl(`    selection:
        Image|endswith: '\\powershell.exe'
    filter:
        CommandLine|contains: ' -Filter \\*'
    condition: selection and not filter`);
    const [search, regex] = q.split('\n| ');
    expect(search).toBe('Image="*\\\\powershell.exe"');
    expect(regex).toMatch(/^regex CommandLine!="/);
    expect(commandRegex(regex as string).test(`a${literal}`)).toBe(true);
  });

  it('a keyword with a literal * is a regex over _raw', () => {
    const q = splText(
      ruleText(
        `    keywords:
        - 'select \\*'
        - 'drop'
    condition: keywords`,
        'category: database',
      ),
    );
    expect(q).toContain('rex field=_raw "(?<_rawMatch>');
    expect(q).toContain('search _rawCondition="true" OR "drop"');
  });
});

describe('trap: pipeline conditions before | regex and | rex', () => {
  const security = 'product: windows\n    service: security';

  it('splunk_windows source= condition is in the search before a | rex stage', () => {
    const q = splText(
      ruleText(
        `    selection:
        EventID: 4688
    selection_cli:
        - CommandLine|re: '\\s-enc\\s'
        - CommandLine|contains: 'FromBase64String'
    condition: all of selection*`,
        security,
      ),
      ['splunk_windows'],
    );
    const lines = q.split('\n| ');
    expect(lines[0]).toBe('source IN ("WinEventLog:Security", "XmlWinEventLog:Security") EventCode=4688');
    expect(lines[1]).toMatch(/^rex field=CommandLine /);
    expect(lines[3]).toBe('search CommandLineCondition="true" OR CommandLine="*FromBase64String*"');
  });

  it('splunk_windows source= condition stays in the search when the whole condition is an OR', () => {
    const q = splText(
      ruleText(
        `    selection:
        - CommandLine|re: '\\s-enc\\s'
        - EventID: 4688
    condition: selection`,
        security,
      ),
      ['splunk_windows'],
    );
    expect(q.split('\n| ')[0]).toBe('source IN ("WinEventLog:Security", "XmlWinEventLog:Security")');
    expect(q).toMatch(/\n\| search CommandLineCondition="true" OR EventCode=4688$/);
  });

  it('splunk_windows source= condition is in the search before a | regex filter', () => {
    const q = splText(
      ruleText(
        `    selection:
        EventID: 4688
        CommandLine|re: '\\s-enc\\s'
    condition: selection`,
        security,
      ),
      ['splunk_windows'],
    );
    expect(q).toBe('source IN ("WinEventLog:Security", "XmlWinEventLog:Security") EventCode=4688\n| regex CommandLine="\\\\s-enc\\\\s"');
  });
});
