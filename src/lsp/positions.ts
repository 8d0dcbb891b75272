/** Positions in a YAML text: 1-based loader locations ↔ 0-based LSP positions, and the words around them. */
import type { Pos, Range } from './types.js';

export function lineAt(lines: readonly string[], line: number): string {
  return lines[line] ?? '';
}

/** LSP position of a loader location (1-based line and column). */
export function toPos(line: number | undefined, column: number | undefined): Pos {
  return { line: Math.max(0, (line ?? 1) - 1), character: Math.max(0, (column ?? 1) - 1) };
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: Math.max(end, start + 1) } };
}

/** The range of the token (up to white space, `:` or a flow indicator) that starts at `pos`, at least one character. */
export function tokenRange(lines: readonly string[], pos: Pos): Range {
  const text = lineAt(lines, pos.line);
  let end = pos.character;
  if (text[end] === "'" || text[end] === '"') {
    const close = text.indexOf(text[end] as string, end + 1);
    end = close > end ? close + 1 : text.length;
  } else while (end < text.length && !/[\s:,{}[\]]/.test(text[end] as string)) end++;
  if (end <= pos.character) end = Math.min(text.length, pos.character + 1);
  return range(pos.line, pos.character, end);
}

/** Where the scalar `value` starts in the text at a loader location: after an opening quote when it is quoted. */
export function scalarStart(lines: readonly string[], pos: Pos, value: string): Pos | undefined {
  const text = lineAt(lines, pos.line);
  const quote = text[pos.character] === "'" || text[pos.character] === '"' ? 1 : 0;
  const at = pos.character + quote;
  // Only where the value is written on one line exactly as parsed (no escapes or folding to map offsets through).
  return text.startsWith(value, at) ? { line: pos.line, character: at } : undefined;
}

/** The word (letters, digits, `_`, `.`, `-`, `*`) around a position, with its range. */
export function wordAt(lines: readonly string[], pos: Pos, chars = /[\w.*-]/): { word: string; range: Range } {
  const text = lineAt(lines, pos.line);
  let start = pos.character;
  let end = pos.character;
  while (start > 0 && chars.test(text[start - 1] as string)) start--;
  while (end < text.length && chars.test(text[end] as string)) end++;
  return { word: text.slice(start, end), range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } } };
}
