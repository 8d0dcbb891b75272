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
