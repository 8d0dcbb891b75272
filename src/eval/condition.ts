/**
 * The condition tree compiled into a test over the selections' results (by position). `1 of`/`all of`
 * resolve their pattern once: `them` is every selection whose name does not start with `_` (the
 * specification's convention); a pattern (`*` wildcards, whole name) also skips `_` names unless it starts
 * with `_` itself.
 */
import type { ConditionNode } from '../rule/ast.js';
import { SigmaError } from '../errors.js';

/** Evaluates the selection at a position (lazily: the condition asks only for what it needs). */
export type SelectionResult = (position: number) => boolean;
export type SelectionsTest = (selection: SelectionResult) => boolean;

function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** The selection names a `1 of` / `all of` pattern stands for, in the rule's order. */
export function resolvePattern(pattern: string, names: readonly string[]): string[] {
  if (pattern === 'them') return names.filter((n) => !n.startsWith('_'));
  const re = patternRegExp(pattern);
  const hidden = !pattern.startsWith('_');
  return names.filter((n) => re.test(n) && !(hidden && n.startsWith('_')));
}

export function compileCondition(node: ConditionNode, names: readonly string[]): SelectionsTest {
  return compileConditionWithout(node, names, () => false) ?? (() => false);
}

/**
 * The and/or of tests (of selections here, of a selection's items in detection.ts), one test being itself. Plain
 * loops instead of every/some with arrow functions: the evaluator's hot path allocates nothing.
 */
export function combine<T>(tests: readonly ((x: T) => boolean)[], linking: 'and' | 'or'): (x: T) => boolean {
  if (tests.length === 1) return tests[0] as (x: T) => boolean;
  if (linking === 'and') {
    return (x) => {
      for (const t of tests) if (!t(x)) return false;
      return true;
    };
  }
  return (x) => {
    for (const t of tests) if (t(x)) return true;
    return false;
  };
}

/** The and/or of tests, without the absent ones (null when none is left). */
function joined(args: readonly (SelectionsTest | null)[], op: 'and' | 'or'): SelectionsTest | null {
  const present = args.filter((a): a is SelectionsTest => a !== null);
  return present.length === 0 ? null : combine(present, op);
}

/**
 * compileCondition where the selections at the positions `absent` says are left out, as the text compiler leaves
 * out a selection a pipeline emptied (detection.ts, emptyDetection): an and/or without them, `not` of one absent
 * is absent too. Null when nothing is left: the condition gives no query, and never holds.
 */
export function compileConditionWithout(
  node: ConditionNode,
  names: readonly string[],
  absent: (position: number) => boolean,
): SelectionsTest | null {
  const position = (name: string): number => {
    const i = names.indexOf(name);
    if (i === -1) throw new SigmaError('condition', `the condition refers to '${name}', which is not a selection of this rule`);
    return i;
  };
  switch (node.kind) {
    case 'ref': {
      const i = position(node.name);
      return absent(i) ? null : (r) => r(i);
    }
    case 'not': {
      const arg = compileConditionWithout(node.arg, names, absent);
      return arg === null ? null : (r) => !arg(r);
    }
    case 'and':
    case 'or':
      return joined(
        node.args.map((a) => compileConditionWithout(a, names, absent)),
        node.kind,
      );
    case 'of': {
      const resolved = resolvePattern(node.pattern, names);
      if (resolved.length === 0)
        throw new SigmaError('condition', `'${node.quantifier === 'one' ? '1' : 'all'} of ${node.pattern}' matches no selection`);
      const positions = resolved.map(position).filter((i) => !absent(i));
      if (positions.length === 0) return null;
      if (node.quantifier === 'all') {
        return (r) => {
          for (const i of positions) if (!r(i)) return false;
          return true;
        };
      }
      return (r) => {
        for (const i of positions) if (r(i)) return true;
        return false;
      };
    }
    default: {
      const never: never = node;
      throw new SigmaError('internal', `unknown condition node ${String((never as { kind: unknown }).kind)}`);
    }
  }
}
