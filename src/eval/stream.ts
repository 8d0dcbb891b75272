/**
 * Events from text that arrives in pieces: JSON lines, one JSON array of objects, or JSON objects one after
 * another (pretty-printed or not, commas between them allowed), of any size. Only the event being read is
 * held in memory, never the whole input, so a day of logs streams through with bounded memory. A value that
 * is not valid JSON (or not an object) is reported with its line and column and the stream goes on with the
 * next one; text that is not a JSON object or array at all stops the stream with a located error (thrown by the
 * call after the one that returns the events before it, or by `end`).
 */
import { SigmaError, type SourceLocation } from '../errors.js';
import { containerRows } from './containers.js';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  isJsonSpace,
  objectEvent,
  type SplitItem,
} from './json-text.js';

export type { SplitItem } from './json-text.js';

/** A value's text as the stream delimits it, not yet parsed, with where it starts (see `createRawSplitter`). */
export interface RawEvent {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export interface RawSplitter {
  /** Feeds the next piece of text; returns the values it completed, in order, unparsed. */
  readonly push: (chunk: string) => RawEvent[];
  /** The input has ended; throws if it ends inside a value. */
  readonly end: () => void;
}

export interface EventSplitter {
  /** Feeds the next piece of text; returns the events it completed, in order (bad ones go to `onError`). */
  readonly push: (chunk: string) => unknown[];
  /** The same, with the bad events in their places. */
  readonly pushItems: (chunk: string) => SplitItem[];
  /** The input has ended; throws if it ends inside an event. */
  readonly end: () => void;
}

/** What the splitter reports for a bad event before going on. */
export type EventErrorHandler = (error: SigmaError) => void;

/** `start` when the value being read began in an earlier piece (its text so far is in `pieces`). */
const IN_PIECES = -2;

function isSkippable(c: number): boolean {
  return c === COMMA || isJsonSpace(c);
}

/** The first position from `i` that is not a space, a comma or a byte-order mark (the text's length if none). */
export function valueStart(text: string, i = 0): number {
  while (i < text.length && isSkippable(text.charCodeAt(i))) i++;
  return i;
}

/** The position after the last character before `end` that is not skippable, `from` at the least. */
function valueEnd(text: string, from: number, end = text.length): number {
  while (end > from && isSkippable(text.charCodeAt(end - 1))) end--;
  return end;
}

function locationOf(file: string | undefined, line: number, column: number): SourceLocation {
  return { ...(file !== undefined ? { file } : {}), line, column };
}

/**
 * The value as an event: its text parsed, which must give an object. A bad one is an error located where its
 * text starts (the same message whichever thread parses it).
 */
export function parseEventText(text: string, file: string | undefined, line: number, column: number): SplitItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { error: new SigmaError('value', `malformed JSON event: ${reason}`, locationOf(file, line, column)) };
  }
  return objectEvent(value, locationOf(file, line, column));
}

/** A splitter for one input (`file` names it in errors). `onError` receives bad events; by default they throw. */
export function createEventSplitter(file?: string, onError?: EventErrorHandler): EventSplitter {
  const core = splitterCore(file, false, 1);
  const report = (error: SigmaError): void => {
    if (onError === undefined) throw error;
    onError(error);
  };
  // A search API response's rows are events (containers.ts), each a value of its own.
  const pushItems = (chunk: string): SplitItem[] =>
    (core.push(chunk) as SplitItem[]).flatMap((item): SplitItem[] => {
      const rows = item.error === undefined ? containerRows(item.event)?.rows : undefined;
      return rows === undefined ? [item] : rows.map((row) => objectEvent(row, file !== undefined ? { file } : {}));
    });
  const push = (chunk: string): unknown[] => {
    const events: unknown[] = [];
    for (const item of pushItems(chunk)) {
      if (item.error === undefined) events.push(item.event);
      else report(item.error);
    }
    return events;
  };
  return Object.freeze({ push, pushItems, end: core.end });
}

/**
 * A splitter that delimits values without parsing them: the same boundaries, lines and columns as
 * `createEventSplitter` (which only parses what this delimits), so the parsing can happen elsewhere (another
 * thread) with `parseEventText`. `firstLine` and `firstColumn` are where the first text given starts.
 */
export function createRawSplitter(file?: string, firstLine = 1, firstColumn = 1): RawSplitter {
  const core = splitterCore(file, true, firstLine, firstColumn);
  return Object.freeze({ push: (chunk: string) => core.push(chunk) as RawEvent[], end: core.end });
}

function splitterCore(
  file: string | undefined,
  raw: boolean,
  firstLine: number,
  firstColumn = 1,
): { push: (chunk: string) => (SplitItem | RawEvent)[]; end: () => void } {
  const where = (line: number, column: number) => locationOf(file, line, column);
  // The piece being read. A value that goes on past it keeps its text so far in `pieces` (joined when it ends):
  // each piece is read once, so a value of any length (a search API response of 100,000 rows) is read in linear
  // time, where appending pieces to one string and reading it from there copied it whole at every piece.
  let buf = '';
  let pos = 0; // next character of buf to read
  let start = -1; // where the current value starts in buf, -1 between values, IN_PIECES when in an earlier piece
  let pieces: string[] = [];
  // Backslashes ending the pieces read before (a quote at the start of this one may be escaped by them).
  let backslashes = 0;
  let depth = 0;
  let inString = false;
  let inArray = false; // inside the top-level array
  let line = firstLine;
  let lineStart = -(firstColumn - 1); // offset in the whole input where `line` starts
  let consumed = 0; // characters dropped from buf so far
  let startLine = firstLine;
  let startColumn = 1;
  // JSON lines: an object that ends its line is parsed whole, without reading it character by character. A line
  // that does not parse (a pretty-printed object's first line, two objects on a line) is read the slow way; after
  // a few such lines the input is taken not to be JSON lines.
  // Raw values are never parsed here: only the character reader delimits them.
  let lineMisses = raw ? 3 : 0;
  /** Text that is no JSON value stopped the stream: thrown by the next call. */
  let stopped: SigmaError | undefined;

  /** The event of a whole line starting at `i` (a `{`), or undefined; `nl` is the line's end. */
  const wholeLine = (i: number, nl: number): unknown => {
    const end = valueEnd(buf, i, nl);
    if (buf.charCodeAt(end - 1) !== CLOSE_BRACE) return undefined;
    try {
      return JSON.parse(buf.slice(i, end));
    } catch {
      lineMisses++;
      return undefined;
    }
  };

  const finish = (end: number, out: (SplitItem | RawEvent)[]): void => {
    const text = start === IN_PIECES ? pieces.join('') + buf.slice(0, end) : buf.slice(start, end);
    if (start === IN_PIECES) pieces = [];
    start = -1;
    out.push(raw ? { text, line: startLine, column: startColumn } : parseEventText(text, file, startLine, startColumn));
  };

  const push = (chunk: string): (SplitItem | RawEvent)[] => {
    if (stopped !== undefined) throw stopped;
    const out: (SplitItem | RawEvent)[] = [];
    buf = chunk;
    const n = buf.length;
    let i = pos;
    while (i < n) {
      if (inString) {
        // Jump to the next quote; it ends the string unless an odd number of backslashes precede it.
        const q = buf.indexOf('"', i);
        if (q === -1) {
          i = n;
          break;
        }
        let k = q - 1;
        while (k >= 0 && buf.charCodeAt(k) === BACKSLASH) k--;
        i = q + 1;
        if ((q - 1 - k + (k < 0 ? backslashes : 0)) % 2 === 0) inString = false;
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === NEWLINE) {
        line++;
        lineStart = consumed + i + 1;
      }
      if (start === -1) {
        if (isSkippable(c)) {
          i++;
          continue;
        }
        if (c === OPEN_BRACKET && !inArray) {
          inArray = true;
          i++;
          continue;
        }
        if (c === CLOSE_BRACKET && inArray) {
          inArray = false;
          i++;
          continue;
        }
        if (c === OPEN_BRACE && lineMisses < 3) {
          const nl = buf.indexOf('\n', i);
          const event = nl === -1 ? undefined : wholeLine(i, nl);
          if (event !== undefined) {
            out.push({ event });
            i = nl; // the newline is counted as any other
            continue;
          }
        }
        if (c !== OPEN_BRACE && !(inArray && c === OPEN_BRACKET)) {
          // The stream stops here; the events before it are still given, the error comes with the next call.
          const snippet = buf.slice(i, i + 20).split('\n')[0] ?? '';
          buf = '';
          pos = 0;
          stopped = new SigmaError(
            'value',
            inArray ? `an event must be a JSON object, found '${snippet}'` : `expected a JSON object or array, found '${snippet}'`,
            where(line, consumed + i - lineStart + 1),
          );
          return out;
        }
        start = i;
        depth = 0;
        startLine = line;
        startColumn = consumed + i - lineStart + 1;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) finish(i + 1, out);
      }
      i++;
    }
    // Keep only the unfinished value's text, and how many backslashes end the piece.
    if (start !== -1) {
      pieces.push(start === IN_PIECES ? buf : buf.slice(start));
      start = IN_PIECES;
    }
    let k = n - 1;
    while (k >= 0 && buf.charCodeAt(k) === BACKSLASH) k--;
    backslashes = n - 1 - k + (k < 0 ? backslashes : 0);
    consumed += n;
    pos = i - n;
    buf = '';
    return out;
  };

  const end = (): void => {
    if (stopped !== undefined) throw stopped;
    if (start !== -1 || inString)
      throw new SigmaError('value', 'unterminated JSON value (the text ends inside it)', where(startLine, startColumn));
  };
  return { push, end };
}

/** Every event of a whole text, through the same splitter (bad events throw). */
export function splitEvents(text: string, file?: string): unknown[] {
  const splitter = createEventSplitter(file);
  const events = splitter.push(text);
  splitter.end();
  return events;
}

/**
 * What a line of text is to JSON lines: blank (only spaces, commas, a byte-order mark), a candidate value (it
 * starts with `{` and ends with `}`), or other (the input is then read value by value, not line by line).
 */
export function lineShape(text: string): 'blank' | 'candidate' | 'other' {
  const i = valueStart(text);
  if (i === text.length) return 'blank';
  return text.charCodeAt(i) === OPEN_BRACE && text.charCodeAt(valueEnd(text, i) - 1) === CLOSE_BRACE ? 'candidate' : 'other';
}

/** The column where a line's value starts (past spaces, commas and a byte-order mark), 1-based. */
export function valueColumn(text: string): number {
  return valueStart(text) + 1;
}

/**
 * How a line not read to its end yet starts: nothing but spaces and commas so far, an object, or anything else
 * (then it cannot be a JSON lines object).
 */
export function lineStart(text: string): 'blank' | 'object' | 'other' {
  const i = valueStart(text);
  if (i === text.length) return 'blank';
  return text.charCodeAt(i) === OPEN_BRACE ? 'object' : 'other';
}

/**
 * A candidate line (see `lineShape`) read alone, as the splitter reads it when the lines before it were whole
 * values: the event or the bad event it holds; undefined when it is not one value ending the line (two objects,
 * an object going on past the line, text after it), which only the splitter reading on can tell.
 */
export function lineEvent(text: string, file: string | undefined, line: number): SplitItem | undefined {
  const i = valueStart(text);
  const end = valueEnd(text, i);
  if (text.charCodeAt(i) !== OPEN_BRACE || text.charCodeAt(end - 1) !== CLOSE_BRACE) return undefined;
  try {
    return { event: JSON.parse(text.slice(i, end)) as unknown };
  } catch {
    // Not JSON as a whole: delimited as the splitter would, it is one bad value or more than the line holds.
  }
  const alone = splitterCore(file, true, line);
  let values: (SplitItem | RawEvent)[];
  try {
    values = alone.push(text);
    alone.end();
  } catch {
    return undefined;
  }
  const [value] = values as RawEvent[];
  return values.length === 1 && value !== undefined ? parseEventText(value.text, file, value.line, value.column) : undefined;
}
