import type { Validator } from '../types.js';
import { conditionPath, conditionTexts } from '../walk.js';

const ALL_OF_THEM = /all\s+of\s+them/;

export const allOfThemCondition: Validator = {
  id: 'all_of_them_condition',
  plugin: 'core',
  severity: 'medium',
  description: "Condition uses 'all of them'; naming the selections (e.g. 'all of selection*') is preferred.",
  check(ctx) {
    const i = conditionTexts(ctx.document).findIndex((c) => ALL_OF_THEM.test(c));
    if (i === -1) return [];
    return [
      {
        message:
          "condition uses 'all of them', which silently changes meaning when a selection is added; name the selections (e.g. 'all of selection_*')",
        at: conditionPath(ctx, i),
      },
    ];
  },
};
