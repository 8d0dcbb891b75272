/**
 * An oracle for the SPL the splunk backend writes, after Splunk's documented quoting rules:
 * - a double-quoted string is one token; inside it `\\` is a backslash and `\"` a quote (and `\|` a pipe);
 *   any other backslash sequence is left as written ("Quotes and escaping characters", search command);
 * - `*` in a search term is always a wildcard: "The backslash can't be used to escape the asterisk in search
 *   strings" (Search Manual, Backslashes); `?` is an ordinary character; search terms ignore case;
 * - `|` outside quotes starts the next command; OR binds tighter than the implicit AND, NOT tighter than both;
 * - `| regex F="…"` and `| rex field=F "…"` take a PCRE whose backslashes were escaped once more for the
 *   quoted argument ("SPL and regular expressions"); PCRE's `$` also matches before a final line break.
 * The query is parsed completely (a token the grammar does not expect fails the parse), turned into a formula
 * over atoms — each a search term or a regex with the meaning it has — and normalised.
 */
import { ANY, meaning, readWildcardRegex, txt, type Tok } from './escaping-support.js';

// ───────────────────────────── tokens ─────────────────────────────

export type SplToken =
  | { readonly k: 'str'; readonly v: string; readonly raw: string }
  | { readonly k: 'word'; readonly v: string }
  | { readonly k: 'op'; readonly v: string }
  | { readonly k: 'pipe' };

const WORD_END = /[\s"|(),=!<>]/;

/** Splits a query into tokens; throws on an unterminated string. */
export function tokenize(query: string): SplToken[] {
  const out: SplToken[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query.charAt(i);
    if (/\s/.test(c)) i++;
    else if (c === '|') {
      out.push({ k: 'pipe' });
      i++;
    } else if (c === '"') {
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= query.length) throw new Error(`unterminated string at ${i} in ${JSON.stringify(query)}`);
        const d = query.charAt(j);
        if (d === '"') break;
        const e = query.charAt(j + 1);
        if (d === '\\' && (e === '\\' || e === '"' || e === '|')) {
          v += e;
          j += 2;
        } else {
          v += d;
          j++;
        }
      }
      out.push({ k: 'str', v, raw: query.slice(i, j + 1) });
      i = j + 1;
    } else if ('(),'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = query.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : c;
      out.push({ k: 'op', v: op });
      i += op.length;
    } else {
      let j = i;
      while (j < query.length && !WORD_END.test(query.charAt(j))) j++;
      out.push({ k: 'word', v: query.slice(i, j) });
      i = j;
    }
  }
  return out;
}

// ───────────────────────────── formulas ─────────────────────────────

/** A leaf: a search term or a regex, with the meaning it has (see `meaning`). */
export interface Atom {
  readonly kind: 'search' | 'regex';
  readonly field: string;
  readonly meaning: string;
  /** For a regex: the meaning of the search term that may stand before it as a superset pre-filter. */
  readonly superset?: string;
}
export type Formula =
  | { readonly op: 'and' | 'or'; readonly args: readonly Formula[] }
  | { readonly op: 'not'; readonly arg: Formula }
  | { readonly op: 'atom'; readonly atom: Atom }
  | { readonly op: 'ref'; readonly name: string }
  | { readonly op: 'true' };

/** The pattern of a search-term value: `*` is a wildcard, every other character (also `?`) is itself. */
export function globOfSearchValue(v: string): Tok[] {
  return [...v].map((c) => (c === '*' ? ANY : txt(c)));
}

/**
 * A Sigma pattern as the superset search term before an exact regex: every `*` and `?` a `*` wildcard, and every
 * backtick too (Splunk would expand a backtick as a macro, so the backend searches `*` in its place).
 */
export function supersetGlob(g: readonly Tok[]): Tok[] {
  return g.flatMap((t) => (t.t === 'text' ? globOfSearchValue(t.s.replace(/`/g, '*')) : [ANY]));
}

/**
 * The pattern of a PCRE the backend wrote for a wildcard value: `(?is)`/`(?s)` flags, `^` anchor, `$` anchor
 * (which in PCRE also accepts one final line break: the meaning then ends in an optional `\n`, which no Sigma
 * value has), `.*` any, `.` one, `\x` the character x. Undefined for anything else.
 */
export function regexAtomMeaning(re: string): { meaning: string; superset: string } | undefined {
  const read = readWildcardRegex(re);
  if (!read) return undefined;
  const letters = read.letters ?? '';
  if (read.dots && !letters.includes('s')) return undefined; // `.` would not match a line break
  const base = meaning(read.glob, !letters.includes('i'));
  return { meaning: read.end === 'dollar' ? `${base} or-before-final-newline` : base, superset: meaning(supersetGlob(read.glob), false) };
}

// ───────────────────────────── parsing ─────────────────────────────

class Cursor {
  i = 0;
  constructor(readonly tokens: readonly SplToken[]) {}
  peek(n = 0): SplToken | undefined {
    return this.tokens[this.i + n];
  }
  next(): SplToken {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('unexpected end of command');
    return t;
  }
  isWord(v: string, n = 0): boolean {
    const t = this.peek(n);
    return t?.k === 'word' && t.v === v;
  }
  isOp(v: string, n = 0): boolean {
    const t = this.peek(n);
    return t?.k === 'op' && t.v === v;
  }
  expectOp(v: string): void {
    const t = this.next();
    if (t.k !== 'op' || t.v !== v) throw new Error(`expected '${v}', got ${JSON.stringify(t)}`);
  }
  expectWord(v?: string): string {
    const t = this.next();
    if (t.k !== 'word' || (v !== undefined && t.v !== v)) throw new Error(`expected word ${v ?? ''}, got ${JSON.stringify(t)}`);
    return t.v;
  }
  expectStr(): string {
    const t = this.next();
    if (t.k !== 'str') throw new Error(`expected a quoted string, got ${JSON.stringify(t)}`);
    return t.v;
  }
  get done(): boolean {
    return this.i >= this.tokens.length;
  }
}

const searchAtom = (field: string, glob: Tok[]): Formula => ({
  op: 'atom',
  atom: { kind: 'search', field, meaning: meaning(glob, false) },
});

function parseValueTerm(c: Cursor, field: string): Formula {
  const t = c.next();
  if (t.k === 'str' || t.k === 'word') return searchAtom(field, globOfSearchValue(t.v));
  throw new Error(`expected a value, got ${JSON.stringify(t)}`);
}

function parsePrimary(c: Cursor): Formula {
  const t = c.next();
  if (t.k === 'op' && t.v === '(') {
    const inner = parseAnd(c);
    c.expectOp(')');
    return inner;
  }
  if ((t.k === 'word' || t.k === 'str') && c.isOp('=')) {
    c.next();
    const value = c.peek();
    if (value?.k === 'str' && value.v === 'true' && /Condition\d*$/.test(t.v)) {
      c.next();
      return { op: 'ref', name: t.v };
    }
    return parseValueTerm(c, t.v);
  }
  if (t.k === 'word' && c.isWord('IN')) {
    c.next();
    c.expectOp('(');
    const args: Formula[] = [parseValueTerm(c, t.v)];
    while (c.isOp(',')) {
      c.next();
      args.push(parseValueTerm(c, t.v));
    }
    c.expectOp(')');
    return { op: 'or', args };
  }
  if (t.k === 'word' && t.v === '*') return { op: 'true' };
  // a keyword: a phrase anywhere in the raw event
  if (t.k === 'str') return searchAtom('_raw', [ANY, ...globOfSearchValue(t.v), ANY]);
  throw new Error(`unexpected ${JSON.stringify(t)} in a search`);
}

function parseNot(c: Cursor): Formula {
  if (c.isWord('NOT')) {
    c.next();
    return { op: 'not', arg: parseNot(c) };
  }
  return parsePrimary(c);
}

function parseOr(c: Cursor): Formula {
  const args = [parseNot(c)];
  while (c.isWord('OR')) {
    c.next();
    args.push(parseNot(c));
  }
  return args.length === 1 ? (args[0] as Formula) : { op: 'or', args };
}

function parseAnd(c: Cursor): Formula {
  const args = [parseOr(c)];
  while (!c.done && !c.isOp(')')) {
    if (c.isWord('AND')) c.next();
    args.push(parseOr(c));
  }
  return args.length === 1 ? (args[0] as Formula) : { op: 'and', args };
}

function regexFormula(field: string, pattern: string): Formula {
  const m = regexAtomMeaning(pattern);
  if (!m) return { op: 'atom', atom: { kind: 'regex', field, meaning: `unreadable regex ${JSON.stringify(pattern)}` } };
  return { op: 'atom', atom: { kind: 'regex', field, meaning: m.meaning, superset: m.superset } };
}

export interface SplReading {
  readonly formula: Formula;
  /** Every regex argument, decoded (for the `re` modifier). */
  readonly regexes: readonly { readonly field: string; readonly pattern: string; readonly negated: boolean }[];
}

/** Parses the whole query (search, then `| regex`, `| rex`, `| eval`, `| search` commands); throws on anything else. */
export function readSpl(query: string): SplReading {
  const commands: SplToken[][] = [[]];
  for (const t of tokenize(query)) {
    if (t.k === 'pipe') commands.push([]);
    else (commands[commands.length - 1] as SplToken[]).push(t);
  }
  const parts: Formula[] = [];
  const regexes: { field: string; pattern: string; negated: boolean }[] = [];
  const matches = new Map<string, Formula>();
  const conditions = new Map<string, Formula>();
  commands.forEach((tokens, index) => {
    const c = new Cursor(tokens);
    if (index > 0) {
      const name = c.expectWord();
      if (name === 'regex') {
        const field = c.expectWord();
        const op = c.next();
        if (op.k !== 'op' || (op.v !== '=' && op.v !== '!=')) throw new Error(`regex: expected = or !=, got ${JSON.stringify(op)}`);
        const pattern = c.expectStr();
        regexes.push({ field, pattern, negated: op.v === '!=' });
        const f = regexFormula(field, pattern);
        parts.push(op.v === '!=' ? { op: 'not', arg: f } : f);
      } else if (name === 'rex') {
        c.expectWord('field');
        c.expectOp('=');
        const field = c.expectWord();
        const arg = c.expectStr();
        const group = /^\(\?<([A-Za-z_]\w*)>([\s\S]*)\)$/.exec(arg);
        if (!group) throw new Error(`rex: not one named group: ${JSON.stringify(arg)}`);
        regexes.push({ field, pattern: group[2] as string, negated: false });
        matches.set(group[1] as string, regexFormula(field, group[2] as string));
      } else if (name === 'eval') {
        const target = c.expectWord();
        c.expectOp('=');
        c.expectWord('if');
        c.expectOp('(');
        c.expectWord('isnotnull');
        c.expectOp('(');
        const match = c.expectWord();
        c.expectOp(')');
        c.expectOp(',');
        if (c.expectStr() !== 'true') throw new Error('eval: expected "true"');
        c.expectOp(',');
        if (c.expectStr() !== 'false') throw new Error('eval: expected "false"');
        c.expectOp(')');
        const regex = matches.get(match);
        if (!regex) throw new Error(`eval: unknown match field ${match}`);
        conditions.set(target, regex);
      } else if (name === 'search') {
        parts.push(parseAnd(c));
      } else throw new Error(`unexpected command '${name}'`);
    } else parts.push(parseAnd(c));
    if (!c.done) throw new Error(`left over in command ${index}: ${JSON.stringify(tokens.slice(c.i))}`);
  });
  const resolve = (f: Formula): Formula => {
    switch (f.op) {
      case 'and':
      case 'or':
        return { op: f.op, args: f.args.map(resolve) };
      case 'not':
        return { op: 'not', arg: resolve(f.arg) };
      case 'ref': {
        const target = conditions.get(f.name);
        if (!target) throw new Error(`unknown condition ${f.name}`);
        return target;
      }
      default:
        return f;
    }
  };
  return { formula: resolve({ op: 'and', args: parts }), regexes };
}

// ───────────────────────────── normal form ─────────────────────────────

/**
 * Flattened, `*` (true) dropped from ands, one-argument groups unwrapped, and a search term dropped from an and
 * when it is only the superset pre-filter of an exact regex beside it.
 */
export function normalise(f: Formula): Formula {
  switch (f.op) {
    case 'and':
    case 'or': {
      let args: Formula[] = [];
      for (const a of f.args.map(normalise)) {
        if (a.op === f.op) args.push(...a.args);
        else args.push(a);
      }
      if (f.op === 'and') {
        args = args.filter((a) => a.op !== 'true');
        const supersets = new Set(args.flatMap((a) => (a.op === 'atom' && a.atom.superset ? [`${a.atom.field} ${a.atom.superset}`] : [])));
        args = args.filter((a) => !(a.op === 'atom' && a.atom.kind === 'search' && supersets.has(`${a.atom.field} ${a.atom.meaning}`)));
        if (args.length === 0) return { op: 'true' };
      } else if (args.some((a) => a.op === 'true')) return { op: 'true' };
      return args.length === 1 ? (args[0] as Formula) : { op: f.op, args };
    }
    case 'not':
      return { op: 'not', arg: normalise(f.arg) };
    default:
      return f;
  }
}

/** A formula as comparable text (arguments sorted). */
export function formulaText(f: Formula): string {
  switch (f.op) {
    case 'and':
    case 'or':
      return `${f.op}(${f.args.map(formulaText).sort().join(', ')})`;
    case 'not':
      return `not(${formulaText(f.arg)})`;
    case 'atom':
      return `${f.atom.kind} ${f.atom.field} ${f.atom.meaning}`;
    case 'ref':
      return `ref ${f.name}`;
    case 'true':
      return 'true';
  }
}
