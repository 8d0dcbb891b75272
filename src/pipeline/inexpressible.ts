/**
 * Alternatives the target cannot express (a Sysmon `Hashes|contains: IMPHASH=…` on a table without an imphash
 * column). A transformation returns `inexpressible(…)` for such a detection item; the engine then drops it
 * where that can only make the query narrower — one alternative of an OR (a value list, a list of maps, or a
 * selection that the condition ORs with others) — and records a warning that names it. Under AND or NOT, or
 * when nothing would be left, dropping would change what the rule means, so it stays a located error.
 */
import type { ConditionNode, Detection, SigmaRule } from '../rule/ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';
import { resolveCondition } from '../condition/parse.js';
import type { Run } from './types.js';

export interface Inexpressible {
  readonly kind: 'inexpressible';
  /** What cannot be expressed and why, e.g. `Hashes|contains 'IMPHASH=…': the table has no IMPHASH column`. */
  readonly message: string;
  readonly location?: SourceLocation;
  /** A shorter text for the warning when the alternative is left out (default: `message`). */
  readonly brief?: string;
}

export function inexpressible(message: string, location?: SourceLocation, brief?: string): Inexpressible {
  return Object.freeze({ kind: 'inexpressible', message, ...(location ? { location } : {}), ...(brief !== undefined ? { brief } : {}) });
}

/** A warning of a run: an alternative dropped from the rule (state key `warnings`). */
export interface PipelineWarning {
  readonly message: string;
  readonly location?: SourceLocation;
}

export function addWarning(run: Run, message: string, location?: SourceLocation): void {
  const previous = (run.state['warnings'] ?? []) as readonly PipelineWarning[];
  run.state['warnings'] = Object.freeze([...previous, Object.freeze({ message, ...(location ? { location } : {}) })]);
}

/** The warnings recorded in a pipeline state. */
export function pipelineWarnings(state: Readonly<Record<string, unknown>>): readonly PipelineWarning[] {
  const w = state['warnings'];
  return Array.isArray(w) ? (w as readonly PipelineWarning[]) : [];
}

export function isInexpressible(x: unknown): x is Inexpressible {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'inexpressible';
}

/**
 * The children of detection `d` after some became inexpressible: dropped from an OR that keeps another child
 * (with a warning each); an only child makes `d` itself inexpressible; beside others under AND it is an error.
 */
export function settleChildren(
  d: Detection,
  children: readonly (Detection | Detection['items'][number] | Inexpressible)[],
  run: Run,
): (Detection | Detection['items'][number])[] | Inexpressible {
  const bad = children.filter(isInexpressible);
  const good = children.filter((c): c is Exclude<typeof c, Inexpressible> => !isInexpressible(c));
  if (bad.length === 0) return good;
  const first = bad[0] as Inexpressible;
  if (good.length === 0) return first;
  if (d.linking === 'and') {
    throw new SigmaError(
      'pipeline-failure',
      `${first.message}; it is AND-ed with other conditions of its selection, so it cannot be left out`,
      first.location ?? d.location ?? {},
    );
  }
  for (const b of bad) addWarning(run, `dropped the alternative ${b.brief ?? b.message}`, b.location);
  return good;
}

const FALSE = Symbol('false');

/**
 * The rule's conditions without the selections that became inexpressible: each is dropped from an OR (the
 * rule can only fire less often); under NOT or AND, or when a whole condition would be dropped, an error.
 */
export function dropSelections(rule: SigmaRule, bad: ReadonlyMap<string, Inexpressible>, run: Run): SigmaRule {
  const names = [...rule.detection.selections.keys()];
  const conditions = rule.detection.conditions.map((c) => {
    const fail = (b: Inexpressible, why: string): never => {
      throw new SigmaError('pipeline-failure', `${b.message}; ${why}`, b.location ?? c.location ?? rule.source);
    };
    const prune = (n: ConditionNode, positive: boolean): ConditionNode | typeof FALSE => {
      switch (n.kind) {
        case 'ref': {
          const b = bad.get(n.name);
          if (b === undefined) return n;
          if (!positive) fail(b, `selection '${n.name}' is negated in the condition, so it cannot be left out`);
          return FALSE;
        }
        case 'not': {
          const arg = prune(n.arg, !positive);
          return arg === FALSE ? FALSE : Object.freeze({ kind: 'not', arg });
        }
        case 'and': {
          const args = n.args.map((a) => prune(a, positive));
          if (args.includes(FALSE)) {
            const name = refsOf(n).find((r) => bad.has(r)) as string;
            fail(bad.get(name) as Inexpressible, `selection '${name}' is AND-ed in the condition, so it cannot be left out`);
          }
          return Object.freeze({ kind: 'and', args: Object.freeze(args as ConditionNode[]) });
        }
        case 'or': {
          const args = n.args.map((a) => prune(a, positive)).filter((a): a is ConditionNode => a !== FALSE);
          if (args.length === 0) return FALSE;
          return args.length === 1 ? (args[0] as ConditionNode) : Object.freeze({ kind: 'or', args: Object.freeze(args) });
        }
        case 'of':
          return n;
      }
    };
    const resolved = resolveCondition(c.tree, names, c.text, c.location);
    const tree = prune(resolved, true);
    if (tree === FALSE) {
      const name = refsOf(resolved).find((r) => bad.has(r)) as string;
      return fail(bad.get(name) as Inexpressible, 'nothing else of the condition would be left');
    }
    for (const name of refsOf(resolved).filter((r) => bad.has(r))) {
      const b = bad.get(name) as Inexpressible;
      addWarning(run, `dropped selection '${name}' (${b.brief ?? b.message})`, b.location);
    }
    return Object.freeze({ ...c, tree });
  });
  const selections = new Map([...rule.detection.selections].filter(([name]) => !bad.has(name)));
  return Object.freeze({ ...rule, detection: Object.freeze({ ...rule.detection, selections, conditions: Object.freeze(conditions) }) });
}

function refsOf(n: ConditionNode): string[] {
  switch (n.kind) {
    case 'ref':
      return [n.name];
    case 'not':
      return refsOf(n.arg);
    case 'and':
    case 'or':
      return n.args.flatMap(refsOf);
    case 'of':
      return [];
  }
}
