/**
 * Compiles the condition part of a processing item — `*_conditions` (list or map), `*_cond_op` (and/or),
 * `*_cond_not`, `*_cond_expr` — into one predicate per scope, with pySigma's semantics.
 */
import type { DetectionItem, SigmaRule } from '../../rule/ast.js';
import { evaluateExpression, expressionNames, parseExpression, type Expression } from '../condition-expression.js';
import type { PipelineErrors, Path } from '../errors.js';
import { conditionTypes, getCondition } from '../registry.js';
import type { ConditionMatchers, ConditionScope, FieldNameMatcher, Run } from '../types.js';
import { fieldRefs } from '../walk.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ConditionKeys {
  readonly conditions: unknown;
  readonly op: unknown;
  readonly not: unknown;
  readonly expr: unknown;
}

interface Named<M> {
  readonly name: string;
  readonly matcher: M;
}

function compileOne<S extends ConditionScope>(scope: S, def: unknown, path: Path, errors: PipelineErrors): ConditionMatchers[S] {
  if (!isRecord(def)) throw errors.error(path, `a condition must be a map with a 'type'`, 'value');
  const { type, ...params } = def;
  if (typeof type !== 'string') throw errors.error(path, `a condition needs a 'type' (one of: ${conditionTypes(scope).join(', ')})`);
  const definition = getCondition(scope, type);
  if (!definition) {
    throw errors.error(
      [...path, 'type'],
      `unknown ${scope.replace('_', ' ')} condition type '${type}' (known: ${conditionTypes(scope).join(', ')})`,
      'value',
    );
  }
  const parsed = definition.params.safeParse(params);
  if (!parsed.success) throw errors.fromZod(path, parsed.error, `${scope.replace('_', ' ')} condition '${type}'`);
  return definition.compile(parsed.data, { location: errors.at(path), path: path.join('.') });
}

/** Conditions joined by or (`any`) or and, as Python's any()/all(); one condition is tested directly. */
function linked<M, T>(matchers: readonly M[], any: boolean, evaluate: (m: M, x: T, run: Run) => boolean): (x: T, run: Run) => boolean {
  const [only] = matchers;
  if (matchers.length === 0) return () => !any;
  if (matchers.length === 1) return (x, run) => evaluate(only as M, x, run);
  return any
    ? (x, run) => {
        for (const m of matchers) if (evaluate(m, x, run)) return true;
        return false;
      }
    : (x, run) => {
        for (const m of matchers) if (!evaluate(m, x, run)) return false;
        return true;
      };
}

interface CompiledSet<M> {
  readonly count: number;
  /** The predicate over `T`, given how one condition is evaluated on a `T`. */
  test<T>(evaluate: (m: M, x: T, run: Run) => boolean): (x: T, run: Run) => boolean;
}

/** One scope's conditions, following pySigma (linking, negation, expression). */
function compileSet<S extends ConditionScope>(
  scope: S,
  prefix: string,
  keys: ConditionKeys,
  base: Path,
  errors: PipelineErrors,
): CompiledSet<ConditionMatchers[S]> {
  const condKey = `${prefix}_conditions`;
  const raw = keys.conditions ?? [];
  const named: Named<ConditionMatchers[S]>[] = [];
  if (Array.isArray(raw))
    raw.forEach((d, i) => named.push({ name: String(i + 1), matcher: compileOne(scope, d, [...base, condKey, i], errors) }));
  else if (isRecord(raw))
    for (const [k, d] of Object.entries(raw)) named.push({ name: k, matcher: compileOne(scope, d, [...base, condKey, k], errors) });
  else throw errors.error([...base, condKey], `expected a list (or, with ${prefix}_cond_expr, a map) of conditions`, 'value');

  const op = keys.op;
  if (op !== undefined && op !== 'and' && op !== 'or')
    throw errors.error([...base, `${prefix}_cond_op`], `must be 'and' or 'or', not ${JSON.stringify(op)}`, 'value');
  const not = keys.not ?? false;
  if (typeof not !== 'boolean') throw errors.error([...base, `${prefix}_cond_not`], `must be true or false`, 'value');

  let expression: Expression | undefined;
  if (keys.expr !== undefined) {
    const exprPath = [...base, `${prefix}_cond_expr`];
    if (typeof keys.expr !== 'string') throw errors.error(exprPath, 'must be a string', 'value');
    if (op !== undefined) throw errors.error(exprPath, `${prefix}_cond_expr and ${prefix}_cond_op exclude each other`);
    if (!isRecord(raw))
      throw errors.error([...base, condKey], `with ${prefix}_cond_expr the conditions must be a map from names to conditions`);
    const parsed = parseExpression(keys.expr);
    if (typeof parsed === 'string') throw errors.error(exprPath, `${parsed} in '${keys.expr}'`, 'value');
    const used = expressionNames(parsed);
    const known = new Set(named.map((n) => n.name));
    for (const u of used)
      if (!known.has(u)) throw errors.error(exprPath, `'${u}' is not one of the conditions (${[...known].join(', ')})`, 'value');
    for (const k of known)
      if (!used.has(k)) throw errors.error([...base, condKey, k], `condition '${k}' is not used in ${prefix}_cond_expr`);
    expression = parsed;
  }

  const matchers = named.map((n) => n.matcher);
  const byName = new Map(named.map((n) => [n.name, n.matcher]));
  const any = op === 'or';
  const expr = expression;
  return {
    count: matchers.length,
    test<T>(evaluate: (m: ConditionMatchers[S], x: T, run: Run) => boolean) {
      const combined = expr
        ? (x: T, run: Run): boolean => evaluateExpression(expr, (name) => evaluate(byName.get(name) as ConditionMatchers[S], x, run))
        : linked(matchers, any, evaluate);
      return not ? (x: T, run: Run) => !combined(x, run) : combined;
    },
  };
}

export interface CompiledConditions {
  readonly rule: (rule: SigmaRule, run: Run) => boolean;
  readonly detectionItem: (item: DetectionItem, run: Run) => boolean;
  readonly fieldName: (field: string | null, run: Run) => boolean;
}

/** Field-name condition on a detection item: its own `detectionItem` test, else field or any fieldref. */
function fieldNameOnItem(m: FieldNameMatcher, item: DetectionItem, run: Run): boolean {
  if (m.detectionItem) return m.detectionItem(item, run);
  if (m.field(item.field, run)) return true;
  for (const field of fieldRefs(item.values)) if (m.field(field, run)) return true;
  return false;
}

export function compileConditions(
  item: Readonly<Record<string, unknown>>,
  base: Path,
  errors: PipelineErrors,
  scopes: { readonly detectionItems: boolean },
): CompiledConditions {
  const keysOf = (prefix: string): ConditionKeys => ({
    conditions: item[`${prefix}_conditions`],
    op: item[`${prefix}_cond_op`],
    not: item[`${prefix}_cond_not`],
    expr: item[`${prefix}_cond_expr`],
  });
  const rule = compileSet('rule', 'rule', keysOf('rule'), base, errors);
  // pySigma: no rule conditions always matches, even when negated.
  const ruleTest = rule.count === 0 ? () => true : rule.test((m, r: SigmaRule, run) => m(r, run));
  if (!scopes.detectionItems) return { rule: ruleTest, detectionItem: () => true, fieldName: () => true };

  const items = compileSet('detection_item', 'detection_item', keysOf('detection_item'), base, errors);
  const fields = compileSet('field_name', 'field_name', keysOf('field_name'), base, errors);
  const itemTest = items.test((m, d: DetectionItem, run) => m(d, run));
  const fieldsOnItem = fields.test((m, d: DetectionItem, run) => fieldNameOnItem(m, d, run));
  return {
    rule: ruleTest,
    detectionItem: (d, run) => itemTest(d, run) && fieldsOnItem(d, run),
    fieldName: fields.test((m, f: string | null, run) => m.field(f, run)),
  };
}
