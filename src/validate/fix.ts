/**
 * Safe fixes (`sigmaform check --fix`): edits that cannot change what a rule matches, applied to the written text
 * so that comments, quoting and layout stay. Every stage is checked by loading the fixed text again: the
 * documents must be the same (only the keys a stage may touch may differ), or the stage is not applied.
 *
 * Stages: the fixes validators offer (lower-case tags, a repeated tag or reference removed), trailing
 * whitespace, and the order of top-level keys (SigmaHQ's: title, id, related, status, description, references,
 * author, date, modified, tags, logsource, detection, falsepositives, level, then the rest as written).
 */
import { parseYaml } from '../rule/yaml.js';
import { applyEdits } from './edits.js';
import type { Finding, TextEdit } from './types.js';

export interface FixResult {
  /** The fixed text (the input when nothing changed). */
  readonly text: string;
  /** What was changed, one line each. */
  readonly changes: readonly string[];
  /** Fixes that were not applied because the reloaded rule would have differed. */
  readonly refused: readonly string[];
}

/** SigmaHQ's key order (the order of its 3,000 rules and of the spec's file structure for the rest). */
export const KEY_ORDER: readonly string[] = [
  'title',
  'id',
  'name',
  'related',
  'taxonomy',
  'status',
  'description',
  'license',
  'references',
  'author',
  'date',
  'modified',
  'tags',
  'logsource',
  'correlation',
  'filter',
  'detection',
  'fields',
  'falsepositives',
  'level',
  'scope',
  'generate',
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The documents of a text with top-level keys sorted (their order carries no meaning); undefined if it does not parse. */
function canonical(text: string, ignore: ReadonlySet<string>, normalise?: (key: string, v: unknown) => unknown): string[] | undefined {
  try {
    return parseYaml(text).documents.map((d) => {
      if (!isRecord(d)) return JSON.stringify(d);
      const keys = Object.keys(d)
        .filter((k) => !ignore.has(k))
        .sort();
      return JSON.stringify(keys.map((k) => [k, normalise ? normalise(k, d[k]) : d[k]]));
    });
  } catch {
    return undefined;
  }
}

function same(a: string, b: string, ignore: ReadonlySet<string> = new Set(), normalise?: (key: string, v: unknown) => unknown): boolean {
  const x = canonical(a, ignore, normalise);
  const y = canonical(b, ignore, normalise);
  return x !== undefined && y !== undefined && x.length === y.length && x.every((d, i) => d === y[i]);
}

/** Tags and references compared as sets of lower-cased text: what the validator fixes may change. */
const asSet = (k: string, v: unknown): unknown =>
  (k === 'tags' || k === 'references') && Array.isArray(v) ? [...new Set(v.map((x) => String(x).toLowerCase()))].sort() : v;

/** Trailing spaces and tabs, one edit per line. */
function trailingWhitespace(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const re = /[ \t]+(?=\r?\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    edits.push({ start: m.index, end: m.index + m[0].length, text: '' });
  }
  return edits;
}

/** One document's text reordered by KEY_ORDER, or undefined when its layout is not plain block style. */
function reorderDocument(doc: string): string | undefined {
  const lines = doc.split('\n');
  const trailingNewline = doc.endsWith('\n');
  if (trailingNewline) lines.pop();
  const keyLine = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/;
  const starts: { key: string; line: number }[] = [];
  lines.forEach((l, i) => {
    const m = keyLine.exec(l);
    if (m?.[1] !== undefined) starts.push({ key: m[1], line: i });
  });
  if (starts.length < 2) return undefined;
  // comments directly above a key move with it; anything before the first key (a header) stays first
  const blockStart = starts.map(({ line }, i) => {
    let s = line;
    if (i === 0) return s; // comments above the first key are the document's header and stay first
    while (s > 0 && /^#/.test(lines[s - 1] ?? '')) s--;
    return s;
  });
  const head = lines.slice(0, blockStart[0]);
  const blocks = starts.map((s, i) => ({ key: s.key, lines: lines.slice(blockStart[i], blockStart[i + 1] ?? lines.length), at: i }));
  const rank = (k: string): number => (KEY_ORDER.includes(k) ? KEY_ORDER.indexOf(k) : KEY_ORDER.length);
  const sorted = [...blocks].sort((a, b) => rank(a.key) - rank(b.key) || a.at - b.at);
  if (sorted.every((b, i) => b === blocks[i])) return doc;
  // blank lines at the end of a block stay at the end of the document, not between moved blocks
  const body = sorted.map((b) => {
    const ls = [...b.lines];
    while (ls.length > 0 && (ls[ls.length - 1] ?? '').trim() === '') ls.pop();
    return ls;
  });
  return [...head, ...body.flat()].join('\n') + (trailingNewline ? '\n' : '');
}

/** The text with each document's top-level keys in KEY_ORDER. */
function reorderKeys(text: string): string {
  const parts = text.split(/(^---[^\n]*\n)/m);
  return parts.map((p) => (/^---/.test(p) ? p : (reorderDocument(p) ?? p))).join('');
}

/**
 * Applies the safe fixes to one file's text. `findings` are that file's findings (their `fix` edits are used).
 */
export function fixText(text: string, findings: readonly Finding[]): FixResult {
  const changes: string[] = [];
  const refused: string[] = [];
  let current = text;

  // 1. validator fixes: they may change tags and references only
  const offered = findings.filter((f) => f.fix && f.fix.length > 0);
  if (offered.length > 0) {
    const next = applyEdits(
      current,
      offered.flatMap((f) => f.fix ?? []),
    );
    if (same(current, next, new Set(), asSet)) {
      current = next;
      for (const f of offered) changes.push(`${f.line ?? '?'}:${f.column ?? '?'} ${f.validator}: ${f.message}`);
    } else refused.push(`${offered.length} validator fix(es): the reloaded rule would differ`);
  }

  // 2. trailing whitespace (a line of a block scalar keeps it: that would change the value)
  const ws = trailingWhitespace(current);
  if (ws.length > 0) {
    const all = applyEdits(current, ws);
    if (same(current, all)) {
      current = all;
      changes.push(`removed trailing whitespace on ${ws.length} line(s)`);
    } else {
      const kept = ws.filter((e) => same(current, applyEdits(current, [e])));
      if (kept.length > 0) {
        current = applyEdits(current, kept);
        changes.push(`removed trailing whitespace on ${kept.length} line(s)`);
      }
      if (kept.length < ws.length) refused.push(`trailing whitespace on ${ws.length - kept.length} line(s) is part of a value`);
    }
  }

  // 3. key order
  const ordered = reorderKeys(current);
  if (ordered !== current) {
    if (same(current, ordered)) {
      current = ordered;
      changes.push('put the top-level keys in SigmaHQ order');
    } else refused.push('key order: the file could not be reordered without changing it');
  }
  return { text: current, changes, refused };
}
