/**
 * A `windash` value without a flag dash (`CommandLine|contains|windash: 'vss'`) has one variant; the model keeps it
 * as a plain string, the reference keeps it as a one-alternative expansion and writes it as a one-element list
 * (`CommandLine like~ ("*vss*")`). This restores the expansion so the dialect writes the reference's text.
 */
import type { Detection, DetectionItem, SigmaRule, SigmaValue } from '../../src/rule/ast.js';

const asExpansion = (v: SigmaValue): SigmaValue =>
  v.kind === 'string' ? Object.freeze({ kind: 'expansion', values: Object.freeze([v]) }) : v;

function windashItem(item: DetectionItem): DetectionItem {
  if (!item.modifiers.includes('windash') || !item.values.some((v) => v.kind === 'string')) return item;
  return Object.freeze({ ...item, values: Object.freeze(item.values.map(asExpansion)) });
}

function windashDetection(detection: Detection): Detection {
  const items = detection.items.map((i) => (i.kind === 'item' ? windashItem(i) : windashDetection(i)));
  return items.every((i, k) => i === detection.items[k]) ? detection : Object.freeze({ ...detection, items: Object.freeze(items) });
}

function hasWindash(detection: Detection): boolean {
  return detection.items.some((i) => (i.kind === 'item' ? i.modifiers.includes('windash') : hasWindash(i)));
}

/** The rule with one-variant windash values as one-alternative expansions; the same object when there are none. */
export function windashAsExpansions(rule: SigmaRule): SigmaRule {
  if (![...rule.detection.selections.values()].some(hasWindash)) return rule;
  let changed = false;
  const selections = new Map<string, Detection>();
  for (const [name, detection] of rule.detection.selections) {
    const mapped = windashDetection(detection);
    changed ||= mapped !== detection;
    selections.set(name, mapped);
  }
  return changed ? Object.freeze({ ...rule, detection: Object.freeze({ ...rule.detection, selections }) }) : rule;
}
