/**
 * Computed fields: a field of the rule's log source that the target stores as several columns (Sysmon's
 * `TargetObject` is a registry key *and* a value name; XDR keeps `DOMAIN\user` as two columns), declared once
 * in a pipeline as a small expression over the target's columns. A backend renders the expression in its
 * language (KQL: `| extend SysmonTargetObject = strcat(…)`) and the evaluator computes it with `computeField`,
 * so a rule evaluated with the pipeline applied has the query's semantics.
 *
 * The expression is data (a pipeline YAML/JSON value):
 *   {column: NAME}                          the column's text ("" when absent or null)
 *   {text: "…"}                             a literal
 *   {concat: [E, …]}                        the texts joined
 *   {replace: E, regex: "…", with: "…"}     the first match of a case-insensitive regex replaced (no groups)
 *   {hex: E, digits: N, shift?: S}          an unsigned integer text → lowercase hex of (value >> S) & 0xffffffff
 *                                           (when S is set), padded to N digits; "" when E is not an integer
 *   {if: C, then: E, else: E}
 * and a condition C:
 *   {column: NAME, in: ["…", …]}            equal to one of the texts, ignoring case
 *   {column: NAME, startswith: "…"}         ignoring case
 *   {empty: E}                              the text is ""
 *   {not: C}
 */
import { z } from 'zod';
import type { SigmaRule } from '../rule/ast.js';
import { detectionItems } from './walk.js';
import type { Run, TransformationDefinition } from './types.js';

export type ComputedExpression =
  | { readonly column: string }
  | { readonly text: string }
  | { readonly concat: readonly ComputedExpression[] }
  | { readonly replace: ComputedExpression; readonly regex: string; readonly with: string }
  | { readonly hex: ComputedExpression; readonly digits: number; readonly shift?: number }
  | { readonly if: ComputedCondition; readonly then: ComputedExpression; readonly else: ComputedExpression };

export type ComputedCondition =
  | { readonly column: string; readonly in: readonly string[] }
  | { readonly column: string; readonly startswith: string }
  | { readonly empty: ComputedExpression }
  | { readonly not: ComputedCondition };

/** A computed field the processed rule refers to: its name and expression (state key `computed_fields`). */
export interface ComputedField {
  readonly name: string;
  readonly expression: ComputedExpression;
}

const expression: z.ZodType<ComputedExpression> = z.lazy(() =>
  z.union([
    z.strictObject({ column: z.string().min(1) }),
    z.strictObject({ text: z.string() }),
    z.strictObject({ concat: z.array(expression).min(1) }),
    z.strictObject({ replace: expression, regex: z.string().min(1), with: z.string() }),
    z.strictObject({ hex: expression, digits: z.number().int().min(1).max(16), shift: z.number().int().min(0).max(63).optional() }),
    z.strictObject({ if: condition, then: expression, else: expression }),
  ]),
);

const condition: z.ZodType<ComputedCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ column: z.string().min(1), in: z.array(z.string()).min(1) }),
    z.strictObject({ column: z.string().min(1), startswith: z.string() }),
    z.strictObject({ empty: expression }),
    z.strictObject({ not: condition }),
  ]),
);

/** The columns an expression reads. */
export function computedColumns(e: ComputedExpression | ComputedCondition): string[] {
  const out = new Set<string>();
  const visit = (x: ComputedExpression | ComputedCondition): void => {
    if ('column' in x) out.add(x.column);
    if ('concat' in x) x.concat.forEach(visit);
    if ('replace' in x) visit(x.replace);
    if ('hex' in x) visit(x.hex);
    if ('if' in x) [x.if, x.then, x.else].forEach(visit);
    if ('empty' in x) visit(x.empty);
    if ('not' in x) visit(x.not);
  };
  visit(e);
  return [...out].sort();
}

const regexCache = new Map<string, RegExp>();
function regexOf(source: string): RegExp {
  let re = regexCache.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'i');
    regexCache.set(source, re);
  }
  return re;
}

const MASK32 = 0xffffffffn;

function hexText(text: string, digits: number, shift: number | undefined): string {
  if (!/^\s*-?\d+\s*$/.test(text)) return '';
  let n = BigInt(text.trim());
  if (n < 0n) n = BigInt.asUintN(64, n);
  if (shift !== undefined) n = (n >> BigInt(shift)) & MASK32;
  return n.toString(16).padStart(digits, '0');
}

/** The value of an expression for one event; `column` gives a column's text (undefined when absent). */
export function computeField(e: ComputedExpression, column: (name: string) => string | undefined): string {
  if ('column' in e) return column(e.column) ?? '';
  if ('text' in e) return e.text;
  if ('concat' in e) return e.concat.map((x) => computeField(x, column)).join('');
  if ('replace' in e) return computeField(e.replace, column).replace(regexOf(e.regex), () => e.with);
  if ('hex' in e) return hexText(computeField(e.hex, column), e.digits, e.shift);
  return computeCondition(e.if, column) ? computeField(e.then, column) : computeField(e.else, column);
}

export function computeCondition(c: ComputedCondition, column: (name: string) => string | undefined): boolean {
  if ('not' in c) return !computeCondition(c.not, column);
  if ('empty' in c) return computeField(c.empty, column) === '';
  const text = (column(c.column) ?? '').toLowerCase();
  if ('in' in c) return c.in.some((v) => v.toLowerCase() === text);
  return text.startsWith(c.startswith.toLowerCase());
}

/** The computed fields recorded in a pipeline state, in declaration order. */
export function computedFields(state: Readonly<Record<string, unknown>>): readonly ComputedField[] {
  const declared = state['computed_fields'];
  if (declared === null || typeof declared !== 'object') return [];
  return Object.entries(declared as Record<string, ComputedExpression>).map(([name, expression]) => ({ name, expression }));
}

function usesField(rule: SigmaRule, name: string): boolean {
  for (const di of detectionItems(rule)) {
    if (di.field === name) return true;
    if (di.values.some((v) => v.kind === 'fieldref' && v.field === name)) return true;
  }
  return rule.fields?.includes(name) ?? false;
}

function record(run: Run, name: string, e: ComputedExpression): void {
  const previous = (run.state['computed_fields'] ?? {}) as Record<string, ComputedExpression>;
  run.state['computed_fields'] = Object.freeze({ ...previous, [name]: e });
}

/**
 * `computed_field`: declares field `field` as `expression` over the target's columns. When the processed rule
 * refers to `field` (a mapping renamed a log-source field to it), the declaration goes into the state's
 * `computed_fields`, which backends render (KQL `extend`) and the evaluator computes. The rule is unchanged.
 */
export const computedField: TransformationDefinition<{ field: string; expression: ComputedExpression }> = {
  params: z.strictObject({ field: z.string().min(1), expression }),
  compile:
    ({ field, expression: e }) =>
    (rule, run) => {
      if (usesField(rule, field)) record(run, field, e);
      return rule;
    },
};
