/**
 * Built-in detection-item conditions (pySigma names): match_string, match_value, contains_wildcard, is_null,
 * processing_item_applied, processing_state. Value conditions take `cond: any|all` over the item's values
 * (Python's any/all: no values → any is false, all is true).
 */
import { z } from 'zod';
import { SigmaError } from '../../errors.js';
import type { SigmaValue } from '../../rule/ast.js';
import { hasWildcards } from '../../rule/strings.js';
import { pythonRegex } from '../pyregex.js';
import type { ConditionDefinition, DetectionItemMatcher } from '../types.js';
import { pyPlain, sameValue, sigmaValueOf } from '../values.js';
import { processingStateSchema, stateMatches, type StateParams } from './rule.js';

type ItemDef<P> = ConditionDefinition<'detection_item', P>;
const cond = z.enum(['any', 'all']);

function overValues(mode: 'any' | 'all', test: (v: SigmaValue) => boolean): DetectionItemMatcher {
  return mode === 'any' ? (item) => item.values.some(test) : (item) => item.values.every(test);
}

export const matchString: ItemDef<{ cond: 'any' | 'all'; pattern: string; negate: boolean }> = {
  params: z.strictObject({ cond, pattern: z.string(), negate: z.boolean().default(false) }),
  compile: ({ cond: mode, pattern, negate }, { location, path }) => {
    let re: RegExp;
    try {
      re = pythonRegex(pattern);
    } catch (e) {
      throw new SigmaError('pipeline', `${path}: ${(e as Error).message}`, location);
    }
    // Python's re.match: anchored at the start only.
    const anchored = new RegExp(`^(?:${re.source})`, re.flags);
    return overValues(mode, (v) => {
      const result = v.kind === 'string' && anchored.test(pyPlain(v));
      return negate ? !result : result;
    });
  },
};

/** Equality of a rule value with a plain YAML scalar, as pySigma's `value == self.value`. */
function equalsScalar(v: SigmaValue, wanted: string | number | boolean): boolean {
  switch (typeof wanted) {
    case 'boolean':
      return v.kind === 'boolean' && v.value === wanted;
    case 'number':
      return v.kind === 'number' && v.value === wanted;
    case 'string':
      return v.kind === 'string' && sameValue(v, sigmaValueOf(wanted));
  }
}

export const matchValue: ItemDef<{ cond: 'any' | 'all'; value: string | number | boolean }> = {
  params: z.strictObject({ cond, value: z.union([z.string(), z.number(), z.boolean()]) }),
  compile: ({ cond: mode, value }) => overValues(mode, (v) => equalsScalar(v, value)),
};

export const containsWildcard: ItemDef<{ cond: 'any' | 'all' }> = {
  params: z.strictObject({ cond }),
  compile: ({ cond: mode }) => overValues(mode, (v) => v.kind === 'string' && hasWildcards(v)),
};

export const isNull: ItemDef<{ cond: 'any' | 'all' }> = {
  params: z.strictObject({ cond }),
  compile: ({ cond: mode }) => overValues(mode, (v) => v.kind === 'null'),
};

export const itemProcessingItemApplied: ItemDef<{ processing_item_id: string }> = {
  params: z.strictObject({ processing_item_id: z.string() }),
  compile:
    ({ processing_item_id: id }) =>
    (item) =>
      item.applied.includes(id),
};

export const itemProcessingState: ItemDef<StateParams> = {
  params: processingStateSchema,
  compile: (p) => (_item, run) => stateMatches(p, run.state),
};

export const DETECTION_ITEM_CONDITIONS: Readonly<Record<string, ItemDef<never>>> = {
  match_string: matchString,
  match_value: matchValue,
  contains_wildcard: containsWildcard,
  is_null: isNull,
  processing_item_applied: itemProcessingItemApplied,
  processing_state: itemProcessingState,
} as unknown as Readonly<Record<string, ItemDef<never>>>;
