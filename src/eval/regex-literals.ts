/**
 * What a rule's regular expression needs of a text: literals one of which occurs in every text it matches, for
 * the engine's prefilter (requirements.ts), so that a rule made of regexes is not run on every event of its log
 * source. `\$PSHome\[\s*\d` needs `$pshome[`; `(cmd|powershell)\.exe` needs `cmd.exe` or `powershell.exe`.
 *
 * A small reading of the pattern, in the manner of code search's trigram queries: each part has the exact set of
 * strings it matches when that set is small (a literal, an alternation of literals) and a set of literals one of
 * which it needs. Anything it does not follow (character classes, `.`, `\d`, optional parts, lookaround, a
 * non-ASCII character) needs nothing, so the answer is always sound: a needed literal may be shorter than the
 * regex allows, never absent from a text the regex matches. Literals are lowercased (ASCII only, where lowercasing
 * keeps lengths and positions), as the engine scans lowercased values.
 */

/** A part of a pattern: the exact strings it matches (null: too many or unknown) and what it needs (null: nothing). */
interface Part {
  readonly exact: readonly string[] | null;
  readonly needs: readonly string[] | null;
}

const NOTHING: Part = { exact: null, needs: null };
const EMPTY: Part = { exact: [''], needs: null };
/** Exact sets are kept up to this many strings of this length. */
const MAX_EXACT = 16;
const MAX_EXACT_LENGTH = 64;
/** Literals shorter than this are too common to prefilter with. */
const MIN_LITERAL = 3;

/** How selective a set of alternatives is (lower is better): short literals are common. */
function weight(set: readonly string[]): number {
  let w = 0;
  for (const s of set) w += 2 ** -Math.min(s.length, 30);
  return w;
}

function usable(set: readonly string[] | null): set is readonly string[] {
  return set !== null && set.length > 0 && set.every((s) => s.length >= MIN_LITERAL);
}

function better(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  if (!usable(b)) return usable(a) ? a : null;
  if (!usable(a)) return b;
  return weight(b) < weight(a) ? b : a;
}

/** The best needed set of a part: its own needs or, if better, its exact strings. */
function best(p: Part): readonly string[] | null {
  return better(p.needs, p.exact);
}

function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out: string[] = [];
  for (const x of a)
    for (const y of b) {
      if (x.length + y.length > MAX_EXACT_LENGTH) return null;
      out.push(x + y);
    }
  return [...new Set(out)];
}

function concat(parts: readonly Part[]): Part {
  let needs: readonly string[] | null = null;
  let run: readonly string[] | null = [''];
  let whole = true; // the run spells the whole sequence so far (its exact strings)
  for (const p of parts) {
    const joined: string[] | null = run !== null && p.exact !== null ? cross(run, p.exact) : null;
    if (joined !== null) {
      run = joined;
      continue;
    }
    // The run ends here: what it spelled is needed, and so is what this part needs.
    if (run !== null) needs = better(needs, run);
    needs = better(needs, best(p));
    run = p.exact;
    whole = false;
  }
  if (run !== null) needs = better(needs, run);
  return { exact: whole ? run : null, needs };
}

function alternate(branches: readonly Part[]): Part {
  const exact: string[] = [];
  let exactKnown = true;
  const needs: string[] = [];
  let needsKnown = true;
  for (const b of branches) {
    if (b.exact === null) exactKnown = false;
    else exact.push(...b.exact);
    const n = best(b);
    if (n === null) needsKnown = false;
    else needs.push(...n);
  }
  const set = [...new Set(exact)];
  return {
    exact: exactKnown && set.length <= MAX_EXACT ? set : null,
    needs: needsKnown ? [...new Set(needs)] : null,
  };
}

/** Pattern reader; `fail` stops it on anything it does not follow (the pattern then needs nothing). */
class Reader {
  i = 0;
  constructor(readonly p: string) {}

  alternation(): Part {
    const branches = [this.sequence()];
    while (this.p[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Part) : alternate(branches);
  }

  sequence(): Part {
    const parts: Part[] = [];
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') parts.push(this.quantified(this.atom()));
    return concat(parts);
  }

  /** An atom with its quantifier, if any. */
  quantified(atom: Part): Part {
    const c = this.p[this.i];
    let min: number;
    if (c === '*' || c === '?') {
      this.i++;
      min = 0;
    } else if (c === '+') {
      this.i++;
      min = 1;
    } else if (c === '{' && /^\{\d*(,\d*)?\}/.test(this.p.slice(this.i))) {
      const m = /^\{(\d*)(,\d*)?\}/.exec(this.p.slice(this.i)) as RegExpExecArray;
      this.i += m[0].length;
      min = m[1] === '' ? 0 : Number(m[1]);
    } else return atom;
    if (this.p[this.i] === '?' || this.p[this.i] === '+') this.i++; // lazy, possessive
    // Repeated at least once: it still needs what it needs, but its exact strings are no longer known.
    return min === 0 ? NOTHING : { exact: null, needs: best(atom) };
  }

  atom(): Part {
    const c = this.p[this.i] as string;
    if (c === '(') return this.group();
    if (c === '[') {
      this.skipClass();
      return NOTHING;
    }
    if (c === '.') {
      this.i++;
      return NOTHING;
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Error('quantifier without an atom');
    this.i++;
    return literal(c);
  }

  group(): Part {
    this.i++; // (
    if (this.p[this.i] === '?') {
      const rest = this.p.slice(this.i);
      const named = /^\?(P?<[A-Za-z_]\w*>|:)/.exec(rest);
      const flags = /^\?[imsU-]*(\)|:)/.exec(rest);
      if (named) this.i += named[0].length;
      else if (flags) {
        this.i += flags[0].length;
        if (flags[1] === ')') return EMPTY; // (?i): flags for what follows
      } else throw new Error('group kind not followed'); // lookaround, comments, (?x) …
    }
    const inner = this.alternation();
    if (this.p[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    return inner;
  }

  skipClass(): void {
    this.i++; // [
    if (this.p[this.i] === '^') this.i++;
    if (this.p[this.i] === ']') this.i++;
    while (this.i < this.p.length && this.p[this.i] !== ']') this.i += this.p[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.p.length) throw new Error('unclosed class');
    this.i++;
  }

  escape(): Part {
    const c = this.p[this.i + 1];
    if (c === undefined) throw new Error('trailing backslash');
    this.i += 2;
    if (c === 'Q') {
      const end = this.p.indexOf('\\E', this.i);
      const text = end === -1 ? this.p.slice(this.i) : this.p.slice(this.i, end);
      this.i = end === -1 ? this.p.length : end + 2;
      return concat([...text].map(literal));
    }
    if (c === 'x') {
      const m = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.p.slice(this.i));
      if (!m) throw new Error('bad \\x');
      this.i += m[0].length;
      return literal(String.fromCodePoint(parseInt((m[1] ?? m[2]) as string, 16)));
    }
    if (c === 't') return literal('\t');
    if (c === 'n') return literal('\n');
    if (c === 'r') return literal('\r');
    if (c === 'b' || c === 'B' || c === 'A' || c === 'z' || c === 'Z') return EMPTY;
    if (/[A-Za-z0-9]/.test(c)) return NOTHING; // \d \w \s \p{…} \1 …: classes, references
    return literal(c);
  }
}

/** A literal character: lowercased if ASCII; any other character is followed no further (it needs nothing). */
function literal(c: string): Part {
  if (c.length !== 1 || c.charCodeAt(0) > 127) return NOTHING;
  return { exact: [c.toLowerCase()], needs: null };
}

/**
 * Literals (lowercased, at least three characters) one of which occurs in every text the pattern matches, or
 * undefined when the pattern needs none that this reading can tell.
 */
export function regexLiterals(pattern: string): string[] | undefined {
  try {
    const reader = new Reader(pattern);
    const part = reader.alternation();
    if (reader.i !== pattern.length) return undefined; // an unbalanced ')'
    const needs = best(part);
    return needs === null ? undefined : [...needs];
  } catch {
    return undefined;
  }
}
