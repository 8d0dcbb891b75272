/**
 * CSV events: what SIEMs export a search's results as (Splunk, Sentinel / Log Analytics, Kibana's Discover). The
 * first record names the columns; each record after it is an event whose fields are those columns. RFC 4180:
 * fields separated by commas, quoted with `"` (a quote inside written `""`), records ended by CRLF or LF, quoted
 * fields may hold line breaks. An empty cell is an absent field (CSV cannot tell a null from an empty string);
 * cells past the header's columns are named `column<N>` (their position, from 1), so nothing is dropped.
 *
 * Read piece by piece like JSON events (`RawSplitter`): each event is handed on as the JSON text of its object,
 * with the line where its record starts.
 */
import { SigmaError } from '../errors.js';
import type { RawEvent } from './stream.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Reads CSV piece by piece: `push` gives the events of the records a piece completes, `end` those of the last one. */
export interface CsvReader {
  readonly push: (chunk: string) => RawEvent[];
  /** The input has ended: the last record's event when no line break ends it; throws inside a quoted field. */
  readonly end: () => RawEvent[];
}

/** A CSV reader: `push` pieces of text, get the events of the records they complete. */
export function createCsvReader(file?: string): CsvReader {
  let header: string[] | undefined;
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just read the closing quote of a quoted field (a second one is a literal quote)
  let line = 1; // the line being read
  let recordLine = 1; // where the record being read starts
  let atRecordStart = true;
  let started = false; // the first character has been read (a byte-order mark is skipped there)
  let crEnded = false; // the last character read was a CR that ended a record (its LF may start the next piece)

  const event = (cells: readonly string[]): string => {
    const names = header as string[];
    const out: Record<string, string> = {};
    cells.forEach((cell, k) => {
      if (cell === '') return;
      out[k < names.length ? (names[k] as string) : `column${k + 1}`] = cell;
    });
    return JSON.stringify(out);
  };

  const endRecord = (out: RawEvent[]): void => {
    fields.push(field);
    field = '';
    afterQuote = false;
    const cells = fields;
    fields = [];
    atRecordStart = true;
    // A blank line is no record.
    if (cells.length === 1 && cells[0] === '') return;
    if (header === undefined) {
      header = cells.map((name, k) => name.trim() || `column${k + 1}`);
      return;
    }
    out.push({ text: event(cells), line: recordLine, column: 1 });
  };

  const push = (chunk: string): RawEvent[] => {
    const out: RawEvent[] = [];
    let i = 0;
    if (!started && chunk.length > 0) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    let from = i; // start of the run of plain characters not yet added to `field`
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (crEnded) {
        crEnded = false;
        if (c === LF) {
          from = i + 1;
          continue;
        }
      }
      if (atRecordStart) {
        atRecordStart = false;
        recordLine = line;
      }
      if (quoted) {
        if (c === QUOTE) {
          field += chunk.slice(from, i);
          quoted = false;
          afterQuote = true;
          from = i + 1;
        } else if (c === LF) line++;
        continue;
      }
      if (c === QUOTE) {
        field += chunk.slice(from, i);
        from = i + 1;
        if (afterQuote) {
          // `""` inside a quoted field: one quote, and the field goes on quoted.
          field += '"';
          quoted = true;
          afterQuote = false;
        } else if (field === '') quoted = true;
        else field += '"'; // a quote inside an unquoted field is a character, as exporters write it
        continue;
      }
      afterQuote = false;
      if (c === COMMA) {
        fields.push(field + chunk.slice(from, i));
        field = '';
        from = i + 1;
      } else if (c === LF || c === CR) {
        field += chunk.slice(from, i);
        if (c === CR) crEnded = true; // CRLF: its LF is skipped, here or at the start of the next piece
        from = i + 1;
        endRecord(out);
        line++;
      }
    }
    field += chunk.slice(from);
    return out;
  };

  const end = (): RawEvent[] => {
    if (quoted) {
      const where = { ...(file !== undefined ? { file } : {}), line: recordLine, column: 1 };
      throw new SigmaError('value', 'unterminated quoted CSV field (the text ends inside it)', where);
    }
    const out: RawEvent[] = [];
    // The last record, without a line break after it.
    if (!atRecordStart) endRecord(out);
    return out;
  };

  return Object.freeze({ push, end });
}

/** Whether a file is read as CSV (by its name). */
export const isCsvFile = (path: string): boolean => /\.csv$/i.test(path);

/** The events of a whole CSV text (bad input throws SigmaError). */
export function parseCsvEvents(text: string, file?: string): Record<string, string>[] {
  const reader = createCsvReader(file);
  return [...reader.push(text), ...reader.end()].map((r) => JSON.parse(r.text) as Record<string, string>);
}
