/**
 * The field-name machinery shared by every mapping transformation: a function from a field name to one
 * or more names is applied to detection items (one-to-many gives an OR of copies), to `fieldref` values
 * and to the rule's `fields` list, with pySigma's condition checks and tracking.
 */
import type { DetectionItem, SigmaRule, SigmaValue } from '../../rule/ast.js';
import { ANY, endsWithAny, sigmaString, startsWithAny } from '../../rule/strings.js';
import type { ItemContext, ItemReplacement, Run, Transform } from '../types.js';
import { detection, fieldRefs, replaceItems, withField, withValues } from '../walk.js';

/** Maps a field name to a new name, several names, or undefined (unchanged). */
export type FieldNameFunction = (field: string | null) => string | readonly string[] | undefined;

/** Records that `id` renamed `source` into `targets` (for field-name processing_item_applied conditions). */
export function trackField(run: Run, source: string, targets: readonly string[], id: string): void {
  if (targets.length === 1 && targets[0] === source) return;
  const applied = run.fieldApplied.get(source) ?? new Set<string>();
  applied.add(id);
  run.fieldApplied.delete(source);
  for (const t of targets) run.fieldApplied.set(t, new Set(applied));
}

export function withFields(rule: SigmaRule, fields: readonly string[]): SigmaRule {
  return Object.freeze({ ...rule, fields: Object.freeze([...fields]) });
}

/** The rule's `fields` list mapped (field-name conditions only, as pySigma). */
export function mapFieldsList(rule: SigmaRule, run: Run, item: ItemContext, map: FieldNameFunction): SigmaRule {
  if (!rule.fields?.length) return rule;
  let changed = false;
  const out: string[] = [];
  for (const f of rule.fields) {
    const m = map(f);
    if (m !== undefined && item.matchFieldName(f, run)) {
      const list = typeof m === 'string' ? [m] : [...m];
      trackField(run, f, list, item.id);
      out.push(...list);
      changed = true;
    } else out.push(f);
  }
  return changed ? withFields(rule, out) : rule;
}

/** Keyword values mapped onto a field keep their substring meaning: `*value*`. */
function keywordToField(values: readonly SigmaValue[]): SigmaValue[] {
  return values.map((v) => {
    if (v.kind !== 'string') return v;
    const head = startsWithAny(v) ? [] : [ANY];
    const tail = endsWithAny(v) ? [] : [ANY];
    return sigmaString([...head, ...v.parts, ...tail], v.cased);
  });
}

/** One detection item renamed by `map`, or undefined if neither its field nor a fieldref was mapped. */
export function renameItem(di: DetectionItem, run: Run, item: ItemContext, map: FieldNameFunction): ItemReplacement {
  let values = di.values;
  let refMatched = false;
  if (fieldRefs(di.values).length > 0) {
    const out: SigmaValue[] = [];
    for (const v of di.values) {
      if (v.kind !== 'fieldref' || !item.matchFieldRef(v.field, run)) {
        out.push(v);
        continue;
      }
      const m = map(v.field);
      const targets = m === undefined ? [v.field] : typeof m === 'string' ? [m] : [...m];
      if (m !== undefined) trackField(run, v.field, targets, item.id);
      for (const t of targets) out.push(Object.freeze({ kind: 'fieldref', field: t }));
      refMatched = true;
    }
    values = out;
  }
  const m = map(di.field);
  if (m !== undefined && item.matchFieldName(di.field, run)) {
    let base = refMatched ? withValues(di, values) : di;
    if (di.field === null) base = withValues(base, keywordToField(base.values));
    if (typeof m === 'string') return withField(base, m);
    if (m.length === 1) return withField(base, m[0] as string);
    return detection(
      m.map((f) => withField(base, f)),
      'or',
      di.location,
    );
  }
  return refMatched ? withValues(di, values) : undefined;
}

/** A transformation renaming fields everywhere: detection items, fieldrefs and the `fields` list. */
export function fieldNameTransform(map: FieldNameFunction): Transform {
  return (rule, run, item) => replaceItems(mapFieldsList(rule, run, item, map), run, item, (di) => renameItem(di, run, item, map));
}
