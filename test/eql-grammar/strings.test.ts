/**
 * EQL string literals as Elasticsearch reads them. Expected behaviour comes from
 * EqlBase.g4 (STRING_ESCAPE : '\\' [btnfr"'\\]; UNICODE_ESCAPE : '\\u' '{' HEX_DIGIT+ '}';
 * '"""' (~[\r\n])*? '"""') and from AbstractBuilder.unquoteString / its ParsingExceptions;
 * the lexer error texts follow Elasticsearch's ExpressionTests (whose columns are 1-based;
 * ANTLR's listener, and this checker, report them 0-based).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eqlStringValue, validateEql } from '../support/eql/validate.js';

const inCondition = (literal: string) => validateEql(`any where a : ${literal}`);

describe('escapes accepted inside "…"', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['\\b', '\b'],
    ['\\t', '\t'],
    ['\\n', '\n'],
    ['\\f', '\f'],
    ['\\r', '\r'],
    ['\\"', '"'],
    ["\\'", "'"],
    ['\\\\', '\\'],
  ];
  for (const [escape, value] of cases) {
    it(`${escape} denotes ${JSON.stringify(value)}`, () => {
      expect(eqlStringValue(`"x${escape}y"`)).toBe(`x${value}y`);
      expect(inCondition(`"x${escape}y"`)).toEqual({ ok: true });
    });
  }

  it('\\u{…} with 2 to 8 hex digits denotes that code point', () => {
    expect(eqlStringValue('"\\u{41}"')).toBe('A');
    expect(eqlStringValue('"\\u{0041}"')).toBe('A');
    expect(eqlStringValue('"\\u{1F600}"')).toBe('😀');
    expect(eqlStringValue('"\\u{0000263a}"')).toBe('☺');
    expect(eqlStringValue('"\\u{10FFFF}"')).toBe(String.fromCodePoint(0x10ffff));
  });
});

describe('escapes the lexer rejects (token recognition error at the string start)', () => {
  // The reference's rejected queries use exactly these: regex escapes in regex~ "…", and \* \? in strings.
  for (const escape of ['\\s', '\\d', '\\w', '\\/', '\\.', '\\*', '\\?', '\\$', '\\x41', '\\0', '\\a', '\\v']) {
    it(`${escape} is not an EQL escape`, () => {
      const query = `any where a : "x${escape}"`;
      expect(validateEql(query)).toEqual({
        ok: false,
        kind: 'lexer',
        offset: 14,
        message: `line 1:14: token recognition error at: '"x${escape.slice(0, 2)}'`,
      });
      expect(eqlStringValue(`"x${escape}"`)).toBeUndefined();
    });
  }

  it('malformed \\u escapes fail in the lexer where the grammar stops matching', () => {
    const at = (literal: string) => {
      const r = validateEql(literal.length ? `any where a : ${literal}` : '');
      return r.ok ? 'ok' : r.message;
    };
    expect(at('"\\u{}"')).toBe(`line 1:14: token recognition error at: '"\\u{}'`);
    expect(at('"\\u{U1}"')).toBe(`line 1:14: token recognition error at: '"\\u{U'`);
    expect(at('"\\u{00U1}"')).toBe(`line 1:14: token recognition error at: '"\\u{00U'`);
    expect(at('"\\uad12"')).toBe(`line 1:14: token recognition error at: '"\\ua'`);
    expect(at('"\\u{DA12"')).toBe(`line 1:14: token recognition error at: '"\\u{DA12"'`);
    expect(at('"\\u01f0}"')).toBe(`line 1:14: token recognition error at: '"\\u0'`);
  });

  it('a string cannot contain a raw line break or end before its closing quote', () => {
    expect(validateEql('any where a : "x\ny"')).toMatchObject({
      ok: false,
      kind: 'lexer',
      message: `line 1:14: token recognition error at: '"x\\n'`,
    });
    expect(validateEql('any where a : "x')).toMatchObject({
      ok: false,
      kind: 'lexer',
      message: `line 1:14: token recognition error at: '"x'`,
    });
    expect(validateEql('any where a : "x\\')).toMatchObject({ ok: false, kind: 'lexer', offset: 14 });
  });
});

describe('\\u{…} values Elasticsearch rejects after lexing', () => {
  it('needs 2 to 8 hex digits', () => {
    expect(validateEql('any where a : "\\u{D}"')).toMatchObject({
      ok: false,
      kind: 'semantic',
      message: 'line 1:14: Unicode sequence should use [2-8] hex digits, [\\u{D}] has [1]',
    });
    expect(validateEql('any where a : "\\u{123456789}"')).toMatchObject({
      kind: 'semantic',
      message: 'line 1:14: Unicode sequence should use [2-8] hex digits, [\\u{123456789}] has [9]',
    });
  });

  it('rejects surrogates and values past U+10FFFF', () => {
    expect(validateEql('any where a : "\\u{D800}"')).toMatchObject({
      kind: 'semantic',
      message: 'line 1:14: Invalid unicode character code, [D800] is a surrogate code',
    });
    expect(validateEql('any where a : "\\u{110000}"')).toMatchObject({
      kind: 'semantic',
      message: 'line 1:14: Invalid unicode character code [110000]',
    });
    expect(eqlStringValue('"\\u{DFFF}"')).toBeUndefined();
  });
});

describe('raw strings """…"""', () => {
  it('keep backslashes and quotes verbatim', () => {
    expect(eqlStringValue('"""C:\\Windows\\"""')).toBe('C:\\Windows\\');
    expect(eqlStringValue('"""a\\sb\\d"""')).toBe('a\\sb\\d');
    expect(eqlStringValue('"""say "hi" """')).toBe('say "hi" ');
    expect(inCondition('"""^\\d+\\.exe$"""')).toEqual({ ok: true });
  });

  it('take up to two extra closing quotes into the value', () => {
    expect(eqlStringValue('"""a""""')).toBe('a"');
    expect(eqlStringValue('"""a"""""')).toBe('a""');
  });

  it('cannot span lines: `""` is then an empty string and the rest lexes anew', () => {
    expect(validateEql('any where a : """x\ny"""')).toMatchObject({ ok: false, kind: 'lexer', offset: 16 });
  });
});

describe('quote styles the lexer accepts but Elasticsearch refuses', () => {
  it('single quotes: Use double quotes ["] to define string literals, not single quotes [\']', () => {
    expect(validateEql("any where a : 'x'")).toEqual({
      ok: false,
      kind: 'semantic',
      offset: 14,
      message: `line 1:14: Use double quotes ["] to define string literals, not single quotes [']`,
    });
    expect(eqlStringValue("'x'")).toBeUndefined();
  });

  it('?"…" and ?\'…\': Use triple double quotes', () => {
    expect(validateEql('any where a : ?"x\\d"')).toMatchObject({
      kind: 'semantic',
      message: 'line 1:14: Use triple double quotes ["""] to define unescaped string literals, not [?"]',
    });
    expect(validateEql("any where a : ?'x'")).toMatchObject({ kind: 'semantic', offset: 14 });
  });
});

describe('eqlStringValue', () => {
  it('returns undefined for anything but exactly one string literal', () => {
    expect(eqlStringValue('"a" "b"')).toBeUndefined();
    expect(eqlStringValue(' "a"')).toBeUndefined();
    expect(eqlStringValue('a')).toBeUndefined();
    expect(eqlStringValue('')).toBeUndefined();
    expect(eqlStringValue('"a')).toBeUndefined();
  });
});

/** The minimal escaping EqlBase.g4 requires: `\` `"` and the two line breaks (others optional). */
function quoteEql(value: string): string {
  return `"${value.replace(/[\\"\r\n]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\r': '\\r', '\n': '\\n' })[c] as string)}"`;
}

describe('properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 40 });

  it('escaping only \\ " CR LF gives a literal that denotes the original string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(eqlStringValue(quoteEql(s))).toBe(s);
        expect(inCondition(quoteEql(s))).toEqual({ ok: true });
      }),
    );
  });

  it('a backslash before any character outside [btnfr"\'\\\\u] is a lexer error', () => {
    const bad = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !'btnfr"\'\\u'.includes(c));
    fc.assert(
      fc.property(anyText, bad, (s, c) => {
        expect(eqlStringValue(`${quoteEql(s).slice(0, -1)}\\${c}"`)).toBeUndefined();
      }),
    );
  });

  it('\\u{…} denotes any non-surrogate code point', () => {
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((n) => n < 0xd800 || n > 0xdfff);
    fc.assert(
      fc.property(codePoint, fc.integer({ min: 2, max: 8 }), (n, width) => {
        const hex = n.toString(16).padStart(width, '0');
        fc.pre(hex.length <= 8);
        expect(eqlStringValue(`"\\u{${hex}}"`)).toBe(String.fromCodePoint(n));
      }),
    );
  });

  it('"""s""" denotes s for any single-line s without """', () => {
    const raw = anyText.filter((s) => !/[\r\n]/.test(s) && !s.includes('"""'));
    fc.assert(
      fc.property(raw, (s) => {
        expect(eqlStringValue(`"""${s}"""`)).toBe(s);
      }),
    );
  });
});
