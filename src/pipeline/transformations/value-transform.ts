/**
 * The value machinery shared by value transformations: a function over single values applied to every
 * value of the matching detection items (inside expansions too). Several results for one value join the
 * item's values when they are or-ed, or become an expansion (an OR inside the item) when they are and-ed.
 */
import type { DetectionItem, SigmaExpansion, SigmaValue } from '../../rule/ast.js';
import type { Transform } from '../types.js';
import { replaceItems, withValues } from '../walk.js';

/** A replacement for one value: a value, several values, or undefined (unchanged). */
export type ValueFunction = (field: string | null, value: SigmaValue) => SigmaValue | readonly SigmaValue[] | undefined;

export function expansion(values: readonly SigmaValue[]): SigmaExpansion {
  return Object.freeze({ kind: 'expansion', values: Object.freeze([...values]) });
}

/** The item with `fn` applied to its values, or undefined when no value changed. */
export function transformValues(di: DetectionItem, fn: ValueFunction): DetectionItem | undefined {
  let modified = false;
  const out: SigmaValue[] = [];
  for (const v of di.values) {
    if (v.kind === 'expansion') {
      const inner: SigmaValue[] = [];
      let changed = false;
      for (const x of v.values) {
        const r = fn(di.field, x);
        if (r === undefined) inner.push(x);
        else {
          changed = true;
          if (Array.isArray(r)) inner.push(...(r as readonly SigmaValue[]));
          else inner.push(r as SigmaValue);
        }
      }
      if (changed) modified = true;
      out.push(changed ? expansion(inner) : v);
      continue;
    }
    const r = fn(di.field, v);
    if (r === undefined) {
      out.push(v);
      continue;
    }
    modified = true;
    if (!Array.isArray(r)) out.push(r as SigmaValue);
    else {
      const list = r as readonly SigmaValue[];
      if (list.length === 1 || di.linking === 'or') out.push(...list);
      else if (list.length > 1) out.push(expansion(list));
    }
  }
  return modified ? withValues(di, out) : undefined;
}

/** A transformation applying `fn` to the values of every detection item the item's conditions select. */
export function valueTransform(fn: ValueFunction): Transform {
  return (rule, run, item) => replaceItems(rule, run, item, (di) => transformValues(di, fn));
}
