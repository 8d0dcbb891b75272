/**
 * A selection (Detection) compiled into a test over an indexed event: a map's items are and-ed, a list's
 * are or-ed; an item's values are or-ed, or and-ed with `all`; `neq` negates the item.
 */
import type { Detection, DetectionItem } from '../rule/ast.js';
import { SigmaError, toSigmaError } from '../errors.js';
import type { SigmaString, SigmaValue } from '../rule/ast.js';
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

// Plain loops instead of every/some with arrow functions: the evaluator's hot path allocates nothing.
function combine(tests: readonly EventTest[], linking: 'and' | 'or'): EventTest {
  if (tests.length === 1) return tests[0] as EventTest;
  if (linking === 'and') {
    return (ev) => {
      for (const t of tests) if (!t(ev)) return false;
      return true;
    };
  }
  return (ev) => {
    for (const t of tests) if (t(ev)) return true;
    return false;
  };
}

/** Or-ed values: all string alternatives merged into one needle set, the other values tested one by one. */
function orTests(values: readonly SigmaValue[], field: string): ValueTest[] {
  const strings: SigmaString[] = [];
  const others: SigmaValue[] = [];
  for (const v of values) {
    const alternatives = stringAlternatives(v);
    if (alternatives === undefined) others.push(v);
    else strings.push(...alternatives);
  }
  return [...(strings.length > 0 ? [stringsTest(strings)] : []), ...others.map((v) => compileValue(v, field))];
}

export function compileItem(item: DetectionItem): EventTest {
  let test: EventTest;
  try {
    const field = item.field;
    if (field === null)
      test = combine(item.linking === 'or' ? compileKeywords(item.values) : item.values.map(compileKeyword), item.linking);
    else {
      const tests = item.linking === 'or' ? orTests(item.values, field) : item.values.map((v) => compileValue(v, field));
      test =
        item.linking === 'and'
          ? (ev) => {
              const values = ev.get(field);
              for (const t of tests) if (!t(values, ev)) return false;
              return true;
            }
          : (ev) => {
              const values = ev.get(field);
              for (const t of tests) if (t(values, ev)) return true;
              return false;
            };
    }
  } catch (e) {
    throw located(e, item);
  }
  if (!item.negated) return test;
  const positive = test;
  return (ev) => !positive(ev);
}

export function compileDetection(detection: Detection): EventTest {
  const tests = detection.items.map((i) => (i.kind === 'item' ? compileItem(i) : compileDetection(i)));
  return combine(tests, detection.linking);
}
