/**
 * The string a STRING token denotes, following Elasticsearch's
 * AbstractBuilder.unquoteString (x-pack/plugin/eql/.../parser/AbstractBuilder.java):
 * - `"""raw"""`: the text between the outer triple quotes, verbatim;
 * - `"…"`: `\t \b \f \n \r \" \' \\` unescaped, `\u{X…}` with 2–8 hex digits decoded
 *   (a surrogate or a value beyond U+10FFFF is rejected);
 * - `'…'` and `?"…"` / `?'…'` are accepted by the lexer but rejected by the builder.
 */
import { lexEql } from './lexer.js';

export type DecodedString = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  t: '\t',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
});

function fail(message: string): DecodedString {
  return Object.freeze({ ok: false, message });
}

function decodeCodePoint(hex: string): DecodedString {
  // Java's Integer.parseInt(hex, 16) overflows above 0x7FFFFFFF; Character.toChars rejects > 0x10FFFF.
  const code = Number.parseInt(hex, 16);
  if (code > 0x7fffffff || code > 0x10ffff) return fail(`Invalid unicode character code [${hex}]`);
  if (code >= 0xd800 && code <= 0xdfff) return fail(`Invalid unicode character code, [${hex}] is a surrogate code`);
  return Object.freeze({ ok: true, value: String.fromCodePoint(code) });
}

/** Decode the text of one STRING token (as the lexer produced it). */
export function decodeStringToken(text: string): DecodedString {
  if (text.startsWith('?')) {
    return fail(`Use triple double quotes ["""] to define unescaped string literals, not [?${text.charAt(1)}]`);
  }
  if (text.startsWith('"""')) return Object.freeze({ ok: true, value: text.slice(3, -3) });
  if (text.startsWith("'")) return fail(`Use double quotes ["] to define string literals, not single quotes [']`);

  const body = text.slice(1, -1);
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body.charAt(i);
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === 'u') {
      const close = body.indexOf('}', i + 3);
      const hex = body.slice(i + 3, close);
      if (hex.length < 2 || hex.length > 8) {
        return fail(`Unicode sequence should use [2-8] hex digits, [${body.slice(i, close + 1)}] has [${hex.length}]`);
      }
      const decoded = decodeCodePoint(hex);
      if (!decoded.ok) return decoded;
      out += decoded.value;
      i = close + 1;
    } else {
      // Unreachable after the lexer; Elasticsearch passes unknown escapes through.
      out += c + e;
      i += 2;
    }
  }
  return Object.freeze({ ok: true, value: out });
}

/**
 * The string value Elasticsearch gives `literal` (one complete EQL string literal, e.g. `"a\\b"`),
 * or undefined when it is not exactly one STRING token or Elasticsearch would reject it.
 */
export function eqlStringValue(literal: string): string | undefined {
  const { tokens, error } = lexEql(literal);
  if (error || tokens.length !== 2) return undefined;
  const token = tokens[0];
  if (!token || token.kind !== 'STRING' || token.start !== 0 || token.end !== literal.length) return undefined;
  const decoded = decodeStringToken(token.text);
  return decoded.ok ? decoded.value : undefined;
}
