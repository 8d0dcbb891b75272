import { describe, expect, it } from 'vitest';
import { stringLiteralValue } from '../support/kusto/analyzer.js';

// Escapes as documented for KQL string literals: https://learn.microsoft.com/kusto/query/scalar-data-types/string
describe('stringLiteralValue', () => {
  it('reads backslash escapes in double- and single-quoted literals', () => {
    expect(stringLiteralValue('"a\\\\\\"b"')).toBe('a\\"b');
    expect(stringLiteralValue("'a\\'b'")).toBe("a'b");
    expect(stringLiteralValue('"C:\\\\Windows\\\\"')).toBe('C:\\Windows\\');
    expect(stringLiteralValue('"tab\\tnl\\n"')).toBe('tab\tnl\n');
  });

  it('reads verbatim literals, where a doubled quote is a quote and backslash is literal', () => {
    expect(stringLiteralValue('@"x"')).toBe('x');
    expect(stringLiteralValue('@"C:\\Windows\\"')).toBe('C:\\Windows\\');
    expect(stringLiteralValue('@"say ""hi"""')).toBe('say "hi"');
    expect(stringLiteralValue("@'it''s'")).toBe("it's");
  });

  it('reads obfuscated and multi-line literals', () => {
    expect(stringLiteralValue('h"secret"')).toBe('secret');
    expect(stringLiteralValue('```two\nlines```')).toBe('two\nlines');
  });

  it('keeps non-ASCII characters', () => {
    expect(stringLiteralValue('"😀 é"')).toBe('😀 é');
  });

  it('returns undefined for text that is not exactly one valid string literal', () => {
    expect(stringLiteralValue('"a\\"')).toBeUndefined(); // unterminated
    expect(stringLiteralValue('"a\\qb"')).toBeUndefined(); // unknown escape
    expect(stringLiteralValue('"a" "b"')).toBeUndefined(); // two literals
    expect(stringLiteralValue(' "a"')).toBeUndefined(); // surrounding whitespace
    expect(stringLiteralValue('"x" | take 1')).toBeUndefined();
    expect(stringLiteralValue('123')).toBeUndefined();
    expect(stringLiteralValue('')).toBeUndefined();
  });
});
