/**
 * KQL text: string literals, column names and regular expressions.
 *
 * A KQL string literal `"…"` takes `\\` and `\"` (and `\n`, `\r`, `\t`); a literal `*` or `?` is just the
 * character (wildcards never reach a literal: values with wildcards become `contains`/`startswith`/`endswith`
 * or `matches regex`). Regular expressions are RE2 syntax inside a string literal.
 */
import type { RegexFlags, SigmaString } from '../../src/rule/ast.js';
import { renderString } from '../../src/rule/strings.js';

const STRING_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
});
const STRING_SPECIAL = /[\\"\n\r\t]/g;
const HAS_STRING_SPECIAL = /[\\"\n\r\t]/;

/** The text escaped for the inside of a `"…"` literal. */
export function escapeKql(text: string): string {
  return HAS_STRING_SPECIAL.test(text) ? text.replace(STRING_SPECIAL, (c) => STRING_ESCAPES[c] ?? c) : text;
}

/** A `"…"` string literal denoting `text`. */
export function kqlString(text: string): string {
  return `"${escapeKql(text)}"`;
}

const PLAIN_COLUMN = /^\w+$/;

const COLUMN_ESCAPES: Readonly<Record<string, string>> = Object.freeze({ ...STRING_ESCAPES, "'": "\\'" });

/** A column reference: bare when it is a word, else `['…']` with `\`, `'` and line breaks escaped as in a literal. */
export function kqlColumn(field: string): string {
  if (PLAIN_COLUMN.test(field)) return field;
  return `['${field.replace(/[\\'\n\r\t]/g, (c) => COLUMN_ESCAPES[c] ?? c)}']`;
}

const REGEX_SPECIAL = /[\\.^$|?*+()[\]{}]/g;

/** Text escaped so that RE2 matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** The inline flag group of a Sigma regex (`(?i)`, `(?ims)`), or '' without flags. */
export function regexFlagPrefix(flags: RegexFlags): string {
  const letters = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return letters ? `(?${letters})` : '';
}

/**
 * A Sigma string with wildcards as an RE2 pattern matching the whole value (`anchored`) or a part of it:
 * `*` is `.*`, `?` is `.`, the text escaped. Leading/trailing `*` drop their anchor instead of becoming `.*`
 * (`*a?b*` → `a.b`). Case-insensitive (`(?i)`) unless the string is `cased`.
 */
export function wildcardRegex(value: SigmaString, anchored = true): string {
  const parts = value.parts;
  let start = 0;
  let end = parts.length;
  const isAny = (p: unknown): boolean =>
    typeof p === 'object' && p !== null && (p as { kind: string }).kind === 'wildcard' && (p as { char: string }).char === '*';
  const anchoredStart = anchored && !isAny(parts[0]);
  const anchoredEnd = anchored && !isAny(parts[parts.length - 1]);
  if (isAny(parts[0])) start = 1;
  if (isAny(parts[parts.length - 1]) && end > start) end -= 1;
  const body = renderString({ ...value, parts: parts.slice(start, end) }, escapeRegex, (w) => (w === '*' ? '.*' : '.'));
  const flags = value.cased ? '' : '(?i)';
  return `${flags}${anchoredStart ? '^' : ''}${body}${anchoredEnd ? '$' : ''}`;
}
