/** File stems of a pack's rules: the title in snake case, with the rule's UUID added when two rules would collide. */
import type { SigmaRule } from '../rule/ast.js';
import { ruleUuid } from './rule-meta.js';

/** `title` in snake case: letters, digits and `_` (` `, `-`, `.`, `/` become `_`), accents dropped, lower case. */
export function fileStem(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[ \-./]/g, '_')
    .replace(/[^a-z0-9_]/g, '');
}

export function uniqueStems(rules: readonly { readonly rule: SigmaRule }[]): readonly string[] {
  const taken = new Set<string>();
  return rules.map(({ rule }) => {
    let stem = fileStem(rule.title) || ruleUuid(rule);
    if (taken.has(stem)) stem = `${stem}_${ruleUuid(rule)}`;
    taken.add(stem);
    return stem;
  });
}
