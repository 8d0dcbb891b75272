/**
 * Computed fields (src/pipeline/computed.ts) in KQL: `| extend NAME = <expression>` lines between the table and
 * the `where`, so a condition on a Sysmon field the table splits over several columns reads all of them.
 */
import { computedFields, type ComputedCondition, type ComputedExpression } from '../../src/pipeline/index.js';
import { kqlColumn, kqlString } from './escape.js';

/** A replace_regex rewrite pattern that inserts `text` literally (`\` introduces group references there). */
const rewriteLiteral = (text: string): string => kqlString(text.replace(/\\/g, '\\\\'));

export function kqlExpression(e: ComputedExpression): string {
  if ('column' in e) return kqlColumn(e.column);
  if ('text' in e) return kqlString(e.text);
  if ('concat' in e) return `strcat(${e.concat.map(kqlExpression).join(', ')})`;
  if ('replace' in e) return `replace_regex(${kqlExpression(e.replace)}, ${kqlString(`(?i)${e.regex}`)}, ${rewriteLiteral(e.with)})`;
  if ('hex' in e) {
    const value = `tolong(${kqlExpression(e.hex)})`;
    const shifted = e.shift === undefined ? value : `binary_and(binary_shift_right(${value}, ${e.shift}), 4294967295)`;
    return `tohex(${shifted}, ${e.digits})`;
  }
  return `iff(${kqlCondition(e.if)}, ${kqlExpression(e.then)}, ${kqlExpression(e.else)})`;
}

export function kqlCondition(c: ComputedCondition): string {
  if ('not' in c) return `not(${kqlCondition(c.not)})`;
  if ('empty' in c) return `isempty(${kqlExpression(c.empty)})`;
  if ('in' in c) return `${kqlColumn(c.column)} in~ (${c.in.map(kqlString).join(', ')})`;
  return `${kqlColumn(c.column)} startswith ${kqlString(c.startswith)}`;
}

/** The `| extend …` lines for the computed fields of a processed rule's state ("" when none). */
export function extendLines(state: Readonly<Record<string, unknown>>): string {
  return computedFields(state)
    .map((f) => `| extend ${kqlColumn(f.name)} = ${kqlExpression(f.expression)}\n`)
    .join('');
}
