/** SigmaHQ plugin: condition style and correlation checks. */
import type { Validator } from '../types.js';
import { conditionPath, conditionTexts, selectionNames } from '../walk.js';

export const ofthemCondition: Validator = {
  id: 'sigmahq_ofthem_condition',
  plugin: 'sigmahq',
  severity: 'low',
  description: "'N of them' is used while the rule has a single detection.",
  check(ctx) {
    if (ctx.document.kind !== 'rule') return [];
    const i = conditionTexts(ctx.document).findIndex((c) => /\s+of\s+them/.test(c));
    if (i === -1 || selectionNames(ctx.document).length !== 1) return [];
    return [{ message: "condition uses 'of them' with a single selection; name the selection instead", at: conditionPath(ctx, i) }];
  },
};

/** Python's re.match(pattern, name): the pattern (a glob to the author, a regex to the plugin) anchored at the start. */
function pyMatch(pattern: string, name: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})`).test(name);
  } catch {
    return false;
  }
}

export const ofselectionCondition: Validator = {
  id: 'sigmahq_ofselection_condition',
  plugin: 'sigmahq',
  severity: 'low',
  description:
    "An 'N of X_*' pattern (other than selection_*/filter_* ones) matches fewer than two detection names (the pattern is applied as a regular expression, as the plugin does).",
  check(ctx) {
    if (ctx.document.kind !== 'rule') return [];
    const names = selectionNames(ctx.document);
    const texts = conditionTexts(ctx.document);
    for (let i = 0; i < texts.length; i++) {
      for (const m of (texts[i] ?? '').matchAll(/(?:\d+|all)\s+of\s+(\S+)/g)) {
        const name = m[1] ?? '';
        if ((name.startsWith('filter_') || name.startsWith('selection_')) && name.endsWith('_*')) continue;
        if (!name.endsWith('_*')) continue;
        if (names.filter((s) => pyMatch(name, s)).length < 2)
          return [{ message: `'of ${name}' matches fewer than two selections; name the selection directly`, at: conditionPath(ctx, i) }];
      }
    }
    return [];
  },
};

export const missingAsteriskCondition: Validator = {
  id: 'sigmahq_missing_asterisk_condition',
  plugin: 'sigmahq',
  severity: 'medium',
  description: "An 'N of X' / 'all of X' condition names X without a trailing '*' (other than 'them').",
  check(ctx) {
    const texts = conditionTexts(ctx.document);
    for (let i = 0; i < texts.length; i++) {
      for (const m of (texts[i] ?? '').matchAll(/\s+of\s+([^\s)]+)/g)) {
        const name = m[1] ?? '';
        if (name !== 'them' && !name.endsWith('*'))
          return [
            {
              message: `'of ${name}' names a single selection; write 'of ${name}*' or refer to '${name}' directly`,
              at: conditionPath(ctx, i),
            },
          ];
      }
    }
    return [];
  },
};

export const correlationRulesMinimum: Validator = {
  id: 'sigmahq_correlation_rules_minimum',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'A temporal or temporal_ordered correlation references fewer than two rules.',
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind !== 'correlation' || (doc.type !== 'temporal' && doc.type !== 'temporal_ordered') || doc.rules.length >= 2) return [];
    return [{ message: `a ${doc.type} correlation needs at least two rules; it has ${doc.rules.length}`, at: ['correlation', 'rules'] }];
  },
};

export const correlationGroupByExistence: Validator = {
  id: 'sigmahq_correlation_group_by_existence',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'An event_count, value_count, temporal or temporal_ordered correlation has no group-by.',
  check(ctx) {
    const doc = ctx.document;
    if (
      doc.kind !== 'correlation' ||
      !['event_count', 'value_count', 'temporal', 'temporal_ordered'].includes(doc.type) ||
      doc.groupBy.length > 0
    )
      return [];
    return [
      {
        message: `a ${doc.type} correlation without 'group-by' counts all events together; add 'group-by' (e.g. the host or user field)`,
        at: ['correlation'],
        what: 'key',
      },
    ];
  },
};
