/**
 * A selection (Detection) compiled into a test over an indexed event: a map's items are and-ed, a list's
 * are or-ed; an item's values are or-ed, or and-ed with `all`; `neq` negates the item.
 */
import type { Detection, DetectionItem } from '../rule/ast.js';
import { SigmaError, toSigmaError } from '../errors.js';
import type { SigmaString, SigmaValue } from '../rule/ast.js';
import { ValueMemo } from './memo.js';
import { combine } from './condition.js';
import { singleString, stringNumber } from './fields.js';
import {
  compileKeyword,
  compileKeywords,
  compileValue,
  stringAlternatives,
  stringsTest,
  type EventTest,
  type ValueTest,
} from './values.js';

function located(e: unknown, item: DetectionItem): SigmaError {
  const error = toSigmaError(e);
  if (error.location.line !== undefined || item.location === undefined) return error;
  return new SigmaError(error.code, error.message, { ...item.location, ...(error.location.file ? { file: error.location.file } : {}) });
}

/** Or-ed values: all string alternatives merged into one needle set, the other values tested one by one. */
function orTests(values: readonly SigmaValue[], field: string, nullMatchesEmpty: boolean): ValueTest[] {
  const strings: SigmaString[] = [];
  const others: SigmaValue[] = [];
  for (const v of values) {
    const alternatives = stringAlternatives(v);
    if (alternatives === undefined) others.push(v);
    else strings.push(...alternatives);
  }
  return [...(strings.length > 0 ? [stringsTest(strings)] : []), ...others.map((v) => compileValue(v, field, nullMatchesEmpty))];
}

/** Whether a value's test reads only the field's values (not the event: `null`, `exists`, field references do). */
export function ofValuesOnly(value: SigmaValue): boolean {
  if (value.kind === 'expansion') return value.values.every(ofValuesOnly);
  return value.kind !== 'null' && value.kind !== 'exists' && value.kind !== 'fieldref' && value.kind !== 'query';
}

/**
 * A field item whose tests read only its values, remembering its result per value for fields of one string
 * value (nearly all): the same image path or command line met again is a lookup, not another pass of its
 * strings and regular expressions.
 */
function remembering(field: string, test: ValueTest): EventTest {
  let memo: ValueMemo<boolean> | undefined;
  return (ev) => {
    const values = ev.get(field);
    const v = singleString(values);
    if (v === undefined || memo?.passes() === true) return test(values, ev);
    const n = stringNumber(v, v.raw as string);
    // A new text: nothing to find (the memo is made for the first value met again).
    if (n < 0) return test(values, ev);
    memo ??= new ValueMemo();
    const known = memo.found(n);
    if (known !== undefined) return known;
    const result = test(values, ev);
    memo.remember(n, result);
    return result;
  };
}

/** How a selection is compiled: `memo`, its field tests remember their results per value (see remembering); `nullMatchesEmpty`, whether `null` also matches an empty string (MatchOptions). */
export interface DetectionOptions {
  readonly memo?: boolean;
  readonly nullMatchesEmpty?: boolean;
}

export function compileItem(item: DetectionItem, options: DetectionOptions = {}): EventTest {
  const memo = options.memo !== false;
  const nullMatchesEmpty = options.nullMatchesEmpty !== false;
  let test: EventTest;
  try {
    const field = item.field;
    if (field === null)
      test = combine(item.linking === 'or' ? compileKeywords(item.values) : item.values.map(compileKeyword), item.linking);
    else {
      const tests =
        item.linking === 'or'
          ? orTests(item.values, field, nullMatchesEmpty)
          : item.values.map((v) => compileValue(v, field, nullMatchesEmpty));
      const over: ValueTest =
        item.linking === 'and'
          ? (values, ev) => {
              for (const t of tests) if (!t(values, ev)) return false;
              return true;
            }
          : (values, ev) => {
              for (const t of tests) if (t(values, ev)) return true;
              return false;
            };
      test = memo && item.values.every(ofValuesOnly) ? remembering(field, over) : (ev) => over(ev.get(field), ev);
    }
  } catch (e) {
    throw located(e, item);
  }
  if (!item.negated) return test;
  const positive = test;
  return (ev) => !positive(ev);
}

/**
 * The fields a selection's tests read, when each of them reads only its field's values (see ofValuesOnly);
 * undefined when one does not (a keyword reads every value, `null` and `exists` the event's objects).
 */
export function valueFields(detection: Detection, into = new Set<string>()): Set<string> | undefined {
  for (const i of detection.items) {
    if (i.kind === 'detection') {
      if (valueFields(i, into) === undefined) return undefined;
    } else if (i.field === null || !i.values.every(ofValuesOnly)) return undefined;
    else into.add(i.field);
  }
  return into;
}

/** A selection's test; `memo`: its field tests remember their results per value (see remembering). */
export function compileDetection(detection: Detection, options: DetectionOptions = {}): EventTest {
  // A group a pipeline emptied is absent, as in the query (the text compiler leaves it out of its and/or).
  const tests = detection.items.flatMap((i) =>
    i.kind === 'item' ? [compileItem(i, options)] : emptyDetection(i) ? [] : [compileDetection(i, options)],
  );
  return combine(tests, detection.linking);
}

/**
 * Whether a detection holds nothing to search for: every item dropped by a pipeline (`drop_detection_item`, a
 * field the target has no column for), here or in each of its groups. The converters leave such a selection out
 * of the condition (`sel1 or sel2` is `sel2`, `sel and not filter` is `sel`; a condition of nothing else gives no
 * query at all), and so does the evaluator: it is absent, neither true nor false.
 */
export function emptyDetection(detection: Detection): boolean {
  return detection.items.every((i) => i.kind === 'detection' && emptyDetection(i));
}
