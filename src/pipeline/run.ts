/**
 * Applying processing items to a rule within one run (shared by the pipeline and the `nest` transformation).
 */
import type { SigmaRule } from '../rule/ast.js';
import type { ProcessingItem, Run } from './types.js';

/** Applies one item if its rule conditions hold; records it as applied. */
export function applyItem(item: ProcessingItem, rule: SigmaRule, run: Run): SigmaRule {
  if (!item.matchRule(rule, run)) return rule;
  const out = item.transform(rule, run, item.context);
  run.ruleApplied.add(item.id);
  return out;
}

export function applyItems(items: readonly ProcessingItem[], rule: SigmaRule, run: Run): SigmaRule {
  let current = rule;
  for (const item of items) current = applyItem(item, current, run);
  return current;
}

export function newRun(vars: Readonly<Record<string, unknown>>): Run {
  return { state: {}, vars, ruleApplied: new Set(), fieldApplied: new Map() };
}
