/**
 * The rule-set engine: many rules compiled once into an index, so an event meets only the rules that can fire
 * on it. Three steps per event, each cheaper than the next:
 *
 * 1. routing: what the event says it is (product, service, category from its channel and event id, see
 *    logsource.ts) selects the rules whose logsource agrees, once per distinct source;
 * 2. prefilter: each rule's literal requirements (requirements.ts) are looked up with one Aho–Corasick pass
 *    per field over the event's lowercased values (and a hash lookup for numbers such as EventID), so a rule
 *    none of whose needed literals occur is rejected without running its matchers;
 * 3. the rule's own compiled matcher (match.ts), which decides: results are those of `match()`, event for event.
 *
 * Each event is indexed (flattened, lowercased) once, whatever the number of rules.
 */
import type { Logsource, SigmaRule } from '../rule/ast.js';
import { toSigmaError, type SigmaError } from '../errors.js';
import { indexEventCached, presentNames, singleString, stringNumber, textsOutside, type EventValue, type IndexedEvent } from './fields.js';
import { compileMatcherShowing, type MatchOptions, type MatchResult, type Matcher } from './match.js';
import { assumingSource, logsourceKey, loweredAllows, lowerLogsource, type EventSource } from './logsource.js';
import { chooseAnchors, compileMultiMatcher, type Anchors, type MultiMatcher } from './multimatch.js';
import { atomKey, atomWeight, ruleRequirements, type Atom, type Clause } from './requirements.js';
import { numericValue } from './values.js';
import { PAIRED, ValueMemo } from './memo.js';

export interface EngineOptions extends MatchOptions {
  /** Route events by logsource before anything else (default true; false only to measure what it brings). */
  readonly routing?: boolean;
  /** Reject rules by their required literals (default true; false only to measure what it brings). */
  readonly prefilter?: boolean;
  /**
   * Keep only what evaluating needs (default false): `rules` and each matcher's `rule` then hold the rule without
   * its detection and descriptive text (title, id, name, level, status, tags, logsource and source stay), so a
   * long run does not hold every rule's tree (a third of the memory of the SigmaHQ corpus compiled).
   */
  readonly slim?: boolean;
}

/** A rule reduced to what names and routes it (see EngineOptions.slim). */
function slimRule(rule: SigmaRule): SigmaRule {
  const { kind, title, id, name, status, level, tags, logsource, source } = rule;
  return Object.freeze({
    kind,
    title,
    ...(id !== undefined ? { id } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(level !== undefined ? { level } : {}),
    ...(tags !== undefined ? { tags } : {}),
    logsource,
    source,
    custom: {},
    detection: { selections: new Map(), conditions: [] },
  });
}

export interface EngineHit {
  /** Position of the rule in the list given to compileEngine. */
  readonly rule: number;
  readonly result: MatchResult;
}

export interface EngineStats {
  readonly rules: number;
  /** Rules with literal requirements (the others are evaluated on every event their logsource allows). */
  readonly prefiltered: number;
  readonly atoms: number;
  readonly fields: number;
}

export interface Engine {
  readonly rules: readonly SigmaRule[];
  /** Rules that could not be compiled (by position); they never fire. */
  readonly errors: ReadonlyMap<number, SigmaError>;
  /** Positions of the rules that fire on the event, ascending. */
  readonly matches: (event: unknown) => number[];
  /** The rules that fire with their results (selections that matched), ascending by position. */
  readonly results: (event: unknown) => EngineHit[];
  /** The compiled matcher of a rule (undefined for a rule in `errors`). */
  readonly matcher: (rule: number) => Matcher | undefined;
  readonly stats: EngineStats;
}

interface FieldIndex {
  texts?: MultiMatcher;
  /** What `texts` found in the values seen before (see memo.ts). */
  memo?: ValueMemo<readonly number[]>;
  /** Whether a text needle could occur in a number's or a boolean's text (`4688`, `true`); if not, those are not scanned. */
  scanScalars?: boolean;
  numbers?: Map<number, number[]>;
  spelled?: Map<string, number[]>;
}

interface Route {
  /** 1 where the rule's logsource agrees with the source. */
  readonly allowed: Uint8Array;
  /** Allowed rules without requirements: candidates on every event of this source. */
  readonly always: Int32Array;
  /** The fields worth scanning (those the allowed rules need literals in) and their indexes, side by side. */
  readonly fieldNames: readonly string[];
  readonly fieldIndexes: readonly FieldIndex[];
  /** The keyword needles of the allowed rules (a literal anywhere in the event). */
  readonly keywords?: FieldIndex;
}

const KEYWORDS = '\u0001keywords';
const NOTHING: readonly number[] = Object.freeze([]);
const NONE = new Int32Array(0);

function push<K, V>(map: Map<K, V[]>, key: K, id: V): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Two ascending lists of ids as one. */
function mergeAscending(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push((a[i] as number) <= (b[j] as number) ? (a[i++] as number) : (b[j++] as number));
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** Whether an atom holds on the event, as the scan would find it (a lowercased value holds the text, a value is the number). */
function atomHolds(atom: Atom, ev: IndexedEvent): boolean {
  if (atom.kind === 'text') {
    const values = atom.field === null ? ev.texts : ev.get(atom.field);
    if (values !== undefined)
      for (const v of values) {
        const lower = v.lower;
        if (lower !== null && lower.includes(atom.text)) return true;
      }
    return false;
  }
  const values = ev.get(atom.field);
  if (values !== undefined)
    for (const v of values) {
      if (v.lower === null) continue;
      if (numericValue(v) === atom.value || v.lower === atom.spelled) return true;
    }
  return false;
}

/** Compiles rules into an engine. A rule that cannot be compiled is reported in `errors` and never fires. */
export function compileEngine(given: readonly SigmaRule[], options: EngineOptions = {}): Engine {
  const rules = options.slim === true ? given.map(slimRule) : given;
  const routing = options.routing !== false && options.ignoreLogsource !== true;
  const prefilter = options.prefilter !== false;
  const memo = options.memo !== false;
  // What events that do not say their log source are taken to be (MatchOptions.logsource): routed as that.
  const assume = assumingSource(options.logsource);
  const matchers: (Matcher | undefined)[] = [];
  const errors = new Map<number, SigmaError>();
  given.forEach((rule, i) => {
    try {
      matchers.push(compileMatcherShowing(rule, options, rules[i] as SigmaRule, prefilter));
    } catch (e) {
      matchers.push(undefined);
      errors.set(i, toSigmaError(e).inFile(rule.source.file));
    }
  });

  // Atoms (deduplicated) → rules. A rule's trigger clause (its most selective) makes it a candidate when one of
  // its atoms is found by the per-field scan; its other clauses are then checked on the event directly. Only
  // trigger atoms are scanned for: the other clauses hold common literals (`\\cmd.exe`, ` /c `) that occur in
  // most events and would make the scan report on nearly every character.
  // Each literal's key computed once (it is looked up while counting, weighing and numbering).
  const keyOf = new Map<Atom, string>();
  const keyed = (a: Atom): string => {
    let key = keyOf.get(a);
    if (key === undefined) {
      key = atomKey(a);
      keyOf.set(a, key);
    }
    return key;
  };
  const atomIds = new Map<string, number>();
  const atoms: Atom[] = [];
  const atomTriggers: number[][] = [];
  const ruleChecks: Int32Array[][] = rules.map(() => []);
  const unconditional: number[] = [];
  /** Each rule's trigger atoms (its routes' matchers look for them). */
  const ruleTriggers: (Int32Array | undefined)[] = [];
  const atomId = (atom: Atom): number => {
    const key = keyed(atom);
    let id = atomIds.get(key);
    if (id === undefined) {
      id = atoms.length;
      atomIds.set(key, id);
      atoms.push(atom);
      atomTriggers.push([]);
    }
    return id;
  };
  const requirements: (readonly Clause[])[] = given.map((rule, r) =>
    matchers[r] === undefined || !prefilter ? [] : ruleRequirements(rule),
  );
  // How many rules need each literal: one that many rules need (`\\cmd.exe`, `powershell`) is common in logs too,
  // so a rule is triggered by its clause of rarest literals, counted so, rather than by the longest ones alone.
  const needers = new Map<string, number>();
  for (const clauses of requirements) {
    const keys = new Set(clauses.flatMap((c) => c.map(keyed)));
    for (const key of keys) needers.set(key, (needers.get(key) ?? 0) + 1);
  }
  const triggerWeight = (c: Clause): number => {
    let w = 0;
    for (const a of c) w += atomWeight(a) * (needers.get(keyed(a)) ?? 1);
    return w;
  };
  rules.forEach((_, r) => {
    if (matchers[r] === undefined) return;
    const clauses = requirements[r] as readonly Clause[];
    if (clauses.length === 0) {
      unconditional.push(r);
      return;
    }
    const weights = clauses.map(triggerWeight);
    const trigger = clauses[weights.indexOf(Math.min(...weights))] as Clause;
    for (const clause of clauses) {
      const ids = clause.map(atomId);
      if (clause !== trigger) (ruleChecks[r] as Int32Array[]).push(Int32Array.from(ids));
      else {
        ruleTriggers[r] = Int32Array.from(ids);
        for (const id of ids) {
          const list = atomTriggers[id] as number[];
          if (list[list.length - 1] !== r) list.push(r);
        }
      }
    }
  });
  // Compile-time tables: the engine's closures share this scope, so they would otherwise live as long as it.
  keyOf.clear();
  atomIds.clear();
  needers.clear();
  requirements.length = 0;

  /**
   * Per field: one multi-pattern matcher over the text needles of the trigger atoms `wanted` accepts, hash maps
   * for their numbers; keywords (a literal anywhere in the event) under KEYWORDS.
   */
  // Each field's trigger atoms, ascending (worked out with the first route).
  let triggersByField: Map<string, number[]> | undefined;
  const fieldTriggers = (): Map<string, number[]> => {
    if (triggersByField === undefined) {
      triggersByField = new Map();
      for (let id = 0; id < atoms.length; id++) if (isTrigger(id)) push(triggersByField, (atoms[id] as Atom).field ?? KEYWORDS, id);
    }
    return triggersByField;
  };
  const buildFields = (wanted: Uint8Array | undefined): Map<string, FieldIndex> => {
    // The wanted atoms of each field, ascending (all of them without routing).
    const fieldAtoms = new Map<string, number[]>();
    for (const [name, ids] of fieldTriggers()) {
      const kept = wanted === undefined ? ids : ids.filter((id) => wanted[id] === 1);
      if (kept.length > 0) fieldAtoms.set(name, kept);
    }
    // Every scanned field's matcher looks for the keywords too, so the keyword pass only reads the values no
    // scanned field holds (a keyword is found in any value, these included).
    const keywords = fieldAtoms.get(KEYWORDS) ?? [];
    const out = new Map<string, FieldIndex>();
    for (const [name, ids] of fieldAtoms)
      out.set(name, fieldIndex(name, name === KEYWORDS || keywords.length === 0 ? ids : mergeAscending(ids, keywords)));
    return out;
  };
  // A field's index for a set of its atoms, shared by every route that wants the same set (log sources of one
  // kind allow the same rules: their matchers are built once).
  const fieldIndexes = new Map<string, { readonly ids: readonly number[]; readonly index: FieldIndex }[]>();
  const fieldIndex = (name: string, ids: readonly number[]): FieldIndex => {
    let hash = 0;
    for (const id of ids) hash = (Math.imul(hash, 31) + id) | 0;
    const key = `${name}\u0000${ids.length}\u0000${hash}`;
    const known = fieldIndexes.get(key)?.find((k) => k.ids.length === ids.length && k.ids.every((id, i) => id === ids[i]));
    if (known !== undefined) return known.index;
    const index: FieldIndex = {};
    const needles: { text: string; id: number }[] = [];
    for (const id of ids) {
      const a = atoms[id] as Atom;
      if (a.kind === 'text') needles.push({ text: a.text, id });
      else {
        push((index.numbers ??= new Map()), a.value, id);
        push((index.spelled ??= new Map()), a.spelled, id);
      }
    }
    if (needles.length > 0) {
      index.texts = compileMultiMatcher(needles, anchorsOf(name));
      if (memo) index.memo = new ValueMemo();
      // Also `infinity` and `nan`: an event given as an object (not JSON) may hold them.
      index.scanScalars = needles.some(({ text }) => /^[0-9.e+-]+$/.test(text) || 'true false -infinity nan'.includes(text));
    }
    push(fieldIndexes, key, { ids, index });
    return index;
  };
  // Each field's needles anchored once, over all its rules: a route's matcher only files the needles it allows.
  // The keywords, which every field's matcher holds too (buildFields), are anchored once among themselves.
  const anchors = new Map<string, Anchors>();
  const ownAnchors = (name: string): ReadonlyMap<string, number> => {
    const texts: string[] = [];
    for (const id of fieldTriggers().get(name) ?? []) {
      const a = atoms[id] as Atom;
      if (a.kind === 'text') texts.push(a.text);
    }
    return chooseAnchors(texts);
  };
  let keywordAnchors: ReadonlyMap<string, number> | undefined;
  const anchorsOf = (name: string): Anchors => {
    let found = anchors.get(name);
    if (found === undefined) {
      const own = ownAnchors(name);
      const keywords = name === KEYWORDS ? undefined : (keywordAnchors ??= ownAnchors(KEYWORDS));
      found = keywords === undefined || keywords.size === 0 ? own : { get: (text: string) => own.get(text) ?? keywords.get(text) };
      anchors.set(name, found);
    }
    return found;
  };
  const isTrigger = (id: number): boolean => (atomTriggers[id] as number[]).length > 0;

  // Per-event scratch state, stamped with the event's number instead of cleared.
  const atomStamp = new Uint32Array(atoms.length);
  const checkStamp = new Uint32Array(atoms.length);
  const checkResult = new Uint8Array(atoms.length);
  const ruleStamp = new Uint32Array(rules.length);
  let epoch = 0;
  const triggered: number[] = [];
  const held: number[] = [];
  const found = (a: number): void => {
    if (atomStamp[a] === epoch) return;
    atomStamp[a] = epoch;
    const rs = atomTriggers[a] as number[];
    for (let j = 0; j < rs.length; j++) triggered.push(rs[j] as number);
  };
  // Whether a text atom is in a field's value, per atom and value (the value's number, memo.ts) when the field
  // holds one string: the checks of the rules an event triggers are the same for the same values.
  const checks = memo ? new ValueMemo<boolean>() : undefined;
  const checked = (a: number, ev: IndexedEvent): boolean => {
    const atom = atoms[a] as Atom;
    if (checks === undefined || atom.kind !== 'text' || atom.field === null || a >= PAIRED) return atomHolds(atom, ev);
    const v = singleString(ev.get(atom.field));
    if (v === undefined || checks.passes()) return atomHolds(atom, ev);
    const n = stringNumber(v, v.raw as string);
    const key = n < 0 || n >= PAIRED ? -1 : a * PAIRED + n;
    const known = checks.found(key);
    if (known !== undefined) return known;
    const holds = (v.lower as string).includes(atom.text);
    checks.remember(key, holds);
    return holds;
  };
  /** Whether an atom holds on the event: found by the scan, or looked up once per event. */
  const present = (a: number, ev: IndexedEvent): boolean => {
    if (atomStamp[a] === epoch) return true;
    if (checkStamp[a] !== epoch) {
      checkStamp[a] = epoch;
      checkResult[a] = checked(a, ev) ? 1 : 0;
    }
    return checkResult[a] === 1;
  };
  /** Every other clause of the rule has an atom that holds on the event. */
  const holds = (r: number, ev: IndexedEvent): boolean => {
    for (const clause of ruleChecks[r] as Int32Array[]) {
      let any = false;
      for (let j = 0; j < clause.length; j++)
        if (present(clause[j] as number, ev)) {
          any = true;
          break;
        }
      if (!any) return false;
    }
    return true;
  };
  const foundAll = (ids: readonly number[] | undefined): void => {
    if (ids !== undefined) for (const a of ids) found(a);
  };

  // Rules by their logsource (a few hundred distinct ones over thousands of rules): a route asks each once.
  const logsources: Logsource[] = [];
  const logsourceOf = new Int32Array(rules.length);
  {
    const known = new Map<string, number>();
    rules.forEach((r, i) => {
      const lowered = lowerLogsource(r.logsource);
      const key = logsourceKey(lowered);
      let at = known.get(key);
      if (at === undefined) {
        at = logsources.length;
        known.set(key, at);
        logsources.push(lowered);
      }
      logsourceOf[i] = at;
    });
  }
  const everything = new Uint8Array(rules.length).fill(1);
  const routes = new Map<EventSource, Route>();
  // Routes: what each kind of event meets, built on its first event. With routing, a route's matchers hold only
  // the needles of the rules it allows (fewer, rarer needles: fewer places of a text to look at); without, every
  // route wants every trigger and shares the same matchers (fieldIndex).
  const routeFor = (source: EventSource): Route => {
    let route = routes.get(source);
    if (route === undefined) {
      let allowed = everything;
      if (routing) {
        const verdicts = Uint8Array.from(logsources, (l) => (loweredAllows(l, source) ? 1 : 0));
        allowed = new Uint8Array(rules.length);
        for (let r = 0; r < allowed.length; r++) allowed[r] = verdicts[logsourceOf[r] as number] as number;
      }
      // The trigger atoms of the allowed rules.
      let wanted: Uint8Array | undefined;
      if (allowed !== everything) {
        wanted = new Uint8Array(atoms.length);
        for (let r = 0; r < allowed.length; r++) if (allowed[r] === 1) for (const id of ruleTriggers[r] ?? NONE) wanted[id] = 1;
      }
      const indexes = buildFields(wanted);
      const keywords = indexes.get(KEYWORDS);
      const scanned = [...indexes].filter(([name]) => name !== KEYWORDS);
      route = {
        allowed,
        always: Int32Array.from(unconditional.filter((r) => allowed[r] === 1)),
        fieldNames: scanned.map(([name]) => name),
        fieldIndexes: scanned.map(([, index]) => index),
        ...(keywords !== undefined ? { keywords } : {}),
      };
      // Sources are interned (a few dozen kinds in practice); past the bound a route is rebuilt per event.
      if (routes.size < 256) routes.set(source, route);
    }
    return route;
  };

  // What one value's scan finds, each id once, for the memo.
  const scanned: number[] = [];
  const collect = (id: number): void => {
    if (!scanned.includes(id)) scanned.push(id);
  };
  const scanText = (index: FieldIndex, texts: MultiMatcher, v: EventValue, raw: string): void => {
    const memo = index.memo;
    if (memo === undefined || memo.passes()) return texts.scan(v.lower as string, found);
    const n = stringNumber(v, raw);
    const known = memo.found(n);
    if (known !== undefined) {
      for (let j = 0; j < known.length; j++) found(known[j] as number);
      return;
    }
    if (n < 0) return texts.scan(v.lower as string, found); // a new text: not remembered before it comes again
    scanned.length = 0;
    texts.scan(v.lower as string, collect);
    memo.remember(n, scanned.length === 0 ? NOTHING : scanned.slice());
    for (let j = 0; j < scanned.length; j++) found(scanned[j] as number);
  };

  const scanValues = (index: FieldIndex, values: readonly EventValue[]): void => {
    const texts = index.texts;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as EventValue;
      const raw = v.raw;
      if (raw === null) continue;
      // JSON numbers and booleans are spelled in digits, `.e+-`, `true`, `false`: most needles cannot be in them.
      if (texts !== undefined) {
        if (typeof raw === 'string') scanText(index, texts, v, raw);
        else if (index.scanScalars === true) texts.scan(v.lower as string, found);
      }
      if (index.numbers !== undefined) {
        const lower = v.lower as string;
        const n = numericValue(v);
        if (n !== undefined) foundAll(index.numbers.get(n));
        foundAll(index.spelled?.get(lower));
      }
    }
  };

  /** The candidates for an event, ascending: rules its route allows whose requirements all hold. */
  const candidates = (ev: IndexedEvent): number[] => {
    const route = routeFor(assume === undefined ? ev.source : assume(ev.source));
    epoch = epoch === 0xffffffff ? 1 : epoch + 1;
    if (epoch === 1) {
      atomStamp.fill(0);
      checkStamp.fill(0);
      ruleStamp.fill(0);
    }
    triggered.length = 0;
    const { fieldNames, fieldIndexes } = route;
    const present = presentNames(ev, fieldNames);
    for (let k = 0; k < present.length; k++) {
      const f = present[k] as number;
      scanValues(fieldIndexes[f] as FieldIndex, ev.get(fieldNames[f] as string) as readonly EventValue[]);
    }
    if (route.keywords !== undefined) scanValues(route.keywords, fieldNames.length > 0 ? textsOutside(ev, fieldNames) : ev.texts);
    // The triggered rules that hold, in ascending order (a few: sorted by insertion), merged with the route's
    // unconditional ones (Array.from of those and a sort with a comparator were a tenth of the prefilter's time).
    held.length = 0;
    for (let t = 0; t < triggered.length; t++) {
      const r = triggered[t] as number;
      if (ruleStamp[r] === epoch || route.allowed[r] !== 1) continue;
      ruleStamp[r] = epoch;
      if (!holds(r, ev)) continue;
      let at = held.length;
      held.push(r);
      while (at > 0 && (held[at - 1] as number) > r) {
        held[at] = held[at - 1] as number;
        at--;
      }
      held[at] = r;
    }
    return mergeAscending(route.always, held);
  };

  const matches = (event: unknown): number[] => {
    const ev = indexEventCached(event);
    const out: number[] = [];
    for (const r of candidates(ev)) if ((matchers[r] as Matcher).test(ev)) out.push(r);
    return out;
  };
  const results = (event: unknown): EngineHit[] => {
    const ev = indexEventCached(event);
    return matches(ev).map((r) => ({ rule: r, result: (matchers[r] as Matcher)(ev) }));
  };
  return Object.freeze({
    rules,
    errors,
    matches,
    results,
    matcher: (r: number) => matchers[r],
    stats: Object.freeze({
      rules: rules.length,
      prefiltered: rules.length - unconditional.length - errors.size,
      atoms: atoms.length,
      fields: new Set(atoms.filter((_, id) => isTrigger(id)).map((a) => a.field ?? KEYWORDS)).size,
    }),
  });
}
