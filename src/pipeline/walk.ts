/**
 * Pure helpers over a rule's detections: walking every detection item, replacing some of them with new
 * items or detections, and recording which processing item touched what. Unchanged subtrees are shared.
 */
import { dropSelections, isInexpressible, settleChildren, type Inexpressible } from './inexpressible.js';
import type { Detection, DetectionItem, Detections, SigmaRule, SigmaValue } from '../rule/ast.js';
import type { ItemContext, ItemReplacement, Run } from './types.js';

const EMPTY: readonly string[] = Object.freeze([]);

const refsOf = new WeakMap<readonly SigmaValue[], readonly string[]>();

/**
 * The fields a list of values refers to (`fieldref` values), remembered per (frozen) list: field-name conditions
 * ask for them on every item, and an item's values are shared by its renamed copies.
 */
export function fieldRefs(values: readonly SigmaValue[]): readonly string[] {
  let refs = refsOf.get(values);
  if (!refs) {
    const found: string[] = [];
    for (const v of values) if (v.kind === 'fieldref') found.push(v.field);
    refsOf.set(values, (refs = found.length ? Object.freeze(found) : EMPTY));
  }
  return refs;
}

/** The item (or every item under a detection) with `id` added to its applied processing items. */
export function markApplied<T extends DetectionItem | Detection>(node: T, id: string): T {
  return mark(node, id) as T;
}

function mark(node: DetectionItem | Detection, id: string): DetectionItem | Detection {
  if (node.kind === 'item') {
    if (node.applied.includes(id)) return node;
    return Object.freeze({ ...node, applied: Object.freeze([...node.applied, id]) });
  }
  return Object.freeze({ ...node, items: Object.freeze(node.items.map((n) => mark(n, id))) });
}

/** A new detection item built by a transformation (no modifiers: its values are final). */
export function newItem(field: string | null, values: readonly SigmaValue[], from?: DetectionItem): DetectionItem {
  return Object.freeze({
    kind: 'item',
    field,
    modifiers: Object.freeze([]),
    values: Object.freeze([...values]),
    linking: 'or',
    negated: false,
    applied: EMPTY,
    originalField: from ? from.originalField : field,
    ...(from?.location ? { location: from.location } : {}),
  });
}

export function withValues(item: DetectionItem, values: readonly SigmaValue[]): DetectionItem {
  return Object.freeze({ ...item, values: Object.freeze([...values]) });
}

export function withField(item: DetectionItem, field: string | null): DetectionItem {
  return Object.freeze({ ...item, field });
}

export function detection(
  items: readonly (DetectionItem | Detection)[],
  linking: 'and' | 'or',
  location?: Detection['location'],
): Detection {
  return Object.freeze({ kind: 'detection', items: Object.freeze([...items]), linking, ...(location ? { location } : {}) });
}

/** Every detection item of the rule, selection by selection, depth first. */
export function* detectionItems(rule: SigmaRule): Generator<DetectionItem> {
  const visit = function* (d: Detection): Generator<DetectionItem> {
    for (const n of d.items) {
      if (n.kind === 'item') yield n;
      else yield* visit(n);
    }
  };
  for (const d of rule.detection.selections.values()) yield* visit(d);
}

export function withSelections(rule: SigmaRule, selections: ReadonlyMap<string, Detection>): SigmaRule {
  const detectionSection: Detections = Object.freeze({ ...rule.detection, selections });
  return Object.freeze({ ...rule, detection: detectionSection });
}

/**
 * Replaces detection items: `replace` is called for every item on which the processing item's
 * detection-item and field-name conditions hold (unless `unconditional`). A returned item or detection
 * replaces the original and is marked as applied by the processing item; 'drop' removes the item; an
 * `inexpressible(…)` value is left out where the query only becomes narrower (inexpressible.ts).
 */
export function replaceItems(
  rule: SigmaRule,
  run: Run,
  item: ItemContext,
  replace: (di: DetectionItem) => ItemReplacement,
  unconditional = false,
): SigmaRule {
  let changed = false;
  const visit = (d: Detection): Detection | Inexpressible => {
    // The new item list is made only from the first change on; an unchanged detection is returned as is.
    let out: (DetectionItem | Detection | Inexpressible)[] | undefined;
    let lost = false;
    const items = d.items;
    for (let i = 0; i < items.length; i++) {
      const n = items[i] as DetectionItem | Detection;
      let next: DetectionItem | Detection | Inexpressible | 'drop' = n;
      if (n.kind === 'detection') next = visit(n);
      else if (unconditional || item.matchDetectionItem(n, run)) {
        const r = replace(n);
        if (r !== undefined) next = r === 'drop' || isInexpressible(r) ? r : markApplied(r, item.id);
      }
      if (next !== n) out ??= items.slice(0, i);
      if (next !== 'drop' && isInexpressible(next)) lost = true;
      if (out && next !== 'drop') out.push(next);
    }
    if (!out) return d;
    changed = true;
    const settled = lost ? settleChildren(d, out, run) : (out as (DetectionItem | Detection)[]);
    if (isInexpressible(settled)) return settled;
    return Object.freeze({ ...d, items: Object.freeze(settled) });
  };
  let selections: Map<string, Detection> | undefined;
  let bad: Map<string, Inexpressible> | undefined;
  for (const [name, d] of rule.detection.selections) {
    const v = visit(d);
    if (isInexpressible(v)) {
      (bad ??= new Map()).set(name, v);
      continue;
    }
    if (v !== d) selections ??= new Map(rule.detection.selections);
    selections?.set(name, v);
  }
  const out = changed && selections ? withSelections(rule, selections) : rule;
  return bad ? dropSelections(out, bad, run) : out;
}
