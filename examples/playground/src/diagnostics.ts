/** Where a SigmaError or a language-service diagnostic points in an editor's document, as a CodeMirror diagnostic. */
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { SigmaError } from '../../../src/index.js';
import { diagnose } from '../../../src/lsp/diagnostics.js';
import type { Diagnostic as LspDiagnostic } from '../../../src/lsp/types.js';

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

const SEVERITY: Readonly<Record<LspDiagnostic['severity'], Diagnostic['severity']>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** A language-service diagnostic (LSP shape: 0-based lines, UTF-16 columns) as a CodeMirror diagnostic. */
export function fromLsp(doc: Text, d: LspDiagnostic): Diagnostic {
  const offset = (p: LspDiagnostic['range']['start']): number => {
    const line = doc.line(clamp(p.line + 1, 1, doc.lines));
    return line.from + clamp(p.character, 0, line.length);
  };
  let from = offset(d.range.start);
  let to = Math.max(from, offset(d.range.end));
  if (to === from) ({ from, to } = errorRange(doc, { line: d.range.start.line + 1, column: d.range.start.character + 1 }));
  return { from, to, severity: SEVERITY[d.severity], source: `sigmaform (${d.code})`, message: d.message };
}

/**
 * The rule editor's markers: every problem the language server would show (YAML, schema, each unknown modifier and
 * missing selection, validator findings; the same code, `diagnose`), plus the conversion's error when it is about
 * another line (a pipeline that refuses the rule).
 */
export function ruleDiagnostics(doc: Text, text: string, conversionError?: SigmaError): Diagnostic[] {
  const found = diagnose(text).map((d) => fromLsp(doc, d));
  const extra = conversionError && diagnosticFor(doc, conversionError);
  if (extra && !found.some((f) => f.severity === 'error' && doc.lineAt(f.from).number === doc.lineAt(extra.from).number)) found.push(extra);
  return found.sort((a, b) => a.from - b.from || a.to - b.to);
}
