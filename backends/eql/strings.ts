/**
 * EQL string literals. Elasticsearch's EQL lexer accepts only `\b \t \n \f \r \" \' \\` and `\u{…}` escapes
 * inside `"…"` and no raw line breaks, so every literal this backend writes goes through `eqlString`.
 *
 * Wildcard patterns (`:`, `like~`): `*` and `?` are always wildcards there — Elasticsearch turns the pattern into
 * a LIKE pattern without any escape character (x-pack/plugin/eql/…/util/StringUtils.toLikePattern), and a
 * backslash is an ordinary character. A Sigma string with a literal `*` or `?` therefore cannot be a wildcard
 * pattern; `hasLiteralWildcardChar` tells the dialect to use an exact comparison or a regular expression.
 */
import type { SigmaString } from '../../src/rule/ast.js';
import { renderString } from '../../src/rule/strings.js';

/** The body of a `"…"` literal for `text` (without the quotes). */
export function escapeEqlText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x22) out += '\\"';
    else if (c >= 0x20) out += text.charAt(i);
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else out += `\\u{${c.toString(16).toUpperCase().padStart(2, '0')}}`;
  }
  return out;
}

/** A `"…"` literal whose value is exactly `text`. */
export const eqlString = (text: string): string => `"${escapeEqlText(text)}"`;

const LITERAL_WILDCARD_CHAR = /[*?]/;

/** True when a text part holds a literal `*` or `?`, which no EQL wildcard pattern can express. */
export function hasLiteralWildcardChar(s: SigmaString): boolean {
  return s.parts.some((p) => typeof p === 'string' && LITERAL_WILDCARD_CHAR.test(p));
}

/** The `"…"` wildcard pattern of a Sigma string (wildcards as `*`/`?`, text escaped). */
export function eqlPattern(s: SigmaString): string {
  return `"${renderString(s, escapeEqlText, (w) => w)}"`;
}

const LUCENE_SPECIAL = /[.?+*|{}[\]()"\\#@&<>~]/g;

/** Text as a literal in Lucene's regular-expression syntax (the syntax of EQL's `regex` operators). */
export function luceneRegexText(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A Sigma string as a Lucene regular expression matching the same values: text escaped, `*` → `.*`, `?` → `.`.
 * Lucene regular expressions match the whole value, so no anchors are needed.
 */
export function stringAsRegex(s: SigmaString): string {
  return renderString(s, luceneRegexText, (w) => (w === '*' ? '.*' : '.'));
}

/** Escape sequences that mean the same character to a PCRE-style regex and to an EQL string. */
const SAME_IN_REGEX_AND_STRING = new Set(['n', 't', 'r', 'f', "'"]);

/**
 * The `"…"` literal of a rule's regular expression. The value of the literal is the pattern as written, except
 * that `\n \t \r \f \'` stay EQL escapes (the character they denote is what the regex escape matches) — which is
 * also the reference's text for them. Every other backslash is doubled and `"` is escaped, so `\d`, `\s`, `\\`
 * reach the regex engine unchanged.
 */
export function eqlRegexString(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      const next = pattern.charAt(i + 1);
      if (SAME_IN_REGEX_AND_STRING.has(next)) {
        out += `\\${next}`;
        i++;
      } else if (next === '\\') {
        out += '\\\\\\\\';
        i++;
      } else out += '\\\\';
    } else out += escapeEqlText(c);
  }
  return `"${out}"`;
}
