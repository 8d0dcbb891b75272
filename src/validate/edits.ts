/**
 * Text edits for safe fixes: located on the written text so that a fix changes only the characters it must and
 * keeps comments, quoting and layout.
 */
import type { YamlPath } from '../rule/yaml.js';
import type { DocumentContext, TextEdit } from './types.js';

/**
 * An edit replacing the scalar written at `path` (plain or quoted, on one line) by `to`, when the text there
 * really is `from`; undefined when it cannot be found verbatim (then no fix is offered).
 */
export function replaceScalar(ctx: DocumentContext, path: YamlPath, from: string, to: string): TextEdit[] | undefined {
  let start = ctx.offset(path, 'value');
  if (start === undefined) return undefined;
  const quote = ctx.text[start];
  if (quote === "'" || quote === '"') start++;
  if (ctx.text.slice(start, start + from.length) !== from) return undefined;
  return [{ start, end: start + from.length, text: to }];
}

/** Applies edits (non-overlapping; overlapping ones after the first are dropped) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * An edit deleting the whole line of the block-sequence entry at `path` (`    - value  # comment`); undefined when
 * the entry does not stand alone on its line (flow lists, several entries on a line).
 */
export function deleteListEntryLine(ctx: DocumentContext, path: YamlPath): TextEdit[] | undefined {
  const at = ctx.offset(path, 'value');
  if (at === undefined) return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', at - 1) + 1;
  const newline = ctx.text.indexOf('\n', at);
  const lineEnd = newline === -1 ? ctx.text.length : newline + 1;
  const line = ctx.text.slice(lineStart, newline === -1 ? ctx.text.length : newline).replace(/\r$/, '');
  if (!/^\s*-\s+/.test(line) || !/^\s*-\s*$/.test(ctx.text.slice(lineStart, at))) return undefined;
  const rest = line.slice(at - lineStart);
  // the entry is one plain or quoted scalar, maybe followed by a comment
  if (!/^(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^'"#\s][^#]*?)\s*(?:#.*)?$/.test(rest)) return undefined;
  return [{ start: lineStart, end: lineEnd, text: '' }];
}
