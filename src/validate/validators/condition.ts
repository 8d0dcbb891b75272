/** pySigma core's condition validators (condition.py). */
import type { ConditionNode } from '../../rule/ast.js';
import type { Validator } from '../types.js';
import { conditionPath, conditionTexts, selectionNames } from '../walk.js';

function refs(node: ConditionNode, into: Set<string>): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const a of node.args) refs(a, into);
      break;
    case 'not':
      refs(node.arg, into);
      break;
    case 'ref':
      into.add(node.name);
      break;
    case 'of':
      break; // resolved by the loader into refs
  }
  return into;
}

export const danglingDetection: Validator = {
  id: 'dangling_detection',
  plugin: 'core',
  severity: 'high',
  description: 'A detection is defined but never referenced by the condition.',
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind !== 'rule') return [];
    const used = new Set<string>();
    for (const c of doc.detection.conditions) refs(c.tree, used);
    return [...doc.detection.selections.keys()]
      .filter((name) => !used.has(name))
      .map((name) => ({
        message: `selection '${name}' is never used by the condition; use it or remove it`,
        at: ['detection', name],
        what: 'key' as const,
      }));
  },
};

/**
 * pySigma's dangling_condition: the condition names a selection or pattern that matches none. sigmaform's loader
 * already refuses such a rule with a located `condition` error, so on a loaded rule this finds nothing; it is kept
 * so that the validator set and its configuration match pySigma's.
 */
export const danglingCondition: Validator = {
  id: 'dangling_condition',
  plugin: 'core',
  severity: 'high',
  description:
    'The condition refers to a detection name or pattern that matches no defined detection (sigmaform reports this as a load error).',
  check() {
    return [];
  },
};

export const themConditionWithSingleDetection: Validator = {
  id: 'them_condition_with_single_detection',
  plugin: 'core',
  severity: 'low',
  description: "The condition mentions 'them' while the rule has a single detection.",
  check(ctx) {
    if (ctx.document.kind !== 'rule') return [];
    const i = conditionTexts(ctx.document).findIndex((c) => c.includes('them'));
    if (i === -1 || selectionNames(ctx.document).length !== 1) return [];
    return [
      { message: "condition uses 'them' but the rule has a single selection; name the selection instead", at: conditionPath(ctx, i) },
    ];
  },
};
