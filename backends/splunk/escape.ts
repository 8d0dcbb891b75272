/**
 * SPL quoting and escaping: search terms, field names, and the regular expressions of `| regex` / `| rex`.
 *
 * In a quoted SPL search term `\` and `"` are escaped with a backslash and `*` is a wildcard. SPL has no escape
 * for a literal `*` (the backslash cannot escape the asterisk in search strings), so a Sigma string with a
 * literal `*` cannot be a search term: `needsRegex` says so, and `stringToRegex` gives the equivalent regex.
 *
 * A backtick is the same kind of character: Splunk expands `` `name` `` as a macro call before it parses a search
 * (and contentctl reads it so too), wherever it stands, quotes included. A string holding one is searched with `*`
 * in the backtick's place (a superset) and filtered exactly by a regex that writes it as `\x60`; a user's regex
 * gets its backticks written as `\x60` as well. No Splunk format carries a literal backtick from a rule's value.
 */
import type { RegexFlags, SigmaString } from '../../src/rule/ast.js';
import { SigmaError, type SourceLocation } from '../../src/errors.js';

const escapeSearchText = (text: string): string => (text.includes('\\') || text.includes('"') ? text.replace(/[\\"]/g, '\\$&') : text);

/**
 * Field names made of word characters and dots stay bare; anything else is double-quoted (as the reference), with
 * `\` and `"` escaped as in any quoted string so that the name cannot end the quotes early.
 */
const BARE_FIELD = /^[\p{L}\p{N}_.]+$/u;

export function splField(field: string): string {
  return BARE_FIELD.test(field) ? field : `"${escapeSearchText(field)}"`;
}

/** What `| regex F=`, `| rex field=F` and `'F'` in `| where`/`| eval` can hold: they have no escape for a field. */
const COMMAND_FIELD = /^[\p{L}\p{N}_.-]+$/u;

/** `field` as SPL commands write it, or a SigmaError when no command can name it (a quote, a space, `=` …). */
export function splCommandField(field: string, location?: SourceLocation): string {
  if (COMMAND_FIELD.test(field)) return field;
  throw new SigmaError(
    'unsupported',
    `field name ${JSON.stringify(field)} cannot be written in an SPL command (| regex, | rex, | where): only letters, digits, '_', '.' and '-' can`,
    location,
  );
}

/** The stem of the `<stem>Match`/`<stem>Condition` fields for `field`: ASCII word characters (PCRE group names). */
export function splStageStem(field: string): string {
  const stem = field.replace(/.*\./, '').replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(stem) ? stem : `_${stem}`;
}

/**
 * A Sigma string as a quoted SPL search term: `*` and `?` wildcards both become `*` (SPL has no one-character
 * wildcard; the reference does the same). Call only for strings where `needsRegex` is false.
 */
export function splString(s: SigmaString): string {
  let out = '"';
  for (const p of s.parts) {
    // a backtick (only reached on the prefilter path, see needsRegex) is searched as the wildcard it stands in for
    if (typeof p === 'string') out += escapeSearchText(p.replace(/`+/g, '*'));
    else if (p.kind === 'wildcard') out += '*';
    else out += escapeSearchText(`%${p.name}%`);
  }
  return `${out}"`;
}

/**
 * True when a string cannot be an SPL search term: a literal `*` or a backtick in its text, or a case-sensitive
 * match.
 */
export function needsRegex(s: SigmaString): boolean {
  if (s.cased) return true;
  for (const p of s.parts) if (typeof p === 'string' && (p.includes('*') || p.includes('`'))) return true;
  return false;
}

const escapeRegexText = (text: string): string => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&').replace(/`/g, '\\x60');

/**
 * A regex with every backtick written as `\x60` (PCRE's hex escape), so that the search text holds none: an escaped
 * backtick (`` \` ``, an odd run of backslashes before it) loses its backslash, an unescaped one is replaced.
 */
export function withoutBackticks(pattern: string): string {
  if (!pattern.includes('`')) return pattern;
  return pattern.replace(/(\\*)`/g, (_m, slashes: string) => `${slashes.length % 2 === 1 ? slashes.slice(1) : slashes}\\x60`);
}

/**
 * The regex (PCRE, as `| regex` runs it) matching exactly what a Sigma string matches: anchored at both ends
 * unless the string starts/ends with `*` (the end with `\z`: PCRE's `$` also matches before a final line break,
 * so `^a$` would match "a\n"); case-insensitive (`(?i)`) unless `cased`; `(?s)` so wildcards span line breaks
 * as Sigma's do. `contains` means an unanchored match (keywords).
 */
export function stringToRegex(s: SigmaString, contains = false): { pattern: string; flags: RegexFlags } {
  const parts = s.parts;
  let start = 0;
  let end = parts.length;
  const isAny = (i: number): boolean => {
    const p = parts[i];
    return typeof p === 'object' && p.kind === 'wildcard' && p.char === '*';
  };
  const openStart = contains || isAny(0);
  const openEnd = contains || (end > 0 && isAny(end - 1));
  while (start < end && isAny(start)) start++;
  while (end > start && isAny(end - 1)) end--;
  let body = '';
  for (let i = start; i < end; i++) {
    const p = parts[i] as SigmaString['parts'][number];
    if (typeof p === 'string') body += escapeRegexText(p);
    else if (p.kind === 'wildcard') body += p.char === '*' ? '.*' : '.';
    else body += escapeRegexText(`%${p.name}%`);
  }
  const pattern = `${openStart ? '' : '^'}${body}${openEnd ? '' : '\\z'}`;
  return { pattern, flags: { ignoreCase: !s.cased, multiline: false, dotAll: true } };
}

/** `(?ims)` prefix for the flags that are set, in the reference's order. */
export function regexFlagPrefix(flags: RegexFlags): string {
  const f = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return f ? `(?${f})` : '';
}

/**
 * A regex for the body of a quoted SPL argument (`| regex f="…"`, `| rex field=f "…"`): flag prefix, then the
 * pattern with every `\` doubled and `"` escaped, as the reference writes it.
 */
export function splRegex(pattern: string, flags: RegexFlags): string {
  return regexFlagPrefix(flags) + withoutBackticks(pattern).replace(/[\\"]/g, '\\$&');
}
