/**
 * Where the cursor is in a rule that is being typed (and so often not valid YAML): the keys that enclose the line,
 * found by indentation, and whether the cursor is in a key or a value. Text-only, so it works on broken input.
 */
import type { Pos } from './types.js';

export interface CursorContext {
  /** Keys enclosing the cursor's line, outermost first (`['detection', 'selection']`). */
  readonly path: readonly string[];
  /** The cursor is where a key is written (no `:` yet before it on this line). */
  readonly inKey: boolean;
  /** The key of this line when the cursor is in its value. */
  readonly key?: string;
  /** The line is a list item (`- …`). */
  readonly listItem: boolean;
  /** The text of the line before the cursor. */
  readonly before: string;
  /** Indentation of the key (or list item content) of this line. */
  readonly indent: number;
}

const KEY_LINE = /^(\s*)(-\s+)?(['"]?)([^:#'"]*?)\3\s*:(?:\s|$)/;

interface LineShape {
  readonly indent: number;
  readonly key?: string;
  readonly dash: boolean;
}

function shape(line: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(line) || /^(---|\.\.\.)\s*$/.test(line)) return undefined;
  const m = KEY_LINE.exec(line);
  const lead = /^\s*/.exec(line)?.[0].length ?? 0;
  if (!m) return { indent: lead, dash: /^\s*-(\s|$)/.test(line) };
  const indent = (m[1] ?? '').length + (m[2] ?? '').length;
  return { indent, key: m[4], dash: m[2] !== undefined };
}

/** The keys enclosing line `line` whose content starts at column `indent`. */
export function enclosingKeys(lines: readonly string[], line: number, indent: number): string[] {
  const path: string[] = [];
  let threshold = indent;
  for (let i = line - 1; i >= 0 && threshold > 0; i--) {
    const text = lines[i] ?? '';
    if (/^(---)\s*$/.test(text)) break;
    const s = shape(text);
    if (!s) continue;
    // A list item's dash sits left of its content: `- a: 1` encloses nothing at the content's indent.
    const outer = s.dash ? (/^\s*/.exec(text)?.[0].length ?? 0) : s.indent;
    if (outer < threshold && s.key !== undefined && s.indent < threshold) {
      path.unshift(s.key);
      threshold = outer;
    } else if (outer < threshold) threshold = outer;
  }
  return path;
}

export function cursorContext(lines: readonly string[], pos: Pos): CursorContext {
  const line = lines[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const dash = /^(\s*)-\s+/.exec(before);
  const lead = /^\s*/.exec(line)?.[0].length ?? 0;
  const indent = dash ? dash[0].length : lead;
  const keyMatch = KEY_LINE.exec(before);
  const inKey = !keyMatch && !/:\s/.test(before.slice(indent));
  const keyOfValue = keyMatch ? keyMatch[4] : undefined;
  // A list item without a key of its own is a value of the key above it.
  let path = enclosingKeys(lines, pos.line, indent);
  if (dash && !keyMatch && inKey) {
    // `- attack.t` under `tags:` or `- 'value'` under `Image|endswith:`: in the parent's value.
    path = enclosingKeys(lines, pos.line, dash[1]?.length ?? 0);
    return { path, inKey: false, ...(path.length ? { key: path[path.length - 1] as string } : {}), listItem: true, before, indent };
  }
  return { path, inKey, ...(keyOfValue !== undefined ? { key: keyOfValue } : {}), listItem: !!dash, before, indent };
}

/** `key: value` pairs directly under a top-level key (`logsource`), read from the text. */
export function blockValues(lines: readonly string[], block: string): Record<string, string> {
  const out: Record<string, string> = {};
  const start = lines.findIndex((l) => new RegExp(`^${block}\\s*:`).test(l));
  if (start < 0) return out;
  const inline = /\{(.*)\}/.exec(lines[start] ?? '');
  if (inline?.[1]) {
    for (const part of inline[1].split(',')) {
      const m = /^\s*([\w-]+)\s*:\s*['"]?([^'"]*?)['"]?\s*$/.exec(part);
      if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
    }
    return out;
  }
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^\S/.test(l)) break;
    const m = /^\s+([\w-]+)\s*:\s*['"]?([^'"#]*?)['"]?\s*(#.*)?$/.exec(l);
    if (m?.[1] && m[2]) out[m[1]] = m[2];
  }
  return out;
}

/** Names of the selections under `detection:` (or `filter:`), read from the text. */
export function selectionNames(lines: readonly string[]): string[] {
  const start = lines.findIndex((l) => /^(detection|filter)\s*:/.test(l));
  if (start < 0) return [];
  let childIndent: number | undefined;
  const names: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^\S/.test(l)) break;
    const s = shape(l);
    if (!s || s.dash) continue;
    childIndent ??= s.indent;
    if (s.indent === childIndent && s.key && !['condition', 'timeframe', 'rules'].includes(s.key)) names.push(s.key);
  }
  return names;
}

/** Field names (before any `|`) used in the detection, read from the text. */
export function fieldNames(lines: readonly string[]): string[] {
  const out = new Set<string>();
  let inDetection = false;
  for (const l of lines) {
    if (/^\S/.test(l)) inDetection = /^(detection|filter)\s*:/.test(l);
    else if (inDetection) {
      const s = shape(l);
      const name = s?.key?.split('|')[0];
      if (name && s && s.indent > 2) out.add(name);
    }
  }
  for (const n of selectionNames(lines)) out.delete(n);
  out.delete('condition');
  return [...out].sort();
}
