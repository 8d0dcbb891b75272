/**
 * The KQL dialect, construct by construct. Expected texts follow pySigma-backend-kusto's output format (as in
 * ../shared/reference/pysigma/kusto.*.jsonl) and, where the reference is wrong, the KQL the issue asks for.
 */
import { describe, expect, it } from 'vitest';
import { kql } from './helpers.js';
import { SigmaError } from '../../../src/errors.js';
import { errorOf } from '../../support/errors.js';

describe('string matching', () => {
  it('uses contains / startswith / endswith / =~, case-insensitive by default', () => {
    expect(kql('    sel:\n        CommandLine|contains: abc\n    condition: sel')).toBe('CommandLine contains "abc"');
    expect(kql('    sel:\n        CommandLine|startswith: abc\n    condition: sel')).toBe('CommandLine startswith "abc"');
    expect(kql('    sel:\n        Image|endswith: \\a.exe\n    condition: sel')).toBe('Image endswith "\\\\a.exe"');
    expect(kql('    sel:\n        Image: abc\n    condition: sel')).toBe('Image =~ "abc"');
  });

  it('uses the _cs operators and == for cased values', () => {
    expect(kql('    sel:\n        CommandLine|contains|cased: aBc\n    condition: sel')).toBe('CommandLine contains_cs "aBc"');
    expect(kql('    sel:\n        CommandLine|startswith|cased: aBc\n    condition: sel')).toBe('CommandLine startswith_cs "aBc"');
    expect(kql('    sel:\n        CommandLine|endswith|cased: aBc\n    condition: sel')).toBe('CommandLine endswith_cs "aBc"');
    expect(kql('    sel:\n        CommandLine|cased: aBc\n    condition: sel')).toBe('CommandLine == "aBc"');
  });

  it('escapes backslashes and double quotes in string literals', () => {
    expect(kql('    sel:\n        CommandLine|contains: \'"BUILTIN\\\\"\'\n    condition: sel')).toBe(
      'CommandLine contains "\\"BUILTIN\\\\\\""',
    );
  });

  it('treats a lone * as startswith "" and ** as contains "", as pySigma does', () => {
    expect(kql("    sel:\n        CommandLine: '*'\n    condition: sel")).toBe('CommandLine startswith ""');
    expect(kql("    sel:\n        CommandLine: '**'\n    condition: sel")).toBe('CommandLine contains ""');
  });

  it('compares the empty string with =~ ""', () => {
    expect(kql("    sel:\n        CommandLine: ''\n    condition: sel")).toBe('CommandLine =~ ""');
  });
});

describe('value lists', () => {
  it('writes plain values of one field as an in~ list and values with wildcards after it', () => {
    expect(kql('    sel:\n        Image:\n            - a.exe\n            - b.exe\n    condition: sel')).toBe(
      'Image in~ ("a.exe", "b.exe")',
    );
    expect(kql("    sel:\n        Image:\n            - a.exe\n            - '*\\b.exe'\n    condition: sel")).toBe(
      'Image in~ ("a.exe") or Image endswith "\\\\b.exe"',
    );
  });

  it('writes contains values as an or of contains', () => {
    expect(kql('    sel:\n        CommandLine|contains:\n            - a\n            - b\n    condition: sel')).toBe(
      'CommandLine contains "a" or CommandLine contains "b"',
    );
  });

  it('writes |all values as has_all for plain values and an and of comparisons otherwise', () => {
    expect(kql('    sel:\n        CommandLine|contains|all:\n            - a\n            - b\n    condition: sel')).toBe(
      'CommandLine contains "a" and CommandLine contains "b"',
    );
    expect(kql('    sel:\n        CommandLine|all:\n            - a\n            - b\n    condition: sel')).toBe(
      'CommandLine has_all ("a", "b")',
    );
  });

  it('quotes numbers in an in~ list of a column of unknown type, as the reference does', () => {
    expect(kql('    sel:\n        DestinationPort:\n            - 80\n            - 443\n    condition: sel')).toBe(
      'DestinationPort in~ ("80", "443")',
    );
  });
});

describe('other values', () => {
  it('compares numbers with ==', () => {
    expect(kql('    sel:\n        LogonType: 9\n    condition: sel')).toBe('LogonType == 9');
  });

  it('writes regular expressions with matches regex, flags as an inline group', () => {
    expect(kql("    sel:\n        CommandLine|re: '\\s-D\"'\n    condition: sel")).toBe('CommandLine matches regex "\\\\s-D\\""');
    expect(kql("    sel:\n        CommandLine|re|i: '^a.b$'\n    condition: sel")).toBe('CommandLine matches regex "(?i)^a.b$"');
    expect(kql("    sel:\n        CommandLine|re|i|m|s: 'x'\n    condition: sel")).toBe('CommandLine matches regex "(?ims)x"');
  });

  it('writes IPv4 ranges with ipv4_is_in_range', () => {
    expect(kql("    sel:\n        DestinationIp|cidr: '10.0.0.0/8'\n    condition: sel")).toBe(
      'ipv4_is_in_range(DestinationIp, "10.0.0.0/8")',
    );
  });

  it('writes null as isnull and exists as isnotempty / isempty', () => {
    expect(kql('    sel:\n        CommandLine: null\n    condition: sel')).toBe('isnull(CommandLine)');
    expect(kql('    sel:\n        CommandLine|exists: true\n    condition: sel')).toBe('isnotempty(CommandLine)');
    expect(kql('    sel:\n        CommandLine|exists: false\n    condition: sel')).toBe('isempty(CommandLine)');
  });

  it('writes numeric comparisons with their operators', () => {
    expect(kql('    sel:\n        Size|gt: 5\n    condition: sel')).toBe('Size > 5');
    expect(kql('    sel:\n        Size|lte: 5\n    condition: sel')).toBe('Size <= 5');
  });

  it('compares two columns for fieldref', () => {
    expect(kql('    sel:\n        TargetUser|fieldref: SubjectUser\n    condition: sel')).toBe('TargetUser =~ SubjectUser');
  });

  it("quotes a column name that is not a word with ['…']", () => {
    expect(kql('    sel:\n        cs-method: GET\n    condition: sel')).toBe('[\'cs-method\'] =~ "GET"');
  });
});

describe('boolean structure', () => {
  it('puts parentheses around every and/or/not inside another, none at the top', () => {
    expect(kql('    a:\n        A: 1\n        B: 2\n    b:\n        C: 3\n    condition: a or b')).toBe('(A == 1 and B == 2) or C == 3');
    expect(kql('    a:\n        A:\n            - x*\n            - y*\n    b:\n        C: 3\n    condition: a and b')).toBe(
      '(A startswith "x" or A startswith "y") and C == 3',
    );
  });

  it('writes not(…) with the negated group in its own parentheses', () => {
    expect(kql('    a:\n        A: x\n    f:\n        B: v\n    condition: a and not f')).toBe('A =~ "x" and (not(B =~ "v"))');
    expect(kql('    a:\n        A: x\n    f:\n        B: v\n        C: z\n    condition: a and not f')).toBe(
      'A =~ "x" and (not((B =~ "v" and C =~ "z")))',
    );
  });

  it('treats a "1 of" that matches one selection as that selection', () => {
    expect(kql('    a:\n        A: x\n    filter_1:\n        B: v\n    condition: a and not 1 of filter_*')).toBe(
      'A =~ "x" and (not(B =~ "v"))',
    );
  });

  it('writes windash alternatives flat inside an or and grouped inside an and', () => {
    expect(kql("    a:\n        CommandLine|windash|contains: ' -f'\n    b:\n        Image: x\n    condition: a and b")).toBe(
      '(CommandLine contains " -f" or CommandLine contains " /f" or CommandLine contains " –f" or CommandLine contains " —f" or CommandLine contains " ―f") and Image =~ "x"',
    );
    expect(kql("    a:\n        CommandLine|windash|contains:\n            - ' -f'\n            - ' -s'\n    condition: a")).toBe(
      'CommandLine contains " -f" or CommandLine contains " /f" or CommandLine contains " –f" or CommandLine contains " —f" or CommandLine contains " ―f" or CommandLine contains " -s" or CommandLine contains " /s" or CommandLine contains " –s" or CommandLine contains " —s" or CommandLine contains " ―s"',
    );
  });

  it('groups an or chain too long for the analyzer into parenthesised runs', () => {
    const values = Array.from({ length: 500 }, (_, i) => `            - v${i}`).join('\n');
    const query = kql(`    sel:\n        CommandLine|contains:\n${values}\n    condition: sel`);
    expect(query.startsWith('(CommandLine contains "v0" or ')).toBe(true);
    expect(query.split(') or (').length).toBe(3);
    expect(query.match(/ contains /g)?.length).toBe(500);
  });
});

describe('typed columns (the pipeline names the table)', () => {
  it('compares an int column with numbers, not strings', () => {
    expect(kql("    sel:\n        RemotePort:\n            - '80'\n            - 443\n    condition: sel", 'DeviceNetworkEvents')).toBe(
      'RemotePort in (80, 443)',
    );
    expect(kql("    sel:\n        RemotePort: '9389'\n    condition: sel", 'DeviceNetworkEvents')).toBe('RemotePort == 9389');
  });

  it('reads hexadecimal strings as numbers for a long column', () => {
    expect(kql("    sel:\n        LogonId: '0x3e7'\n    condition: sel", 'DeviceProcessEvents')).toBe('LogonId == 0x3e7');
  });

  it('compares a non-numeric string with the text of a numeric column', () => {
    expect(kql("    sel:\n        LogonId: 'null'\n    condition: sel", 'DeviceProcessEvents')).toBe('tostring(LogonId) =~ "null"');
    expect(kql("    sel:\n        RemotePort|startswith: '44'\n    condition: sel", 'DeviceNetworkEvents')).toBe(
      'tostring(RemotePort) startswith "44"',
    );
  });

  it('compares a bool column with true / false', () => {
    expect(kql("    sel:\n        IsProcessRemoteSession: 'true'\n    condition: sel", 'DeviceProcessEvents')).toBe(
      'IsProcessRemoteSession == true',
    );
    expect(kql('    sel:\n        IsProcessRemoteSession: false\n    condition: sel', 'DeviceProcessEvents')).toBe(
      'IsProcessRemoteSession == false',
    );
  });

  it('compares a boolean value with the text of a string column', () => {
    expect(kql('    sel:\n        NetworkDirection: true\n    condition: sel', 'imNetworkSession')).toBe('NetworkDirection =~ "true"');
  });

  it('keeps the reference text for string columns', () => {
    expect(kql("    sel:\n        TargetProcessCommandLine|contains: 'a'\n    condition: sel", 'imProcessCreate')).toBe(
      'TargetProcessCommandLine contains "a"',
    );
  });
});

describe('placeholders (|expand)', () => {
  const conversionError = (detection: string): SigmaError => errorOf(() => kql(detection));

  it('a placeholder no pipeline defines is an unsupported SigmaError naming it, at its item', () => {
    const e = conversionError(`    selection:\n        User|expand: '%Admins%'\n    condition: selection`);
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain("'%Admins%'");
    expect([e.file, e.line, e.column]).toEqual(['test.yml', 8, 9]);
  });

  it('as a keyword, it is refused the same way', () => {
    const e = conversionError(`    keywords:\n        '|expand': '%Admins%'\n    condition: keywords`);
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain("'%Admins%' in a keyword");
  });
});
