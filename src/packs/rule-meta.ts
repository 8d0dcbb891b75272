/**
 * Small, target-neutral readings of a rule's metadata for the pack writers: its level, a stable UUID, its authors,
 * its references, its dates.
 */
import type { Level, SigmaRule } from '../rule/ast.js';
import type { PackSettings } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ruleLevel(rule: SigmaRule, settings: PackSettings): Level {
  return rule.level ?? settings.defaultLevel;
}

/** FNV-1a over the UTF-16 code units of `text`, starting from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A UUID (version 8, RFC 9562 "custom") derived from `seed`: same seed, same UUID. Used for rules without a UUID id
 * and for the second and later queries of one rule.
 */
export function derivedUuid(seed: string): string {
  const words = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x7feb352d].map((s) => fnv1a(seed, s).toString(16).padStart(8, '0'));
  const hex = words.join('').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The rule's UUID in lower case; derived from the title when the rule has no UUID id. `index` > 0 gives a distinct,
 * stable UUID for the rule's further queries.
 */
export function ruleUuid(rule: SigmaRule, index = 0): string {
  const base = rule.id !== undefined && UUID.test(rule.id) ? rule.id.toLowerCase() : derivedUuid(`sigma-rule:${rule.id ?? rule.title}`);
  return index === 0 ? base : derivedUuid(`${base}#${index}`);
}

/** `A, B (Org, Inc), C` → `['A', 'B (Org, Inc)', 'C']`: commas inside brackets do not split. */
export function ruleAuthors(rule: SigmaRule): readonly string[] {
  const text = rule.author?.trim();
  if (!text) return [];
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
    if (ch === ',' && depth === 0) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The rule's references that are http(s) URLs, in order, without duplicates. */
export function httpReferences(rule: SigmaRule): readonly string[] {
  const seen = new Set<string>();
  for (const ref of rule.references ?? []) {
    const trimmed = ref.trim();
    if (/^https?:\/\/\S+$/i.test(trimmed)) seen.add(trimmed);
  }
  return [...seen];
}

/** `2023/05/18` or `2023-05-18` → `2023-05-18`; undefined when not a date. */
export function isoDate(text: string | undefined): string | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(text?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
