/**
 * match(rule, event): does a Sigma rule fire on one JSON event, and which selections matched. The rule is
 * compiled once (regexes, lowercased needles, resolved condition) by compileMatcher; events are indexed
 * once (fields.ts) and the index is reused by every rule.
 */
import type { Logsource, SigmaRule } from '../rule/ast.js';
import { SigmaError, toSigmaError } from '../errors.js';
import { indexEventCached, singleString, stringNumber, type IndexedEvent } from './fields.js';
import { assumingSource, compileLogsource, logsourceKey, lowerLogsource } from './logsource.js';
import { compileDetection, emptyDetection, valueFields } from './detection.js';
import { PAIRED, pairNumber, ValueMemo } from './memo.js';
import { compileConditionWithout, type SelectionsTest } from './condition.js';
import type { EventTest } from './values.js';

export interface MatchOptions {
  /** Evaluate the detection even when the event says it is from another log source. */
  readonly ignoreLogsource?: boolean;
  /**
   * What events that do not say their log source are taken to be (`match --logsource`): fills in the product,
   * service and category an event leaves unknown; what an event says itself (its channel, event id,
   * `host.os.type`) is kept. A rule whose logsource contradicts the result does not fire.
   */
  readonly logsource?: Logsource;
  /**
   * Which table rows that do not say theirs come from (`match --table`), where a pipeline's queries read tables
   * (eval/pipeline.ts, tableFilter): a Defender table (rows without a `Type` column are its rows) or an ASIM parser
   * (rows without `EventSchema` are what it returns). Only pipeline evaluation reads it.
   */
  readonly table?: string;
  /**
   * Whether `null` also matches an empty string (default true: null, missing or empty, as KQL's `isempty()`);
   * false where the target's null is only null (EQL's `== null`, ES|QL's `IS NULL`): `match -p ecs_windows`.
   */
  readonly nullMatchesEmpty?: boolean;
  /**
   * Remember what each field test gave for the values seen before (default true, see memo.ts; false only to
   * measure what it brings, or for a reference without it).
   */
  readonly memo?: boolean;
}

export interface MatchResult {
  readonly match: boolean;
  /** Names of the selections that matched, in the rule's order (empty when the logsource excluded the rule). */
  readonly selections: readonly string[];
  /** Set when the event says it comes from a log source the rule is not written for. */
  readonly logsourceMismatch?: boolean;
}

/** A compiled rule. Takes a JSON event or an IndexedEvent (index events once when matching many rules). */
export interface Matcher {
  (event: unknown): MatchResult;
  /** Only whether the rule matches, without allocating: the fast path for many rules × many events. */
  readonly test: (event: unknown) => boolean;
  readonly rule: SigmaRule;
}

const MISMATCH: MatchResult = Object.freeze({ match: false, selections: Object.freeze([]), logsourceMismatch: true });

/**
 * The rule's conditions as one test; the selections a pipeline emptied are left out of them (absentSelections), and
 * a condition left with nothing never holds (the converters give no query for it).
 */
function compileConditions(rule: SigmaRule, names: readonly string[], absent: (position: number) => boolean): SelectionsTest {
  if (rule.detection.conditions.length === 0) throw new SigmaError('condition', `rule '${rule.title}' has no condition`);
  const conditions = rule.detection.conditions.flatMap((c) => {
    try {
      const test = compileConditionWithout(c.tree, names, absent);
      return test === null ? [] : [test];
    } catch (e) {
      const error = toSigmaError(e);
      throw error.location.line === undefined && c.location ? new SigmaError(error.code, error.message, c.location) : error;
    }
  });
  if (conditions.length === 0) return NEVER;
  // A list of conditions is or-ed.
  return conditions.length === 1 ? (conditions[0] as SelectionsTest) : (r) => conditions.some((c) => c(r));
}

const NEVER: SelectionsTest = () => false;

/**
 * The positions of the selections a pipeline emptied (every item dropped: emptyDetection), which conditions leave
 * out as the converters do. Empty for a rule as written.
 */
function absentSelections(rule: SigmaRule): ReadonlySet<number> {
  const out = new Set<number>();
  [...rule.detection.selections.values()].forEach((d, i) => {
    if (emptyDetection(d)) out.add(i);
  });
  return out;
}

/**
 * Whether a rule gives no query: every condition left with nothing once the selections a pipeline emptied are
 * left out (the converters report it as converted to no query; its matcher never fires).
 */
export function convertsToNothing(rule: SigmaRule): boolean {
  const absent = absentSelections(rule);
  if (absent.size === 0) return false;
  const names = [...rule.detection.selections.keys()];
  try {
    return rule.detection.conditions.every((c) => compileConditionWithout(c.tree, names, (i) => absent.has(i)) === null);
  } catch {
    return false; // a bad condition is the matcher's error to report
  }
}

/** Compiles a rule for repeated matching. Throws SigmaError (located in the rule) for what cannot be evaluated. */
export function compileMatcher(rule: SigmaRule, options: MatchOptions = {}): Matcher {
  return compileMatcherShowing(rule, options, rule);
}

/**
 * compileMatcher whose `rule` is `shown` (the engine's slim rules: nothing of the detection kept alive).
 * `rememberResults`: the rule remembers its result per combination of its fields' values (resultMemo). Worth it
 * for the engine's candidates, which most often fire or fail late; a rule tried on every event (a loop over
 * rules) mostly fails on its first test, cheaper than working out the key.
 */
export function compileMatcherShowing(rule: SigmaRule, options: MatchOptions, shown: SigmaRule, rememberResults = false): Matcher {
  const names = [...rule.detection.selections.keys()];
  const absent = absentSelections(rule);
  let selections: readonly EventTest[];
  let condition: SelectionsTest;
  try {
    const memo = options.memo !== false;
    const nullMatchesEmpty = options.nullMatchesEmpty !== false;
    selections = [...rule.detection.selections.values()].map((d) => compileDetection(d, { memo, nullMatchesEmpty }));
    condition = compileConditions(rule, names, (i) => absent.has(i));
  } catch (e) {
    throw toSigmaError(e).inFile(rule.source.file);
  }
  const checkLogsource = options.ignoreLogsource !== true;
  const logsourceTest = compileLogsource(rule.logsource);
  const assume = assumingSource(options.logsource);
  const allowed = (ev: IndexedEvent): boolean => !checkLogsource || logsourceTest(assume === undefined ? ev.source : assume(ev.source));

  // Lazy selection results for `test`: 0 unknown, 1 true, 2 false. Reused across calls (a matcher never
  // re-enters itself), so a test allocates nothing.
  const memo = new Uint8Array(names.length);
  let current: IndexedEvent | undefined;
  const lazySelection = (i: number): boolean => {
    const known = memo[i];
    if (known === 1) return true;
    if (known === 2) return false;
    const result = (selections[i] as EventTest)(current as IndexedEvent);
    memo[i] = result ? 1 : 2;
    return result;
  };
  const evaluate = (ev: IndexedEvent): boolean => {
    memo.fill(0);
    current = ev;
    try {
      return condition(lazySelection);
    } finally {
      current = undefined;
    }
  };
  const results = options.memo === false || !rememberResults ? undefined : resultMemo(rule);
  const test = (event: unknown): boolean => {
    const ev = indexEventCached(event);
    if (!allowed(ev)) return false;
    if (results === undefined || results.memo.passes()) return evaluate(ev);
    const key = results.key(ev);
    const known = results.memo.found(key);
    if (known !== undefined) return known;
    const result = evaluate(ev);
    results.memo.remember(key, result);
    return result;
  };

  const evaluateAll = (ev: IndexedEvent): MatchResult => {
    // A selection left out of the conditions (absent) is never among those that matched.
    const results = selections.map((s, i) => !absent.has(i) && s(ev));
    return Object.freeze({
      match: condition((i) => results[i] === true),
      selections: Object.freeze(names.filter((_, i) => results[i])),
    });
  };
  // The engine asks a rule that fired which selections matched: remembered by the same key as `test`'s results.
  const fullResults = results === undefined ? undefined : new ValueMemo<MatchResult>();
  const full = (event: unknown): MatchResult => {
    const ev = indexEventCached(event);
    if (!allowed(ev)) return MISMATCH;
    if (results === undefined || fullResults === undefined || fullResults.passes()) return evaluateAll(ev);
    const key = results.key(ev);
    const known = fullResults.found(key);
    if (known !== undefined) return known;
    const result = evaluateAll(ev);
    fullResults.remember(key, result);
    return result;
  };
  return Object.freeze(Object.assign(full, { test, rule: shown }));
}

/**
 * What a rule gave, remembered per combination of the values it reads, when it reads nothing but the values of
 * its fields (no keywords, `null`, `exists` or field references): an event whose image, command line and parent
 * were met together before is one lookup instead of the rule's tree of tests. The key is the number of each
 * field's value (memo.ts; 0 for an absent field), one number for one or two fields, the number of their list
 * (pairNumber) for more; no key when a field holds several values or one that is not a string, or a text or a
 * combination met for the first time (nothing to find, not worth remembering before it comes again).
 */
function resultMemo(rule: SigmaRule): { memo: ValueMemo<boolean>; key: (ev: IndexedEvent) => number } | undefined {
  const fields = new Set<string>();
  for (const d of rule.detection.selections.values()) if (valueFields(d, fields) === undefined) return undefined;
  const names = [...fields];
  if (names.length === 0) return undefined;
  // The number of the field's value; -1 for no key (several values, not a string, a new text: see textNumber).
  const numberOf = (ev: IndexedEvent, field: string): number => {
    const values = ev.get(field);
    if (values === undefined) return 0;
    const v = singleString(values);
    return v === undefined ? -1 : Math.max(stringNumber(v, v.raw as string), -1);
  };
  const [first, second] = names as [string, string | undefined];
  let key: (ev: IndexedEvent) => number;
  if (names.length === 1) key = (ev) => numberOf(ev, first);
  else if (second !== undefined && names.length === 2)
    key = (ev) => {
      const a = numberOf(ev, first);
      const b = numberOf(ev, second);
      if (a === -1 || b === -1) return -1;
      // Below PAIRED * PAIRED two numbers combined; past it (67 million numbers given) the number of the pair.
      if (a < PAIRED && b < PAIRED) return a * PAIRED + b;
      const pair = pairNumber(a, b);
      return pair < 0 ? -1 : PAIRED * PAIRED + pair;
    };
  else
    key = (ev) => {
      let n = numberOf(ev, first);
      if (n === -1) return -1;
      for (let k = 1; k < names.length; k++) {
        const next = numberOf(ev, names[k] as string);
        if (next === -1) return -1;
        n = pairNumber(n, next);
        if (n < 0) return -1;
      }
      return n;
    };
  return { memo: new ValueMemo<boolean>(), key };
}

const compiled = new WeakMap<SigmaRule, Map<string, Matcher>>();

/** Matches one rule against one event (the compiled rule is cached per rule object). */
export function match(rule: SigmaRule, event: unknown, options: MatchOptions = {}): MatchResult {
  let entry = compiled.get(rule);
  if (entry === undefined) {
    entry = new Map();
    compiled.set(rule, entry);
  }
  // One matcher per way of checking the logsource (and of remembering): a few per rule at most.
  const key = [
    options.ignoreLogsource === true ? 'loose' : 'strict',
    options.logsource === undefined ? '' : logsourceKey(lowerLogsource(options.logsource)),
    options.memo === false ? 'forget' : 'memo',
    options.nullMatchesEmpty === false ? 'null' : 'empty',
  ].join('\u0001');
  let matcher = entry.get(key);
  if (matcher === undefined) {
    matcher = compileMatcher(rule, options);
    entry.set(key, matcher);
  }
  return matcher(event);
}
