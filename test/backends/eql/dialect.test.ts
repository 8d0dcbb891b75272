/**
 * The EQL dialect, construct by construct. Expected texts follow the reference's forms (pySigma's EQL backend:
 * `field:"v"`, `like~ (…)` lists, `==` for empty strings and IP addresses, parenthesized operands) and, where the
 * reference is not valid EQL, Elasticsearch's EqlBase.g4.
 */
import { describe, expect, it } from 'vitest';
import { SigmaError } from '../../../src/errors.js';
import { loadPipelineYaml } from '../../../src/pipeline/index.js';
import { validateEql } from '../../support/eql/validate.js';
import { eql, eql1 } from './helpers.js';
import { unresolvedPlaceholderTests } from '../../support/placeholders.js';

const sel = (body: string, condition = 'sel'): string => `    sel:\n${body}\n    condition: ${condition}`;

describe('EQL leaves', () => {
  it('matches a plain string with `:` and a wildcard pattern with `:`', () => {
    expect(eql1(sel("        Image: 'C:\\Windows\\x.exe'"))).toBe('any where Image:"C:\\\\Windows\\\\x.exe"');
    expect(eql1(sel("        Image|endswith: '\\x.exe'"))).toBe('any where Image:"*\\\\x.exe"');
  });

  it('compares empty strings and IP addresses with ==', () => {
    expect(eql1(sel("        CommandLine: ''"))).toBe('any where CommandLine==""');
    expect(eql1(sel("        DestinationIp: '127.0.0.1'"))).toBe('any where DestinationIp=="127.0.0.1"');
    expect(eql1(sel("        DestinationIp: '::1'"))).toBe('any where DestinationIp=="::1"');
    expect(eql1(sel("        DestinationIp: '127.0.0.*'"))).toBe('any where DestinationIp:"127.0.0.*"');
  });

  it('writes numbers, booleans and comparisons bare', () => {
    expect(eql1(sel('        EventID: 4688'))).toBe('any where EventID:4688');
    expect(eql1(sel('        Initiated: true'))).toBe('any where Initiated:true');
    expect(eql1(sel('        Port|gte: 1024'))).toBe('any where Port >= 1024');
    expect(eql1(sel('        Port|lt: 10'))).toBe('any where Port < 10');
  });

  it('lists the values of one field as like~ (…), numbers included', () => {
    expect(eql1(sel("        Image|endswith:\n            - '\\a.exe'\n            - '\\b.exe'"))).toBe(
      'any where Image like~ ("*\\\\a.exe", "*\\\\b.exe")',
    );
    expect(eql1(sel('        EventID:\n            - 19\n            - 20'))).toBe('any where EventID like~ (19, 20)');
  });

  it('writes cidr as cidrMatch and or-s several networks', () => {
    expect(eql1(sel("        DestinationIp|cidr:\n            - '10.0.0.0/8'\n            - '::1/128'"))).toBe(
      'any where cidrMatch(DestinationIp, "10.0.0.0/8") or cidrMatch(DestinationIp, "::1/128")',
    );
  });

  it('writes re as regex~ with the pattern as the string value', () => {
    expect(eql1(sel("        CommandLine|re: '\\s-O\\s'"))).toBe('any where CommandLine regex~ "\\\\s-O\\\\s"');
    expect(eql1(sel("        CommandLine|re: 'a\\\\b'"))).toBe('any where CommandLine regex~ "a\\\\\\\\b"');
    expect(eql1(sel("        CommandLine|re: '\\n\\t'"))).toBe('any where CommandLine regex~ "\\n\\t"');
    expect(eql1(sel("        CommandLine|re: 'ab\"c'"))).toBe('any where CommandLine regex~ "ab\\"c"');
  });

  it("needs no inline flag for re|i and re|s (regex~ is case-insensitive, Lucene's . matches line breaks) and rejects re|m", () => {
    expect(eql1(sel("        CommandLine|re|i: 'abc'"))).toBe('any where CommandLine regex~ "abc"');
    expect(eql1(sel("        CommandLine|re|s: 'a.c'"))).toBe('any where CommandLine regex~ "a.c"');
    expect(() => eql1(sel("        CommandLine|re|m: '^a$'"))).toThrow(SigmaError);
  });

  it('tests exists with ?field != null and ?field == null', () => {
    expect(eql1(sel('        CommandLine|exists: true'))).toBe('any where ?CommandLine != null');
    expect(eql1(sel('        CommandLine|exists: false'))).toBe('any where ?CommandLine == null');
  });

  it('matches cased strings case-sensitively with == and like', () => {
    expect(eql1(sel("        Image|cased: 'Abc'"))).toBe('any where Image == "Abc"');
    expect(eql1(sel("        Image|cased|endswith: 'Abc'"))).toBe('any where Image like "*Abc"');
  });

  it('rejects field references, which EQL cannot compare', () => {
    expect(() => eql1(sel('        Image|fieldref: ParentImage'))).toThrow(SigmaError);
  });
});

describe('EQL values that no wildcard pattern can express', () => {
  it('compares a literal * or ? without wildcards exactly with in~', () => {
    const q = eql1(sel("        ShareName: '\\\\\\\\\\*\\IPC$'"));
    expect(q).toBe('any where ShareName in~ ("\\\\\\\\*\\\\IPC$")');
    expect(validateEql(q)).toEqual({ ok: true });
  });

  it('matches a literal * or ? among wildcards with a regular expression', () => {
    const q = eql1(sel("        CommandLine|contains: ' -Filter \\*'"));
    expect(q).toBe('any where CommandLine regex~ ".* -Filter \\\\*.*"');
    expect(validateEql(q)).toEqual({ ok: true });
  });

  it('keeps such a value out of a like~ list', () => {
    expect(eql1(sel("        CommandLine|contains:\n            - 'help'\n            - '\\?'"))).toBe(
      'any where CommandLine:"*help*" or CommandLine regex~ ".*\\\\?.*"',
    );
  });

  it('writes line breaks as \\n and tabs as \\t', () => {
    const q = eql1(sel('        CommandLine: "a\\nb\\tc"'));
    expect(q).toBe('any where CommandLine:"a\\nb\\tc"');
    expect(validateEql(q)).toEqual({ ok: true });
  });
});

describe('EQL field names', () => {
  it('back-quotes a field that is not letters, digits, underscores and dots', () => {
    expect(eql1(sel("        c-uri|contains: '/x'"), {}, 'category: proxy')).toBe('any where `c-uri`:"*/x*"');
    expect(eql1(sel("        'Event ID': 1"))).toBe('any where `Event ID`:1');
    expect(eql1(sel('        where: 1'))).toBe('any where `where`:1');
    expect(eql1(sel("        winlog.event_data.CommandLine: 'x'"))).toBe('any where winlog.event_data.CommandLine:"x"');
  });
});

describe('EQL keywords', () => {
  it('searches keywords in the message field instead of writing bare strings', () => {
    expect(eql1("    keywords:\n        - 'mimikatz'\n        - 'sekurlsa'\n    condition: keywords")).toBe(
      'any where message like~ ("*mimikatz*", "*sekurlsa*")',
    );
    expect(eql1("    keywords:\n        - 'mimikatz'\n    condition: keywords")).toBe('any where message:"*mimikatz*"');
  });

  it('takes the keyword field from the keywordField option', () => {
    expect(eql1("    keywords:\n        - 'mimikatz'\n    condition: keywords", { options: { keywordField: 'event.original' } })).toBe(
      'any where event.original:"*mimikatz*"',
    );
  });
});

describe('EQL grouping', () => {
  it('parenthesizes lists, nested and/or and not under and/or, as the reference does', () => {
    const q = eql1(
      [
        '    sel:',
        "        Image|endswith: '\\a.exe'",
        "        CommandLine|contains:\n            - 'x'\n            - 'y'",
        '    filter:',
        "        User: 'SYSTEM'",
        '    condition: sel and not filter',
      ].join('\n'),
    );
    expect(q).toBe('any where (Image:"*\\\\a.exe" and (CommandLine like~ ("*x*", "*y*"))) and (not User:"SYSTEM")');
  });

  it('writes a windash expansion as an unparenthesized list, one list per value', () => {
    expect(eql1(sel("        Image: 'x'\n        CommandLine|windash|contains:\n            - ' -a'\n            - 'vss'"))).toBe(
      'any where Image:"x" and (CommandLine like~ ("* -a*", "* /a*", "* –a*", "* —a*", "* ―a*") or CommandLine like~ ("*vss*"))',
    );
  });

  it('negates a group with not (…) and an atom without parentheses', () => {
    expect(eql1(sel("        Image: 'x'\n        User: 'y'", 'not sel'))).toBe('any where not (Image:"x" and User:"y")');
    expect(eql1(sel("        Image: 'x'", 'not sel'))).toBe('any where not Image:"x"');
  });
});

describe('EQL event category', () => {
  it('writes any where by default and the logsource category with categoryPrefix', () => {
    const body = sel("        Image: 'x'");
    expect(eql1(body)).toBe('any where Image:"x"');
    expect(eql1(body, { options: { categoryPrefix: true } })).toBe('process where Image:"x"');
    expect(eql1(body, { options: { categoryPrefix: true } }, 'category: file_event\n    product: windows')).toBe('file where Image:"x"');
    expect(eql1(body, { options: { categoryPrefix: true } }, 'category: registry_set\n    product: windows')).toBe(
      'registry where Image:"x"',
    );
    expect(eql1(body, { options: { categoryPrefix: true } }, 'category: network_connection\n    product: windows')).toBe(
      'network where Image:"x"',
    );
    expect(eql1(body, { options: { categoryPrefix: true } }, 'product: linux\n    service: auditd')).toBe('any where Image:"x"');
  });

  it('rejects a categoryPrefix that is not a boolean', () => {
    expect(() => eql(sel("        Image: 'x'"), { options: { categoryPrefix: 'yes' } })).toThrow(SigmaError);
  });

  it('writes one query per condition', () => {
    expect(eql(`    a:\n        Image: 'x'\n    b:\n        Image: 'y'\n    condition:\n        - a\n        - b`)).toEqual([
      'any where Image:"x"',
      'any where Image:"y"',
    ]);
  });
});

describe('EQL placeholders (|expand)', () => {
  unresolvedPlaceholderTests(eql, 9);

  it('a placeholder that a pipeline defines (value_placeholders) converts to its values', () => {
    const pipeline = loadPipelineYaml(`vars:\n  Admins: [root, admin]\ntransformations:\n  - type: value_placeholders`);
    expect(eql1(sel("        User|expand: '%Admins%'"), { pipelines: [pipeline] })).toBe('any where User like~ ("root", "admin")');
  });
});
