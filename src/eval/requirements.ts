/**
 * What every match of a rule needs: literals that must occur in some field of the event. A rule's
 * requirements are clauses (all must hold), each a list of atoms (one must hold): "a value of `Image`
 * contains `\\whoami.exe` or `\\whoami64.exe`", "a value of `EventID` is the number 4688". They are necessary,
 * never sufficient: the engine evaluates a rule only when they all hold, and the rule's own matcher decides.
 * Regexes state the literals they need (regex-literals.ts). Anything that cannot be stated as literals (negation,
 * comparisons, null, exists, field references, `cased` strings) states nothing, which keeps the prefilter sound.
 */
import type { ConditionNode, Detection, DetectionItem, SigmaRule, SigmaString, SigmaValue } from '../rule/ast.js';
import { resolvePattern } from './condition.js';
import { stringAlternatives } from './values.js';
import { regexLiterals } from './regex-literals.js';

/**
 * `text`: some lowercased value of `field` contains `text` (field null: some text anywhere in the event, as
 * keywords search). `number`: some value of `field` is the number, or is spelled as the rule spelled it.
 */
export type Atom =
  | { readonly kind: 'text'; readonly field: string | null; readonly text: string }
  | { readonly kind: 'number'; readonly field: string; readonly value: number; readonly spelled: string };

/** One of the atoms holds whenever the rule matches. */
export type Clause = readonly Atom[];

/** The longest needle kept (its last characters): longer ones are hardly more selective. */
const MAX_NEEDLE = 10;

/**
 * Shorter literals state nothing: they occur in most texts and would only slow the automaton's pass, unless
 * they hold a non-ASCII character (an emoji, a homoglyph), which most texts do not.
 */
const MIN_NEEDLE = 3;
function selective(text: string): boolean {
  if (text.length >= MIN_NEEDLE) return true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

/** Clauses kept per rule: the most selective ones. */
const MAX_CLAUSES = 4;

/** Estimated chance that an atom holds on an event: longer literals are rarer; a bare number is fairly rare. */
export function atomWeight(a: Atom): number {
  if (a.kind === 'number') return 1 / 64;
  const w = 2 ** -a.text.length;
  return a.field === null ? w * 8 : w;
}

/** Estimated chance that a clause holds (lower is more selective). */
export function clauseWeight(c: Clause): number {
  let w = 0;
  for (const a of c) w += atomWeight(a);
  return w;
}

export function atomKey(a: Atom): string {
  return a.kind === 'text' ? `t\u0000${a.field ?? '\u0001'}\u0000${a.text}` : `n\u0000${a.field}\u0000${a.value}\u0000${a.spelled}`;
}

function dedupe(c: readonly Atom[]): Clause {
  const seen = new Map<string, Atom>();
  for (const a of c) seen.set(atomKey(a), a);
  return [...seen.values()];
}

/** Requirements in conjunctive form; [] states nothing. */
type Cnf = readonly Clause[];

function best(cnf: Cnf): Clause | undefined {
  let out: Clause | undefined;
  let weight = Infinity;
  for (const c of cnf) {
    const w = clauseWeight(c);
    if (w < weight) {
      weight = w;
      out = c;
    }
  }
  return out;
}

function and(parts: readonly Cnf[]): Cnf {
  const all = parts.flat();
  return all.length <= MAX_CLAUSES ? all : [...all].sort((a, b) => clauseWeight(a) - clauseWeight(b)).slice(0, MAX_CLAUSES);
}

/** One of the parts holds: the union of each part's most selective clause (nothing if a part states nothing). */
function or(parts: readonly Cnf[]): Cnf {
  const atoms: Atom[] = [];
  for (const p of parts) {
    const c = best(p);
    if (c === undefined) return [];
    atoms.push(...c);
  }
  return atoms.length === 0 ? [] : [dedupe(atoms)];
}

/** The longest run of literal text in a (lowercased unless cased) Sigma string, as the matchers lowercase it. */
function literal(s: SigmaString): string | undefined {
  if (s.cased) return undefined;
  let longest = '';
  let run = '';
  for (const part of s.parts) {
    if (typeof part === 'string') run += part.toLowerCase();
    else {
      if (part.kind !== 'wildcard') return undefined; // a placeholder: the matcher refuses the rule anyway
      if (run.length > longest.length) longest = run;
      run = '';
    }
  }
  if (run.length > longest.length) longest = run;
  // Any part of a needed literal is needed too: a bounded needle keeps the automata small (hash lists!).
  return longest === '' ? undefined : longest.slice(-MAX_NEEDLE);
}

function stringsClause(strings: readonly SigmaString[], field: string | null): Cnf {
  const atoms: Atom[] = [];
  for (const s of strings) {
    const text = literal(s);
    if (text === undefined || !selective(text)) return [];
    atoms.push({ kind: 'text', field, text });
  }
  return atoms.length === 0 ? [] : [dedupe(atoms)];
}

function valueNeeds(value: SigmaValue, field: string | null): Cnf {
  const strings = stringAlternatives(value);
  if (strings !== undefined) return stringsClause(strings, field);
  if (value.kind === 'number') {
    if (field === null) return !selective(value.text) ? [] : [[{ kind: 'text', field: null, text: value.text.toLowerCase() }]];
    return field === null ? [] : [[{ kind: 'number', field, value: value.value, spelled: value.text.toLowerCase() }]];
  }
  if (value.kind === 'expansion') return or(value.values.map((v) => valueNeeds(v, field)));
  if (value.kind === 'regex') {
    // The scan compares lowercased values, so a needed literal is needed whatever the regex's case flag.
    const literals = regexLiterals(value.pattern);
    return literals === undefined ? [] : [dedupe(literals.map((text) => ({ kind: 'text', field, text: text.slice(-MAX_NEEDLE) })))];
  }
  return [];
}

function itemNeeds(item: DetectionItem): Cnf {
  if (item.negated || item.values.length === 0) return [];
  const parts = item.values.map((v) => valueNeeds(v, item.field));
  return item.linking === 'and' ? and(parts) : or(parts);
}

function detectionNeeds(d: Detection): Cnf {
  const parts = d.items.map((i) => (i.kind === 'item' ? itemNeeds(i) : detectionNeeds(i)));
  if (parts.length === 0) return [];
  return d.linking === 'and' ? and(parts) : or(parts);
}

function conditionNeeds(node: ConditionNode, names: readonly string[], selections: readonly Cnf[]): Cnf {
  switch (node.kind) {
    case 'ref': {
      const i = names.indexOf(node.name);
      return i === -1 ? [] : (selections[i] as Cnf);
    }
    case 'not':
      return [];
    case 'and':
      return and(node.args.map((a) => conditionNeeds(a, names, selections)));
    case 'or':
      return or(node.args.map((a) => conditionNeeds(a, names, selections)));
    case 'of': {
      const parts = resolvePattern(node.pattern, names).map((n) => selections[names.indexOf(n)] as Cnf);
      if (parts.length === 0) return [];
      return node.quantifier === 'all' ? and(parts) : or(parts);
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** The literal requirements of a rule (empty: the rule states none and is evaluated on every event it may see). */
export function ruleRequirements(rule: SigmaRule): readonly Clause[] {
  const names = [...rule.detection.selections.keys()];
  const selections = [...rule.detection.selections.values()].map(detectionNeeds);
  const conditions = rule.detection.conditions.map((c) => conditionNeeds(c.tree, names, selections));
  if (conditions.length === 0) return [];
  return conditions.length === 1 ? (conditions[0] as Cnf) : or(conditions);
}
