/** Where a SigmaError points in an editor's document, as a CodeMirror diagnostic. */
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { SigmaError } from '../../../src/index.js';

const clamp = (n: number, lo: number, hi: number): number => Math.min(Math.max(n, lo), hi);

/**
 * Where a SigmaError points in a document: from its line/column to the end of the word there (at least one
 * character where the line has one); at the end of a line, that line's text. An error without a line points at
 * the first line.
 */
export function errorRange(doc: Text, error: Pick<SigmaError, 'line' | 'column'>): { from: number; to: number } {
  const line = doc.line(clamp(error.line ?? 1, 1, doc.lines));
  const column = error.line === undefined ? 1 : clamp(error.column ?? 1, 1, line.length + 1);
  const from = line.from + column - 1;
  let to = from;
  while (to < line.to && !/\s/.test(doc.sliceString(to, to + 1))) to++;
  if (to === from && from < line.to) to = from + 1;
  // At the end of a line (e.g. "condition ended too early"): the line's text, without its indentation.
  if (to === from && line.length > 0) return { from: line.from + (/^\s*/.exec(line.text)?.[0].length ?? 0), to: line.to };
  return { from, to };
}

/** The editor marker for an error; none when the error has no line (its message is shown beside the editor). */
export function diagnosticFor(doc: Text, error: SigmaError): Diagnostic | undefined {
  if (error.line === undefined) return undefined;
  return { ...errorRange(doc, error), severity: 'error', source: `sigmaform (${error.code})`, message: error.message };
}
