/**
 * SigmaString: parsing Sigma's escape syntax into parts, and small pure helpers over the parts.
 *
 * Sigma escaping: `*` and `?` are wildcards; `\*`, `\?` and `\\` are the literal characters; a backslash
 * before any other character (or at the end) is a literal backslash.
 */
import type { Placeholder, SigmaString, StringPart, Wildcard } from './ast.js';

export const ANY: Wildcard = Object.freeze({ kind: 'wildcard', char: '*' });
export const ONE: Wildcard = Object.freeze({ kind: 'wildcard', char: '?' });

/** Appends a part, merging adjacent text. Mutates `parts` (used only while building a new array). */
function push(parts: StringPart[], part: StringPart): void {
  if (typeof part === 'string') {
    if (part === '') return;
    const last = parts.length - 1;
    if (last >= 0 && typeof parts[last] === 'string') {
      parts[last] = (parts[last] as string) + part;
      return;
    }
  }
  parts.push(part);
}

export function sigmaString(parts: readonly StringPart[], cased = false): SigmaString {
  const merged: StringPart[] = [];
  for (const p of parts) push(merged, p);
  return Object.freeze({ kind: 'string', parts: Object.freeze(merged), cased });
}

/** A SigmaString of plain text with no wildcards. */
export function plainString(text: string, cased = false): SigmaString {
  return sigmaString([text], cased);
}

/** Characters with a meaning in Sigma strings: `*`, `?` and the escaping `\`. */
const SPECIAL = /[*?\\]/;

/**
 * Parses a rule value written with Sigma's wildcard and escape syntax. Text between special characters is
 * taken as slices of `raw` (building it character by character would make long chains of string pieces).
 */
export function parseSigmaString(raw: string, cased = false): SigmaString {
  if (!SPECIAL.test(raw)) return sigmaString([raw], cased);
  const parts: StringPart[] = [];
  let text = '';
  let start = 0; // where the text not yet added to `text` starts
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += raw.slice(start, i) + next;
        start = ++i + 1;
      }
    } else if (c === 0x2a /* * */ || c === 0x3f /* ? */) {
      push(parts, text + raw.slice(start, i));
      text = '';
      start = i + 1;
      push(parts, c === 0x2a ? ANY : ONE);
    }
  }
  push(parts, text + raw.slice(start));
  return sigmaString(parts, cased);
}

/** The placeholders `%name%` of a string with the `expand` modifier turned into placeholder parts. */
export function withPlaceholders(s: SigmaString): SigmaString {
  const parts: StringPart[] = [];
  for (const p of s.parts) {
    if (typeof p !== 'string') {
      parts.push(p);
      continue;
    }
    const re = /%([A-Za-z0-9_.-]+)%/g;
    let last = 0;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      parts.push(p.slice(last, m.index));
      parts.push(Object.freeze({ kind: 'placeholder', name: m[1] as string }) as Placeholder);
      last = m.index + m[0].length;
    }
    parts.push(p.slice(last));
  }
  return sigmaString(parts, s.cased);
}

export function isPlain(s: SigmaString): boolean {
  return s.parts.every((p) => typeof p === 'string');
}

/** The text of a string without wildcards (throws-free: wildcards are rendered as their characters). */
export function plainText(s: SigmaString): string {
  return s.parts.map((p) => (typeof p === 'string' ? p : p.kind === 'wildcard' ? p.char : `%${p.name}%`)).join('');
}

export function startsWithAny(s: SigmaString): boolean {
  return s.parts[0] === ANY || (typeof s.parts[0] === 'object' && s.parts[0].kind === 'wildcard' && s.parts[0].char === '*');
}

export function endsWithAny(s: SigmaString): boolean {
  const last = s.parts[s.parts.length - 1];
  return typeof last === 'object' && last.kind === 'wildcard' && last.char === '*';
}

export function hasWildcards(s: SigmaString): boolean {
  return s.parts.some((p) => typeof p === 'object' && p.kind === 'wildcard');
}

export function hasPlaceholders(s: SigmaString): boolean {
  return s.parts.some((p) => typeof p === 'object' && p.kind === 'placeholder');
}

/** Renders parts with a function per part kind: the building block of every dialect's string escaping. */
export function renderString(
  s: SigmaString,
  text: (t: string) => string,
  wildcard: (w: '*' | '?') => string,
  placeholder: (name: string) => string = (n) => `%${n}%`,
): string {
  let out = '';
  for (const p of s.parts) {
    if (typeof p === 'string') out += text(p);
    else if (p.kind === 'wildcard') out += wildcard(p.char);
    else out += placeholder(p.name);
  }
  return out;
}

/** Maps each text part through `f` (wildcards and placeholders unchanged). */
export function mapText(s: SigmaString, f: (t: string) => string): SigmaString {
  return sigmaString(
    s.parts.map((p) => (typeof p === 'string' ? f(p) : p)),
    s.cased,
  );
}

export function concatStrings(...strings: SigmaString[]): SigmaString {
  return sigmaString(
    strings.flatMap((s) => s.parts),
    strings.some((s) => s.cased),
  );
}
