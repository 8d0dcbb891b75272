/**
 * ES|QL string literals and LIKE patterns, from Elasticsearch's ES|QL lexer: in `"…"` the only escapes are
 * `\t \n \r \" \\` (any other backslash sequence is a lexer error) and a raw line break ends nothing but the
 * query (`\r`/`\n` may not appear unescaped); every other character, control characters included, stands for
 * itself. Single quotes never delimit strings. LIKE patterns have the wildcards `*` and `?` and the escape
 * character `\`, so a literal `*`, `?` or `\` in a pattern is written `\*`, `\?`, `\\` — and each of those
 * backslashes is doubled again inside the `"…"` literal.
 */
import type { SigmaString } from '../../src/rule/ast.js';
import { renderString } from '../../src/rule/strings.js';

/** The body of a `"…"` literal whose value is `text`. */
export function escapeEsqlText(text: string): string {
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** A `"…"` literal whose value is exactly `text`. */
export const esqlString = (text: string): string => `"${escapeEsqlText(text)}"`;

/** Text as a literal part of a LIKE pattern: the wildcard characters and the escape character escaped. */
export const likeText = (text: string): string => text.replace(/[\\*?]/g, (c) => `\\${c}`);

/**
 * The `"…"` LIKE pattern of a Sigma string: wildcards as `*`/`?`, literal text escaped for LIKE and then for the
 * string literal; `lower` lower-cases the text parts (for a match against `TO_LOWER(field)`).
 */
export function likePattern(s: SigmaString, lower: boolean): string {
  return esqlString(
    renderString(
      s,
      (t) => likeText(lower ? t.toLowerCase() : t),
      (w) => w,
    ),
  );
}

/** The plain text of a Sigma string without wildcards as a `"…"` literal (lower-cased when `lower`). */
export function textLiteral(text: string, lower: boolean): string {
  return esqlString(lower ? text.toLowerCase() : text);
}

/** True when lower-casing cannot change how `text` compares (no cased letters: digits, IP addresses, …). */
export const caseFree = (text: string): boolean => text.toLowerCase() === text && text.toUpperCase() === text;
