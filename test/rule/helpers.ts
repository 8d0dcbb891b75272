import { loadRules } from '../../src/rule/load.js';
import type { DetectionItem, SigmaRule, SigmaValue } from '../../src/rule/ast.js';

/** A rule from a detection written as YAML lines (indented under `detection:`). */
export function ruleWith(detection: string, extra = ''): SigmaRule {
  const text = `title: Test rule\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n${detection}\n${extra}`;
  const doc = loadRules(text, 'test.yml').documents[0];
  if (!doc || doc.kind !== 'rule') throw new Error('not a rule');
  return doc;
}

/** The first item of selection `sel` of a one-line `field: value` detection. */
export function itemOf(key: string, valueYaml: string): DetectionItem {
  const rule = ruleWith(`  sel:\n    ${key}: ${valueYaml}\n  condition: sel`);
  const item = rule.detection.selections.get('sel')?.items[0];
  if (!item || item.kind !== 'item') throw new Error('no item');
  return item;
}

/** A string value as the text with `*`/`?` for wildcards (for readable assertions). */
export function show(v: SigmaValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.kind) {
    case 'string':
      return v.parts.map((p) => (typeof p === 'string' ? p : p.kind === 'wildcard' ? `<${p.char}>` : `<%${p.name}%>`)).join('');
    case 'expansion':
      return v.values.map(show);
    default:
      return v;
  }
}
