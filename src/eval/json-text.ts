/**
 * What the event readers (stream.ts, container-stream.ts) share of JSON text: the character codes they scan for,
 * and the event a value gives — an object, or a bad event located where it starts.
 */
import { SigmaError, type SourceLocation } from '../errors.js';

export const QUOTE = 34;
export const BACKSLASH = 92;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const NEWLINE = 10;
export const COMMA = 44;
export const COLON = 58;

/** A space, a line break, a tab or a byte-order mark. */
export function isJsonSpace(c: number): boolean {
  return c === 32 || c === NEWLINE || c === 13 || c === 9 || c === 0xfeff;
}

/** A value's kind as the messages name it. */
export function describeValue(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** A value read from a stream: an event, or a bad one (with its place kept). */
export type SplitItem = { readonly event: unknown; readonly error?: undefined } | { readonly error: SigmaError };

/** A parsed value as an event: an object is one; anything else is a bad event located at `where`. */
export function objectEvent(value: unknown, where: SourceLocation): SplitItem {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { event: value };
  return { error: new SigmaError('value', `an event must be a JSON object, not ${describeValue(value)}`, where) };
}
