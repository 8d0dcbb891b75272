import { describe, expect, it } from 'vitest';
import { itemOf, show } from './helpers.js';
import { SigmaError } from '../../src/errors.js';
import { base64Offsets } from '../../src/rule/modifiers.js';

const first = (key: string, value: string) => itemOf(key, value).values[0];

describe('string modifiers', () => {
  it('contains wraps the value in * wildcards', () => expect(show(first('CommandLine|contains', "'abc'"))).toBe('<*>abc<*>'));
  it('contains does not double a wildcard the value already has', () =>
    expect(show(first('CommandLine|contains', "'*abc'"))).toBe('<*>abc<*>'));
  it('startswith appends a * wildcard', () => expect(show(first('Image|startswith', "'C:\\Windows'"))).toBe('C:\\Windows<*>'));
  it('endswith prepends a * wildcard', () => expect(show(first('Image|endswith', "'\\cmd.exe'"))).toBe('<*>\\cmd.exe'));
  it('contains keeps a trailing backslash literal before its wildcard', () =>
    expect(show(first('CommandLine|contains', "'\\Desktop\\'"))).toBe('<*>\\Desktop\\<*>'));
  it('cased marks the string case-sensitive', () => {
    const v = first('CommandLine|cased', "'Abc'");
    expect(v).toMatchObject({ kind: 'string', cased: true });
  });
  it('windash expands a flag dash into all five dash characters', () => {
    expect(show(first('CommandLine|windash|contains', "' -enc '"))).toEqual([
      '<*> -enc <*>',
      '<*> /enc <*>',
      '<*> –enc <*>',
      '<*> —enc <*>',
      '<*> ―enc <*>',
    ]);
  });
  it('windash leaves a dash inside a word alone', () => {
    expect(show(first('CommandLine|windash', "'Export-Certificate'"))).toBe('Export-Certificate');
  });
  it('all links the values with and', () => {
    const item = itemOf('CommandLine|contains|all', "['a', 'b']");
    expect(item.linking).toBe('and');
  });
  it('all on a single value is an error', () => {
    expect(() => itemOf('CommandLine|contains|all', "'a'")).toThrow(/'all' needs a list/);
  });
  it('neq negates the item', () => expect(itemOf('User|neq', "'SYSTEM'").negated).toBe(true));
  it('expand turns %name% into a placeholder', () => expect(show(first('User|expand', "'%admins%'"))).toBe('<%admins%>'));
  it('fieldref makes a reference to another field', () =>
    expect(first('TargetUser|fieldref', 'SubjectUser')).toEqual({ kind: 'fieldref', field: 'SubjectUser' }));
});

describe('encoding modifiers', () => {
  it('base64 encodes the value', () => expect(show(first('CommandLine|base64', "'foobar'"))).toBe('Zm9vYmFy'));
  it('base64offset gives the three offset encodings (pySigma: foobar → Zm9vYmFy, Zvb2Jhc, mb29iYX)', () => {
    expect(base64Offsets('foobar')).toEqual(['Zm9vYmFy', 'Zvb2Jhc', 'mb29iYX']);
    expect(show(first('CommandLine|base64offset|contains', "'foobar'"))).toEqual(['<*>Zm9vYmFy<*>', '<*>Zvb2Jhc<*>', '<*>mb29iYX<*>']);
  });
  it('base64offset of a one-byte value drops the offset-1 encoding, which is empty (it would match any text)', () => {
    // pySigma's cuts: a → YQ== [0:-3] = Y; " a" → IGE= [2:-2] = '' (dropped); "  a" → ICBh [3:] = h
    expect(base64Offsets('a')).toEqual(['Y', '', 'h']);
    expect(show(first('CommandLine|base64offset|contains', "'a'"))).toEqual(['<*>Y<*>', '<*>h<*>']);
  });
  it('base64offset of a two-byte value keeps all three encodings', () =>
    expect(show(first('CommandLine|base64offset|contains', "'ab'"))).toEqual(['<*>YW<*>', '<*>Fi<*>', '<*>hY<*>']));
  it('base64offset of an empty value is a value error located at the value (no encoding is left)', () => {
    let error: unknown;
    try {
      itemOf('CommandLine|base64offset|contains', "''");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SigmaError);
    expect((error as SigmaError).code).toBe('value');
    // line 7 of the helper's rule: `    CommandLine|base64offset|contains: ''`, the value at column 40
    const { file, line, column } = (error as SigmaError).location;
    expect([file, line, column]).toEqual(['test.yml', 7, 40]);
  });
  it('utf16le (and wide) put a zero byte after each ASCII character (spec: cmd → 63 00 6d 00 64 00)', () => {
    expect(show(first('X|utf16le', "'cmd'"))).toBe('c\0m\0d\0');
    expect(show(first('X|wide', "'cmd'"))).toBe('c\0m\0d\0');
  });
  it('utf16be puts the zero byte first (spec: cmd → 00 63 00 6d 00 64)', () => expect(show(first('X|utf16be', "'cmd'"))).toBe('\0c\0m\0d'));
  it('utf16 prepends the byte order mark FF FE', () => expect(show(first('X|utf16', "'cmd'"))).toBe('\xff\xfec\0m\0d\0'));
  it('wide then base64offset encodes the UTF-16 bytes', () => {
    // "ping" as UTF-16LE = 70 00 69 00 6e 00 67 00 → base64 cABpAG4AZwA=
    expect(show(first('X|wide|base64', "'ping'"))).toBe('cABpAG4AZwA=');
  });
  it('base64 of a value with wildcards is an error', () => expect(() => itemOf('X|base64', "'a*'")).toThrow(SigmaError));
});

describe('regular expressions', () => {
  it('re keeps the pattern verbatim, backslashes included', () => {
    expect(first('CommandLine|re', "'\\\\d+\\.exe$'")).toEqual({
      kind: 'regex',
      pattern: '\\\\d+\\.exe$',
      flags: { ignoreCase: false, multiline: false, dotAll: false },
    });
  });
  it('re|i, re|m and re|s set the flags', () => {
    expect(first('X|re|i|m|s', "'a.b'")).toMatchObject({ kind: 'regex', flags: { ignoreCase: true, multiline: true, dotAll: true } });
  });
  it('an i flag without re is an error', () => expect(() => itemOf('X|i', "'a'")).toThrow(/only follows 're'/));
  it('a malformed regex is an error with its location', () => {
    try {
      itemOf('X|re', "'[a-'");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SigmaError);
      expect((e as SigmaError).code).toBe('value');
      expect((e as SigmaError).line).toBe(7);
    }
  });
});

describe('other value modifiers', () => {
  it('cidr parses IPv4 ranges', () =>
    expect(first('DestinationIp|cidr', "'10.0.0.0/8'")).toMatchObject({ kind: 'cidr', version: 4, prefix: 8 }));
  it('cidr parses IPv6 ranges', () =>
    expect(first('DestinationIp|cidr', "'fe80::/10'")).toMatchObject({ kind: 'cidr', version: 6, prefix: 10 }));
  it('cidr of a single address has the full prefix', () => expect(first('DestinationIp|cidr', "'::1'")).toMatchObject({ cidr: '::1/128' }));
  it('a bad CIDR is an error', () => expect(() => itemOf('DestinationIp|cidr', "'10.0.0.0/33'")).toThrow(/invalid CIDR/));
  it('a non-address CIDR is an error', () => expect(() => itemOf('DestinationIp|cidr', "'example.com/8'")).toThrow(/invalid CIDR/));
  it('exists takes a boolean', () => expect(first('User|exists', 'true')).toEqual({ kind: 'exists', exists: true }));
  it('exists with a string is an error', () => expect(() => itemOf('User|exists', "'yes'")).toThrow(SigmaError));
  it.each([
    ['lt', 'lt'],
    ['lte', 'lte'],
    ['gt', 'gt'],
    ['gte', 'gte'],
  ])('%s compares numbers', (m, op) => expect(first(`Count|${m}`, '5')).toMatchObject({ kind: 'compare', op, value: { value: 5 } }));
  it('a numeric comparison with a string is an error', () => expect(() => itemOf('Count|gt', "'x'")).toThrow(SigmaError));
  it.each(['minute', 'hour', 'day', 'week', 'month', 'year'])('%s selects a time part', (m) =>
    expect(first(`Timestamp|${m}`, '3')).toMatchObject({ kind: 'timepart', part: m }),
  );
  it('an unknown modifier is an error naming it', () => expect(() => itemOf('X|containz', "'a'")).toThrow(/unknown modifier 'containz'/));
});

describe('plain values', () => {
  it('field: null is a null value', () => expect(first('User', 'null')).toEqual({ kind: 'null' }));
  it("field: '' is an empty string", () => expect(first('User', "''")).toMatchObject({ kind: 'string', parts: [] }));
  it('numbers keep their written form', () =>
    expect(first('EventID', '4688')).toMatchObject({ kind: 'number', value: 4688, text: '4688' }));
  it('booleans are booleans', () => expect(first('Enabled', 'true')).toEqual({ kind: 'boolean', value: true }));
  it('a number under contains becomes a string', () => expect(show(first('Port|contains', '445'))).toBe('<*>445<*>'));
});

describe('encoding chains', () => {
  it('utf16 then base64offset encodes the UTF-16 bytes with the byte order mark (FF FE 63 00 6D 00 64 00)', () => {
    // base64 of FF FE 63 00 6D 00 64 00 is //5jAG0AZAA=; offset 0 with 8 bytes (8 % 3 = 2) drops the last two chars.
    expect(show(first('CommandLine|utf16|base64offset|contains', "'cmd'"))).toContain('<*>//5jAG0AZA<*>');
  });
  it('wide then base64 encodes bytes above 0x7F as single bytes (é → E9 00 → 6QA=)', () => {
    expect(show(first('X|wide|base64', "'é'"))).toBe('6QA=');
  });
  it('base64 of a non-ASCII value encodes its UTF-8 bytes (é → C3 A9 → w6k=)', () => {
    expect(show(first('X|base64', "'é'"))).toBe('w6k=');
  });
});
