/**
 * Events text → event objects. Accepts one JSON object, a JSON array of objects, JSON lines, or several
 * (pretty-printed) JSON values written one after another, as some SigmaHQ regression files are; a search API
 * response (containers.ts) gives its rows.
 */
import { SigmaError, type SourceLocation } from '../errors.js';
import { containerRows } from './containers.js';

/** Where `offset` is in `text`, 1-based. */
function locate(text: string, offset: number, file?: string): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { ...(file !== undefined ? { file } : {}), line, column: offset - lineStart + 1 };
}

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\ufeff';
}

/** Offset just past the JSON object or array starting at `start`, or -1 if the text ends inside it. */
function endOfValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function parseChunk(text: string, start: number, end: number, file?: string): unknown {
  try {
    return JSON.parse(text.slice(start, end));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new SigmaError('value', `malformed JSON event: ${reason}`, locate(text, start, file));
  }
}

/** Splits text holding JSON values one after another (JSON lines, concatenated objects). */
function parseStream(text: string, file?: string): { value: unknown; offset: number }[] {
  const out: { value: unknown; offset: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (isWhitespace(c) || c === ',') {
      i++;
      continue;
    }
    if (c !== '{' && c !== '[') {
      const snippet = text.slice(i, i + 20).split('\n')[0];
      throw new SigmaError('value', `expected a JSON object or array, found '${snippet}'`, locate(text, i, file));
    }
    const end = endOfValue(text, i);
    if (end === -1) throw new SigmaError('value', 'unterminated JSON value (the text ends inside it)', locate(text, i, file));
    out.push({ value: parseChunk(text, i, end, file), offset: i });
    i = end;
  }
  return out;
}

function wholeDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every event of an events text, in order. Throws SigmaError (code `value`) on text that is not events. */
export function parseEvents(text: string, file?: string): unknown[] {
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') return [];
  const whole = wholeDocument(body);
  const values = whole !== undefined ? [{ value: whole, offset: body.search(/\S/) }] : parseStream(body, file);
  const events: unknown[] = [];
  for (const { value, offset } of values) {
    // A search API response's rows are its events (containers.ts).
    const items = Array.isArray(value) ? value : (containerRows(value)?.rows ?? [value]);
    for (const item of items) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new SigmaError(
          'value',
          `an event must be a JSON object, not ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}`,
          locate(body, offset, file),
        );
      }
      events.push(item);
    }
  }
  return events;
}
