/**
 * SigmaString operations of the pipeline transformations: regular-expression replacement (replace_string),
 * case changes, conversion to a regular expression, splitting at separators.
 *
 * replace_string follows pySigma: the pattern sees the string's plain text with wildcards as `*`/`?`, and
 * `*`/`?` written in the replacement become wildcards (`\*`, `\?` stay literal). Unlike pySigma, the text
 * is never re-parsed, so a backslash before a wildcard (`\Run\*`) keeps the wildcard.
 */
import type { SigmaString, StringPart } from '../rule/ast.js';
import { ANY, ONE, sigmaString } from '../rule/strings.js';
import { expandReplacement, pythonEscape, type parseReplacement } from './pyregex.js';

const LIT_STAR = '\uE000';
const LIT_QMARK = '\uE001';
const hasPlaceholder = (s: SigmaString): boolean => s.parts.some((p) => typeof p === 'object' && p.kind === 'placeholder');

/** Text with wildcards as `*`/`?` and literal `*`/`?` as private-use characters. */
function encode(s: SigmaString): string {
  let out = '';
  for (const p of s.parts) {
    if (typeof p === 'string') out += p.replace(/\*/g, LIT_STAR).replace(/\?/g, LIT_QMARK);
    else if (p.kind === 'wildcard') out += p.char;
    else out += `%${p.name}%`;
  }
  return out;
}

/** A replacement's text in the encoded alphabet: `*`/`?` stay wildcards, `\*`/`\?` become literal. */
function encodeReplacement(text: string): string {
  return text.replace(/\\([*?])|[*?]/g, (m, escaped: string | undefined) =>
    escaped === undefined ? m : escaped === '*' ? LIT_STAR : LIT_QMARK,
  );
}

function decode(text: string, placeholders: boolean, cased: boolean): SigmaString {
  const parts: StringPart[] = [];
  const re = placeholders ? /[*?]|%(\w+)%/g : /[*?]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(text.slice(last, m.index));
    if (m[0] === '*') parts.push(ANY);
    else if (m[0] === '?') parts.push(ONE);
    else parts.push(Object.freeze({ kind: 'placeholder', name: m[1] as string }));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return sigmaString(
    parts.map((p) => (typeof p === 'string' ? p.replace(new RegExp(LIT_STAR, 'g'), '*').replace(new RegExp(LIT_QMARK, 'g'), '?') : p)),
    cased,
  );
}

export interface Replacement {
  readonly regex: RegExp;
  readonly template: ReturnType<typeof parseReplacement>;
  readonly skipSpecial: boolean;
  readonly interpretSpecial: boolean;
}

const globalRegexes = new WeakMap<Replacement, RegExp>();

/** The replacement's pattern with the `g` flag, made once per replacement. */
function globalRegex(r: Replacement): RegExp {
  let global = globalRegexes.get(r);
  if (!global) {
    global = new RegExp(r.regex.source, r.regex.flags.includes('g') ? r.regex.flags : r.regex.flags + 'g');
    globalRegexes.set(r, global);
  }
  global.lastIndex = 0;
  return global;
}

function substitute(text: string, r: Replacement, post: (t: string) => string): string {
  const global = globalRegex(r);
  if (!global.test(text)) return text;
  return text.replace(global, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const hasGroups = typeof last === 'object' && last !== null;
    const groupCount = args.length - (hasGroups ? 3 : 2);
    const match = args.slice(0, groupCount) as string[] as unknown as RegExpExecArray;
    if (hasGroups) (match as { groups?: Record<string, string> }).groups = last as Record<string, string>;
    return post(expandReplacement(r.template, match));
  });
}

/** replace_string on one string; returns the same object when nothing matched. */
export function replaceString(s: SigmaString, r: Replacement): SigmaString {
  if (r.skipSpecial) {
    let changed = false;
    const parts: StringPart[] = [];
    for (const p of s.parts) {
      if (typeof p !== 'string') {
        parts.push(p);
        continue;
      }
      const replaced = substitute(p, r, (t) => t);
      if (replaced !== p) changed = true;
      if (r.interpretSpecial) parts.push(...decode(encodeReplacement(replaced), false, s.cased).parts);
      else parts.push(replaced);
    }
    return changed ? sigmaString(parts, s.cased) : s;
  }
  const text = encode(s);
  const replaced = substitute(text, r, encodeReplacement);
  return replaced === text ? s : decode(replaced, hasPlaceholder(s), s.cased);
}

export function lowerString(s: SigmaString): SigmaString {
  return sigmaString(
    s.parts.map((p) => (typeof p === 'string' ? p.toLowerCase() : p)),
    s.cased,
  );
}
export function upperString(s: SigmaString): SigmaString {
  return sigmaString(
    s.parts.map((p) => (typeof p === 'string' ? p.toUpperCase() : p)),
    s.cased,
  );
}
/** camelCase / PascalCase text → snake_case (an underscore before each inner capital, then lower case). */
export function snakeCaseString(s: SigmaString): SigmaString {
  return sigmaString(
    s.parts.map((p) =>
      typeof p === 'string'
        ? p
            .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
            .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
            .toLowerCase()
        : p,
    ),
    s.cased,
  );
}

/** The regex transformation: a pattern matching the string (optionally case-insensitive by brackets). */
export function stringToRegexPattern(s: SigmaString, brackets: boolean): string | { placeholder: string } {
  let out = '';
  for (const p of s.parts) {
    if (typeof p === 'string') {
      out += brackets
        ? [...p].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : pythonEscape(c))).join('')
        : pythonEscape(p);
    } else if (p.kind === 'wildcard') out += p.char === '*' ? '.*' : '.';
    else return { placeholder: p.name };
  }
  return out;
}

/**
 * Splits a string at every occurrence of a separator character in its text parts (wildcards and
 * placeholders stay with their segment). `a\b*` split at `\` → [`a`, `b*`].
 */
export function splitString(s: SigmaString, separators: string): SigmaString[] {
  const segments: StringPart[][] = [[]];
  for (const p of s.parts) {
    if (typeof p !== 'string') {
      (segments[segments.length - 1] as StringPart[]).push(p);
      continue;
    }
    let current = '';
    for (const c of p) {
      if (separators.includes(c)) {
        (segments[segments.length - 1] as StringPart[]).push(current);
        segments.push([]);
        current = '';
      } else current += c;
    }
    (segments[segments.length - 1] as StringPart[]).push(current);
  }
  return segments.map((parts) => sigmaString(parts, s.cased));
}
