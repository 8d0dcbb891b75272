/**
 * Value modifiers: each is a pure function from a value to a value, applied left to right. Modifiers that
 * change how values combine (`all`, `neq`) are handled by the detection builder.
 */
import type { CompareOp, Modifier, RegexFlags, SigmaString, SigmaValue, TimePart } from './ast.js';
import { MODIFIERS } from './ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';
import {
  ANY,
  endsWithAny,
  hasWildcards,
  isPlain,
  plainString,
  plainText,
  sigmaString,
  startsWithAny,
  withPlaceholders,
} from './strings.js';
import { parseCidr } from './cidr.js';
import { checkRegex } from './regex.js';

const MODIFIER_SET: ReadonlySet<string> = new Set(MODIFIERS);

export function isModifier(name: string): name is Modifier {
  return MODIFIER_SET.has(name);
}

export const WINDASH_CHARS = ['-', '/', '–', '—', '―'] as const;

const fail = (message: string, location?: SourceLocation): never => {
  throw new SigmaError('modifier', message, location);
};

function asString(v: SigmaValue, modifier: string, location?: SourceLocation): SigmaString {
  if (v.kind === 'string') return v;
  if (v.kind === 'number') return plainString(v.text);
  return fail(`modifier '${modifier}' applies to strings, not to a ${v.kind} value`, location);
}

/** Applies `f` to a value, or to each alternative of an expansion. */
function each(v: SigmaValue, f: (v: SigmaValue) => SigmaValue): SigmaValue {
  if (v.kind === 'expansion') return Object.freeze({ kind: 'expansion', values: Object.freeze(v.values.map((x) => each(x, f))) });
  return f(v);
}

/** UTF-8 bytes of a string as a binary string (one char per byte). */
function utf8Binary(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** Base64 of a text's UTF-8 bytes, or of a byte string (one char per byte, from the utf16 modifiers) as is. */
export function base64(text: string, binary = false): string {
  return btoa(binary ? text : utf8Binary(text));
}

function encodeUtf16(text: string, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lo = String.fromCharCode(code & 0xff);
    const hi = String.fromCharCode(code >> 8);
    out += littleEndian ? lo + hi : hi + lo;
  }
  return out;
}

function requirePlain(s: SigmaString, modifier: string, location?: SourceLocation): string {
  if (!isPlain(s)) fail(`modifier '${modifier}' cannot encode a value with wildcards or placeholders`, location);
  return plainText(s);
}

/**
 * base64offset: the three encodings of the value at byte offsets 0, 1 and 2 of a longer text, as pySigma cuts them:
 * the characters that the bytes before or after the value also decide are dropped at both ends. For a value of
 * one byte the offset-1 encoding keeps no character (an empty string), and for an empty value all three are empty;
 * `applyModifier` drops empty encodings (see there).
 */
export function base64Offsets(text: string, binary = false): string[] {
  const starts = [0, 2, 3];
  const ends = [0, -3, -2];
  const length = binary ? text.length : utf8Binary(text).length;
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const encoded = base64(' '.repeat(i) + text, binary);
    const end = ends[(length + i) % 3] ?? 0;
    out.push(encoded.slice(starts[i], end === 0 ? undefined : end));
  }
  return out;
}

/** windash: every `-` or `/` that starts a flag (not preceded by a word character, followed by one). */
export function windashVariants(s: SigmaString): SigmaString[] {
  // Split text parts at flag dashes, remembering where the alternatives go.
  type Piece = string | object | null; // null marks a dash slot
  const pieces: (Piece | SigmaString['parts'][number])[] = [];
  for (const p of s.parts) {
    if (typeof p !== 'string') {
      pieces.push(p);
      continue;
    }
    let last = 0;
    const re = /\B[-/]\b/g;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      pieces.push(p.slice(last, m.index));
      pieces.push(null);
      last = m.index + 1;
    }
    pieces.push(p.slice(last));
  }
  let variants: SigmaString['parts'][number][][] = [[]];
  for (const piece of pieces) {
    if (piece === null) {
      const next: SigmaString['parts'][number][][] = [];
      for (const v of variants) for (const dash of WINDASH_CHARS) next.push([...v, dash]);
      variants = next;
    } else for (const v of variants) v.push(piece as SigmaString['parts'][number]);
  }
  return variants.map((parts) => sigmaString(parts, s.cased));
}

const COMPARE: Readonly<Record<string, CompareOp>> = { lt: 'lt', lte: 'lte', gt: 'gt', gte: 'gte' };
const TIME_PARTS: ReadonlySet<string> = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);

/**
 * Applies one modifier to one value. `regexFlags` carries the i/m/s sub-modifiers that follow `re`.
 */
export function applyModifier(
  modifier: Modifier,
  value: SigmaValue,
  context: {
    readonly regexFlags: RegexFlags;
    readonly location?: SourceLocation;
    /** True after a utf16 modifier: the value is a byte string, base64 encodes its bytes as they are. */
    readonly binary?: boolean;
  },
): SigmaValue {
  const { location } = context;
  switch (modifier) {
    case 'contains':
    case 'startswith':
    case 'endswith':
      return each(value, (v) => {
        const s = asString(v, modifier, location);
        const head = modifier !== 'startswith' && !startsWithAny(s) ? [ANY] : [];
        const tail = modifier !== 'endswith' && !endsWithAny(s) ? [ANY] : [];
        return sigmaString([...head, ...s.parts, ...tail], s.cased);
      });
    case 'cased':
      return each(value, (v) => {
        const s = asString(v, modifier, location);
        return sigmaString(s.parts, true);
      });
    case 'windash':
      return each(value, (v) => {
        const variants = windashVariants(asString(v, modifier, location));
        return variants.length === 1 ? (variants[0] as SigmaString) : Object.freeze({ kind: 'expansion', values: Object.freeze(variants) });
      });
    case 'base64':
      return each(value, (v) => plainString(base64(requirePlain(asString(v, modifier, location), modifier, location), context.binary)));
    case 'base64offset':
      return each(value, (v) => {
        const text = requirePlain(asString(v, modifier, location), modifier, location);
        // An empty encoding would become `*` after `contains` and match every text, so it is dropped (pySigma keeps
        // it): a one-byte value is then searched at offsets 0 and 2 only, since no base64 character depends on that
        // byte alone at offset 1. An empty value leaves no encoding at all and is refused.
        const encodings = base64Offsets(text, context.binary).filter((t) => t !== '');
        if (encodings.length === 0) {
          throw new SigmaError('value', `modifier 'base64offset' needs a non-empty value: an empty one would match any text`, location);
        }
        return Object.freeze({ kind: 'expansion', values: Object.freeze(encodings.map((t) => plainString(t))) });
      });
    case 'utf16le':
    case 'wide':
    case 'utf16be':
    case 'utf16':
      return each(value, (v) => {
        const text = requirePlain(asString(v, modifier, location), modifier, location);
        if (modifier === 'utf16be') return plainString(encodeUtf16(text, false));
        if (modifier === 'utf16') return plainString('\xff\xfe' + encodeUtf16(text, true));
        return plainString(encodeUtf16(text, true));
      });
    case 're':
      return each(value, (v) => {
        const s = asString(v, modifier, location);
        // A regex is written verbatim: Sigma escapes do not apply, so take the raw text back.
        const pattern = rawText(s);
        checkRegex(pattern, location);
        return Object.freeze({ kind: 'regex', pattern, flags: context.regexFlags });
      });
    case 'i':
    case 'm':
    case 's':
      return value; // folded into the regex flags by the caller
    case 'cidr':
      return each(value, (v) => {
        const s = asString(v, modifier, location);
        return parseCidr(plainText(s), location);
      });
    case 'exists':
      if (value.kind !== 'boolean') fail(`modifier 'exists' takes true or false, not a ${value.kind} value`, location);
      return Object.freeze({ kind: 'exists', exists: value.kind === 'boolean' && value.value });
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      if (value.kind !== 'number') return fail(`modifier '${modifier}' takes a number, not a ${value.kind} value`, location);
      return Object.freeze({ kind: 'compare', op: COMPARE[modifier] as CompareOp, value });
    }
    case 'minute':
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
    case 'year': {
      if (value.kind !== 'number' && value.kind !== 'compare') return fail(`modifier '${modifier}' takes a number`, location);
      if (!TIME_PARTS.has(modifier)) return fail(`unknown time part '${modifier}'`, location);
      return Object.freeze({ kind: 'timepart', part: modifier as TimePart, value });
    }
    case 'expand':
      return each(value, (v) => withPlaceholders(asString(v, modifier, location)));
    case 'fieldref':
      return each(value, (v) => {
        const s = asString(v, modifier, location);
        if (hasWildcards(s)) fail(`modifier 'fieldref' takes a field name, not a pattern`, location);
        return Object.freeze({ kind: 'fieldref', field: plainText(s) });
      });
    case 'all':
    case 'neq':
      return value;
    default: {
      const never: never = modifier;
      return fail(`unknown modifier '${String(never)}'`, location);
    }
  }
}

/**
 * The text of a string as written (wildcards as `*`/`?`, escapes restored), for modifiers such as `re` and
 * `cidr` that take the value verbatim.
 */
export function rawText(s: SigmaString): string {
  let out = '';
  for (const p of s.parts) {
    if (typeof p === 'string') out += p;
    else if (p.kind === 'wildcard') out += p.char;
    else out += `%${p.name}%`;
  }
  return out;
}
