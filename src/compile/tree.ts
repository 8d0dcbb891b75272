/**
 * A rule's conditions as boolean trees over field/value matches: the input of every text compiler.
 *
 * The shape follows the reference implementation's so that output text (grouping, IN lists) can match it:
 * a selection with one item is that item; an item with one value is that match; a value that expands
 * (windash, base64offset, placeholders) is an `or` of its alternatives.
 */
import type { ConditionNode, Detection, DetectionItem, SigmaRule, SigmaValue } from '../rule/ast.js';
import { SigmaError } from '../errors.js';

export interface MatchNode {
  readonly kind: 'match';
  /** null for keywords (values searched in the whole event). */
  readonly field: string | null;
  readonly value: SigmaValue;
  /** The detection item the match came from (for modifiers, locations, pipeline marks). */
  readonly item: DetectionItem;
}
export interface AndNode {
  readonly kind: 'and';
  readonly args: readonly QueryNode[];
}
export interface OrNode {
  readonly kind: 'or';
  readonly args: readonly QueryNode[];
  /** Set when the or comes from one item's values (or an expansion): candidates for `IN (…)` lists. */
  readonly fromValues?: boolean;
}
export interface NotNode {
  readonly kind: 'not';
  readonly arg: QueryNode;
}
export type QueryNode = MatchNode | AndNode | OrNode | NotNode;

/** `args` mapped through `f`; the same array when `f` changed none of them (trees are shared, never copied needlessly). */
export function mapArgs(args: readonly QueryNode[], f: (node: QueryNode) => QueryNode): readonly QueryNode[] {
  let out: QueryNode[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as QueryNode;
    const mapped = f(arg);
    if (mapped !== arg) out ??= args.slice(0, i);
    out?.push(mapped);
  }
  return out ?? args;
}

function matchNode(item: DetectionItem, value: SigmaValue): QueryNode {
  if (value.kind === 'expansion') {
    return { kind: 'or', args: value.values.map((v) => matchNode(item, v)), fromValues: true };
  }
  return { kind: 'match', field: item.field, value, item };
}

export function itemToNode(item: DetectionItem): QueryNode {
  const values: readonly SigmaValue[] = item.values.length === 0 ? [{ kind: 'null' }] : item.values;
  const node: QueryNode =
    values.length === 1
      ? matchNode(item, values[0] as SigmaValue)
      : item.linking === 'and'
        ? { kind: 'and', args: values.map((v) => matchNode(item, v)) }
        : { kind: 'or', args: values.map((v) => matchNode(item, v)), fromValues: true };
  return item.negated ? { kind: 'not', arg: node } : node;
}

export function detectionToNode(detection: Detection): QueryNode {
  const items = detection.items;
  if (items.length === 0) return { kind: 'and', args: [] }; // every item dropped by a pipeline
  if (items.length === 1) {
    const only = items[0] as DetectionItem | Detection;
    return only.kind === 'item' ? itemToNode(only) : detectionToNode(only);
  }
  const args = items.map((i) => (i.kind === 'item' ? itemToNode(i) : detectionToNode(i)));
  return detection.linking === 'and' ? { kind: 'and', args } : { kind: 'or', args };
}

/** One condition of a rule → its query tree. */
export function conditionToNode(rule: SigmaRule, condition: ConditionNode): QueryNode {
  const visit = (n: ConditionNode): QueryNode => {
    switch (n.kind) {
      case 'and':
      case 'or':
        return { kind: n.kind, args: n.args.map(visit) };
      case 'not':
        return { kind: 'not', arg: visit(n.arg) };
      case 'ref': {
        const detection = rule.detection.selections.get(n.name);
        if (!detection) throw new SigmaError('condition', `condition refers to unknown selection '${n.name}'`, rule.source);
        return detectionToNode(detection);
      }
      case 'of':
        throw new SigmaError('internal', `unresolved '${n.quantifier} of ${n.pattern}' in condition`, rule.source);
      default: {
        const never: never = n;
        return never;
      }
    }
  };
  return visit(condition);
}

/** The query trees of every condition of a rule. */
export function ruleToNodes(rule: SigmaRule): QueryNode[] {
  return rule.detection.conditions.map((c) => conditionToNode(rule, c.tree));
}
