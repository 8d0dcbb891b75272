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
  const position = (name: string): number => {
    const i = names.indexOf(name);
    if (i === -1) throw new SigmaError('condition', `the condition refers to '${name}', which is not a selection of this rule`);
    return i;
  };
  switch (node.kind) {
    case 'ref': {
      const i = position(node.name);
      return (r) => r(i);
    }
    case 'not': {
      const arg = compileCondition(node.arg, names);
      return (r) => !arg(r);
    }
    case 'and': {
      const args = node.args.map((a) => compileCondition(a, names));
      return (r) => {
        for (const a of args) if (!a(r)) return false;
        return true;
      };
    }
    case 'or': {
      const args = node.args.map((a) => compileCondition(a, names));
      return (r) => {
        for (const a of args) if (a(r)) return true;
        return false;
      };
    }
    case 'of': {
      const resolved = resolvePattern(node.pattern, names);
      if (resolved.length === 0)
        throw new SigmaError('condition', `'${node.quantifier === 'one' ? '1' : 'all'} of ${node.pattern}' matches no selection`);
      const positions = resolved.map(position);
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
