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
import type { SigmaRule } from '../rule/ast.js';
import { toSigmaError, type SigmaError } from '../errors.js';
import { indexEventCached, type IndexedEvent } from './fields.js';
import { compileMatcher, type MatchOptions, type MatchResult, type Matcher } from './match.js';
import { compileLogsource, type EventSource } from './logsource.js';
import { compileMultiMatcher, type MultiMatcher } from './ahocorasick.js';
import { atomKey, clauseWeight, ruleRequirements, type Atom } from './requirements.js';
import { numericValue } from './values.js';

export interface EngineOptions extends MatchOptions {
  /** Route events by logsource before anything else (default true; false only to measure what it brings). */
  readonly routing?: boolean;
  /** Reject rules by their required literals (default true; false only to measure what it brings). */
  readonly prefilter?: boolean;
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
  numbers?: Map<number, number[]>;
  spelled?: Map<string, number[]>;
}

interface Route {
  /** 1 where the rule's logsource agrees with the source. */
  readonly allowed: Uint8Array;
  /** Allowed rules without requirements: candidates on every event of this source. */
  readonly always: Int32Array;
  /** The fields worth scanning: those the allowed rules need literals in. */
  readonly fields: ReadonlyMap<string, FieldIndex>;
  /** Whether an allowed rule needs a keyword (a literal anywhere in the event). */
  readonly keywords: boolean;
}

const KEYWORDS = '\u0001keywords';

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Compiles rules into an engine. A rule that cannot be compiled is reported in `errors` and never fires. */
export function compileEngine(rules: readonly SigmaRule[], options: EngineOptions = {}): Engine {
  const routing = options.routing !== false && options.ignoreLogsource !== true;
  const prefilter = options.prefilter !== false;
  const matchers: (Matcher | undefined)[] = [];
  const errors = new Map<number, SigmaError>();
  rules.forEach((rule, i) => {
    try {
      matchers.push(compileMatcher(rule, options));
    } catch (e) {
      matchers.push(undefined);
      errors.set(i, toSigmaError(e).inFile(rule.source.file));
    }
  });

  // Atoms (deduplicated) → clauses → rules. A rule's trigger clause (its most selective) makes it a candidate;
  // its other clauses must then hold too.
  const atomIds = new Map<string, number>();
  const atoms: Atom[] = [];
  const atomClauses: number[][] = [];
  const clauseRule: number[] = [];
  const clauseTriggers: boolean[] = [];
  const ruleClauses: number[][] = rules.map(() => []);
  const ruleFields: Set<string>[] = rules.map(() => new Set());
  const unconditional: number[] = [];
  rules.forEach((rule, r) => {
    if (matchers[r] === undefined) return;
    const clauses = prefilter ? ruleRequirements(rule) : [];
    if (clauses.length === 0) {
      unconditional.push(r);
      return;
    }
    const trigger = clauses.reduce((a, b) => (clauseWeight(b) < clauseWeight(a) ? b : a));
    for (const clause of clauses) {
      const c = clauseRule.length;
      clauseRule.push(r);
      clauseTriggers.push(clause === trigger);
      (ruleClauses[r] as number[]).push(c);
      for (const atom of clause) {
        (ruleFields[r] as Set<string>).add(atom.field ?? KEYWORDS);
        const key = atomKey(atom);
        let id = atomIds.get(key);
        if (id === undefined) {
          id = atoms.length;
          atomIds.set(key, id);
          atoms.push(atom);
          atomClauses.push([]);
        }
        const list = atomClauses[id] as number[];
        if (list[list.length - 1] !== c) list.push(c);
      }
    }
  });

  // Per field: one automaton over its text needles, hash maps for its numbers.
  const fieldTexts = new Map<string, { text: string; id: number }[]>();
  const fields = new Map<string, FieldIndex>();
  const fieldOf = (name: string): FieldIndex => {
    let f = fields.get(name);
    if (f === undefined) {
      f = {};
      fields.set(name, f);
    }
    return f;
  };
  atoms.forEach((a, id) => {
    if (a.kind === 'text') {
      const name = a.field ?? KEYWORDS;
      fieldOf(name);
      const list = fieldTexts.get(name);
      if (list) list.push({ text: a.text, id });
      else fieldTexts.set(name, [{ text: a.text, id }]);
    } else {
      const f = fieldOf(a.field);
      push((f.numbers ??= new Map()), a.value, id);
      push((f.spelled ??= new Map()), a.spelled, id);
    }
  });
  for (const [name, needles] of fieldTexts) fieldOf(name).texts = compileMultiMatcher(needles);
  const keywordIndex = fields.get(KEYWORDS);
  fields.delete(KEYWORDS);

  // Per-event scratch state, stamped with the event's number instead of cleared.
  const atomStamp = new Uint32Array(atoms.length);
  const clauseStamp = new Uint32Array(clauseRule.length);
  const ruleStamp = new Uint32Array(rules.length);
  let epoch = 0;
  let triggered: number[] = [];
  const found = (a: number): void => {
    if (atomStamp[a] === epoch) return;
    atomStamp[a] = epoch;
    for (const c of atomClauses[a] as number[]) {
      clauseStamp[c] = epoch;
      if (clauseTriggers[c] === true) triggered.push(clauseRule[c] as number);
    }
  };
  const foundAll = (ids: readonly number[] | undefined): void => {
    if (ids !== undefined) for (const a of ids) found(a);
  };

  const logsources = rules.map((r) => compileLogsource(r.logsource));
  const everything = new Uint8Array(rules.length).fill(1);
  const routes = new Map<EventSource, Route>();
  const routeFor = (source: EventSource): Route => {
    let route = routes.get(source);
    if (route === undefined) {
      const allowed = routing ? Uint8Array.from(logsources, (t) => (t(source) ? 1 : 0)) : everything;
      const used = new Set<string>();
      rules.forEach((_, r) => {
        if (allowed[r] === 1) for (const f of ruleFields[r] as Set<string>) used.add(f);
      });
      route = {
        allowed,
        always: Int32Array.from(unconditional.filter((r) => allowed[r] === 1)),
        fields: new Map([...fields].filter(([name]) => used.has(name))),
        keywords: used.has(KEYWORDS),
      };
      if (routes.size < 1024) routes.set(source, route);
    }
    return route;
  };

  const scanField = (index: FieldIndex, ev: IndexedEvent, name: string | null): void => {
    const values = name === null ? ev.texts : ev.fields.get(name);
    if (values === undefined) return;
    for (const v of values) {
      if (v.lower === null) continue;
      index.texts?.scan(v.lower, found);
      if (index.numbers !== undefined) {
        const n = numericValue(v);
        if (n !== undefined) foundAll(index.numbers.get(n));
        foundAll(index.spelled?.get(v.lower));
      }
    }
  };

  /** The candidates for an event, ascending: rules its route allows whose requirements all hold. */
  const candidates = (ev: IndexedEvent): number[] => {
    const route = routeFor(ev.source);
    epoch = epoch === 0xffffffff ? 1 : epoch + 1;
    if (epoch === 1) {
      atomStamp.fill(0);
      clauseStamp.fill(0);
      ruleStamp.fill(0);
    }
    triggered = [];
    if (atoms.length > 0) {
      const wanted = route.fields;
      if (wanted.size < ev.fields.size) {
        for (const [name, index] of wanted) scanField(index, ev, name);
      } else {
        for (const name of ev.fields.keys()) {
          const index = wanted.get(name);
          if (index !== undefined) scanField(index, ev, name);
        }
      }
      if (keywordIndex !== undefined && route.keywords) scanField(keywordIndex, ev, null);
    }
    const out: number[] = Array.from(route.always);
    for (const r of triggered) {
      if (ruleStamp[r] === epoch || route.allowed[r] !== 1) continue;
      ruleStamp[r] = epoch;
      let all = true;
      for (const c of ruleClauses[r] as number[])
        if (clauseStamp[c] !== epoch) {
          all = false;
          break;
        }
      if (all) out.push(r);
    }
    return out.sort((a, b) => a - b);
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
      fields: fields.size,
    }),
  });
}
