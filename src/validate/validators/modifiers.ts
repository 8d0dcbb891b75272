/** pySigma core's invalid_modifier_combinations (modifiers.py): one validator, four kinds of issue. */
import type { Issue, Validator } from '../types.js';
import { detectionItems } from '../walk.js';

export const invalidModifierCombinations: Validator = {
  id: 'invalid_modifier_combinations',
  plugin: 'core',
  severity: 'high',
  description:
    "Modifiers that cannot work together: 'all' without 'contains', 'base64offset' without 'contains', 'windash' with 'all', or a modifier applied twice.",
  check(ctx) {
    const issues: Issue[] = [];
    for (const { item, path } of detectionItems(ctx)) {
      const mods = item.modifiers;
      const key = typeof path[path.length - 1] === 'string' ? `'${String(path[path.length - 1])}'` : 'this item';
      if (item.field !== null && mods.includes('all') && !mods.includes('contains'))
        issues.push({
          message: `${key} uses 'all' without 'contains': one field value cannot equal several different strings; add 'contains' or use 'or'`,
          at: path,
          what: 'key',
        });
      if (mods.includes('base64offset') && !mods.includes('contains'))
        issues.push({
          message: `${key} uses 'base64offset' without 'contains': its encoded variants only match as substrings; add 'contains'`,
          at: path,
          what: 'key',
        });
      if (mods.includes('windash') && mods.includes('all'))
        issues.push({
          message: `${key} combines 'windash' with 'all', which would require every dash variant at once; drop 'all' or split the values`,
          at: path,
          what: 'key',
        });
      const repeated = [...new Set(mods.filter((m, i) => m !== 'base64' && mods.indexOf(m) !== i))];
      if (repeated.length > 0)
        issues.push({
          message: `${key} applies ${repeated.map((m) => `'${m}'`).join(', ')} more than once; apply each modifier once`,
          at: path,
          what: 'key',
          severity: 'medium',
        });
    }
    return issues;
  },
};
