/**
 * A search API response read as it arrives (containers.ts names the responses): its rows are delimited one by one
 * and handed on as text, so a response of any size streams with the memory of one row, where parsing it whole
 * held it twice over (a Defender hunting response may reach 124 MB). Only the response's outline is read
 * structurally (its keys, the `hits` object, the `tables` list); every other value is skipped by its brackets.
 *
 * Until the rows' array begins, the text read is kept: a value that starts like a response but is none (an event
 * whose first key is `took`) ends as one value, its whole text given back. Browser-safe.
 */
import { SigmaError } from '../errors.js';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, NEWLINE, OPEN_BRACE, OPEN_BRACKET, QUOTE, isJsonSpace } from './json-text.js';

/** A row of the response: its JSON text and where it starts; a Log Analytics row (an array) comes with its columns. */
export interface WalkedRow {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly columns?: readonly string[];
  /** ES|QL rows: a null cell is an absent field. */
  readonly absentNulls?: boolean;
}

export interface WalkStep {
  /** Rows completed by this piece, in order. */
  readonly rows: readonly WalkedRow[];
  /** Where in the piece the response ended (after its closing brace), when it did. */
  readonly end?: number;
  /** The value was no response after all: its whole text, to be read as one value (`end` is set). */
  readonly whole?: string;
}

export interface ContainerWalker {
  readonly push: (chunk: string) => WalkStep;
  /** The line and column the text after the response starts at (once it ended). */
  readonly position: () => { readonly line: number; readonly column: number };
  /** The input has ended: throws when it ends inside the response. */
  readonly end: () => void;
}

/** What a bracketed value is to the walk. */
type Role =
  | 'root' // the response
  | 'hits' // Elasticsearch's hits object
  | 'tables' // Log Analytics' list of tables
  | 'table' // one of them
  | 'rows'; // the array of rows

interface Frame {
  readonly role: Role;
  readonly object: boolean;
  /** Objects: the key of the value being read, or undefined while a key is expected. */
  key: string | undefined;
  /** Expecting: a key (objects) or value, a colon, or a comma or the closing bracket. */
  expect: 'key' | 'colon' | 'value' | 'comma';
  /** Tables: their columns' names once read. */
  columns?: string[];
  /** Tables: rows read before the columns (kept until they come). */
  early?: { text: string; line: number; column: number }[];
}

/**
 * A walker for a response whose `{` is the first character of the first piece it is given, at `line`:`column`.
 * `file` locates its errors.
 */
export function createContainerWalker(file: string | undefined, line: number, column: number): ContainerWalker {
  const at = (l: number, c: number) => ({ ...(file !== undefined ? { file } : {}), line: l, column: c });
  const startLine = line;
  const startColumn = column;
  let offset = 0; // characters of the input before the current piece
  let lineStart = -(column - 1); // offset where `line` starts
  let kept: string[] | undefined = []; // the text so far, while it may be no response
  const stack: Frame[] = [];
  const rootKeys = new Map<string, 'array' | 'boolean' | 'other'>();
  // A value read without its structure: skipped, or a row / columns list delimited (its text kept).
  let skip:
    | { depth: number; parts: string[] | undefined; from: number; line: number; column: number; purpose: 'skip' | 'row' | 'columns' }
    | undefined;
  let inString = false;
  let backslashes = 0; // backslashes ending the previous piece, inside a string
  let keyParts: string[] | undefined; // a key being read
  let scalar = false; // inside a number, true, false or null
  let done = false;
  let finalLine = line;
  let finalColumn = column;

  const expected = (what: string, i: number): never => {
    throw new SigmaError('value', `malformed response: expected ${what}`, at(line, offset + i - lineStart + 1));
  };

  /** Whether the array about to start (its key `key` in `frame`) holds the rows. */
  const rowsHere = (frame: Frame, key: string | undefined): boolean => {
    if (frame.role === 'root')
      return (
        (key === 'Results' && rootKeys.get('Schema') === 'array') ||
        (key === 'results' &&
          (rootKeys.get('schema') === 'array' || (rootKeys.get('preview') === 'boolean' && rootKeys.has('init_offset')))) ||
        (key === 'values' && frame.columns !== undefined)
      );
    if (frame.role === 'hits') return key === 'hits';
    return frame.role === 'table' && key === 'rows';
  };

  /** The role of a bracketed value starting in `frame` (under `key`), or undefined to skip it. */
  const roleOf = (frame: Frame, key: string | undefined, object: boolean): Role | 'row' | 'columns' | undefined => {
    if (frame.role === 'rows') return 'row';
    if (!object && rowsHere(frame, key)) return 'rows';
    if (frame.role === 'root' && object && key === 'hits' && (rootKeys.has('took') || rootKeys.has('_shards'))) return 'hits';
    if (frame.role === 'root' && !object && key === 'tables') return 'tables';
    if (frame.role === 'tables' && object) return 'table';
    if ((frame.role === 'table' || frame.role === 'root') && !object && key === 'columns') return 'columns';
    return undefined;
  };

  const noteRoot = (frame: Frame, c: number): void => {
    if (frame.role !== 'root' || frame.key === undefined) return;
    rootKeys.set(frame.key, c === OPEN_BRACKET ? 'array' : c === 116 || c === 102 ? 'boolean' : 'other');
  };

  /** A value in `frame` is complete. */
  const valueDone = (frame: Frame): void => {
    frame.expect = 'comma';
    if (frame.object) frame.key = undefined;
  };

  /**
   * A row, named by its holder's columns: a Log Analytics table (rows before its columns wait for them), or the
   * response itself (ES|QL: its null cells are absent fields).
   */
  const emitRow = (out: WalkedRow[], row: { text: string; line: number; column: number }, holder: Frame | undefined): void => {
    if (holder?.role === 'table') {
      if (holder.columns !== undefined) out.push({ ...row, columns: holder.columns });
      else (holder.early ??= []).push(row);
    } else if (holder?.role === 'root' && holder.columns !== undefined) out.push({ ...row, columns: holder.columns, absentNulls: true });
    else out.push(row);
  };

  const push = (chunk: string): WalkStep => {
    if (done) return { rows: [], end: 0 };
    const out: WalkedRow[] = [];
    const n = chunk.length;
    if (kept !== undefined) kept.push(chunk);
    let i = 0;
    if (offset === 0 && stack.length === 0) {
      if (chunk.charCodeAt(0) !== OPEN_BRACE) expected("'{'", 0);
      stack.push({ role: 'root', object: true, key: undefined, expect: 'key' });
      i = 1;
    }
    // The frame that holds the rows' array (a table, or the response).
    const table = (): Frame | undefined => stack[stack.length - 2];
    while (i < n) {
      if (inString) {
        const q = chunk.indexOf('"', i);
        const to = q === -1 ? n : q;
        // Newlines cannot be in a JSON string; the piece up to the quote is the string's.
        if (keyParts !== undefined) keyParts.push(chunk.slice(i, to));
        if (q === -1) {
          // Backslashes ending the piece; the character before `i`, when there is one, is a quote.
          let k = n - 1;
          while (k >= i && chunk.charCodeAt(k) === BACKSLASH) k--;
          backslashes = k >= i ? n - 1 - k : i === 0 ? backslashes + n : n - i;
          break;
        }
        let k = q - 1;
        while (k >= 0 && chunk.charCodeAt(k) === BACKSLASH) k--;
        const run = q - 1 - k + (k < 0 ? backslashes : 0);
        backslashes = 0;
        if (run % 2 === 1) {
          if (keyParts !== undefined) keyParts.push('"');
          i = q + 1;
          continue;
        }
        inString = false;
        i = q + 1;
        if (keyParts !== undefined) {
          const frame = stack[stack.length - 1] as Frame;
          frame.key = keyParts.join('');
          frame.expect = 'colon';
          keyParts = undefined;
        } else if (skip === undefined) valueDone(stack[stack.length - 1] as Frame);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) {
        line++;
        lineStart = offset + i + 1;
      }
      if (skip !== undefined) {
        // Inside a value read by its brackets only.
        if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) skip.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          skip.depth--;
          if (skip.depth === 0) {
            const s = skip;
            skip = undefined;
            const frame = stack[stack.length - 1] as Frame;
            if (s.parts !== undefined) {
              s.parts.push(chunk.slice(s.from, i + 1));
              const text = s.parts.join('');
              if (s.purpose === 'row') emitRow(out, { text, line: s.line, column: s.column }, table());
              else if (s.purpose === 'columns') {
                const names: string[] = [];
                let list: unknown;
                try {
                  list = JSON.parse(text);
                } catch {
                  expected('a JSON list of columns', i);
                }
                for (const col of Array.isArray(list) ? list : [])
                  if (col !== null && typeof col === 'object' && typeof (col as { name?: unknown }).name === 'string')
                    names.push((col as { name: string }).name);
                frame.columns = names;
                for (const row of frame.early ?? []) out.push({ ...row, columns: names });
                frame.early = undefined;
              }
            }
            valueDone(frame);
          }
        }
        i++;
        continue;
      }
      if (scalar) {
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isJsonSpace(c)) scalar = false;
        else {
          i++;
          continue;
        }
      }
      if (isJsonSpace(c)) {
        i++;
        continue;
      }
      const frame = stack[stack.length - 1] as Frame;
      switch (frame.expect) {
        case 'key':
          if (c === CLOSE_BRACE && frame.object) break;
          if (c !== QUOTE || !frame.object) expected('a key', i);
          keyParts = [];
          inString = true;
          i++;
          continue;
        case 'colon':
          if (c !== COLON) expected("':'", i);
          frame.expect = 'value';
          i++;
          continue;
        case 'comma':
          if (c === COMMA) {
            frame.expect = frame.object ? 'key' : 'value';
            i++;
            continue;
          }
          break;
        case 'value':
          if (c === CLOSE_BRACKET && !frame.object) break;
          noteRoot(frame, c);
          if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            const object = c === OPEN_BRACE;
            const role = roleOf(frame, frame.key, object);
            if (role === 'rows' || role === 'hits' || role === 'tables' || role === 'table' || role === 'root') {
              if (role === 'rows') kept = undefined; // a response: its rows stream from here
              stack.push({ role, object, key: undefined, expect: object ? 'key' : 'value' });
            } else {
              const keep = role === 'row' || role === 'columns';
              skip = {
                depth: 1,
                parts: keep ? [] : undefined,
                from: i,
                line,
                column: offset + i - lineStart + 1,
                purpose: role ?? 'skip',
              };
            }
          } else {
            // A row that is no object (nor, in a table, an array): handed on as a value of its type, so that it is
            // reported where it is as a bad event.
            if (frame.role === 'rows') {
              const text = c === QUOTE ? '""' : c === 116 || c === 102 ? 'true' : c === 110 ? 'null' : '0';
              emitRow(out, { text, line, column: offset + i - lineStart + 1 }, table());
            }
            if (c === QUOTE) inString = true;
            else scalar = true;
          }
          if (scalar) valueDone(frame);
          i++;
          continue;
      }
      // A closing bracket: the frame ends.
      if ((frame.object && c !== CLOSE_BRACE) || (!frame.object && c !== CLOSE_BRACKET))
        expected(frame.object ? "',' or '}'" : "',' or ']'", i);
      stack.pop();
      i++;
      // Rows of a table that named no columns: handed on as they are (each is then a bad event, not lost).
      for (const row of frame.early ?? []) out.push(row);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) {
        valueDone(parent);
        continue;
      }
      // The response ended.
      done = true;
      finalLine = line;
      finalColumn = offset + i - lineStart + 1;
      offset += n;
      if (kept !== undefined) {
        const whole = kept.join('');
        kept = undefined;
        return { rows: out, end: i, whole: whole.slice(0, whole.length - (n - i)) };
      }
      return { rows: out, end: i };
    }
    // The piece ends inside the response: a value read by its brackets keeps its text so far.
    if (skip?.parts !== undefined) {
      skip.parts.push(chunk.slice(skip.from));
    }
    if (skip !== undefined) skip.from = 0;
    offset += n;
    return { rows: out };
  };

  return Object.freeze({
    push,
    position: () => ({ line: finalLine, column: finalColumn }),
    end: () => {
      if (!done) throw new SigmaError('value', 'unterminated JSON value (the text ends inside it)', at(startLine, startColumn));
    },
  });
}
