/**
 * Applying processing items to a rule within one run (shared by the pipeline and the `nest` transformation).
 */
import type { SigmaRule } from '../rule/ast.js';
import type { PostprocessingItem, ProcessingItem, Run } from './types.js';

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

/** Applies post-processing items to a query in order, each where its rule conditions hold; records the applied ones. */
export function applyPostprocessing(items: readonly PostprocessingItem[], query: string, rule: SigmaRule, run: Run): string {
  let out = query;
  for (const item of items) {
    if (!item.matchRule(rule, run)) continue;
    out = item.transform(out, rule, run.state, run);
    run.ruleApplied.add(item.id);
  }
  return out;
}

export function newRun(vars: Readonly<Record<string, unknown>>): Run {
  return { state: {}, vars, ruleApplied: new Set(), fieldApplied: new Map() };
}
