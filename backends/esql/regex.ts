/**
 * A Sigma regular expression (PCRE flavour, searched anywhere in the value) as a Lucene regular expression, the
 * syntax of ES|QL's `RLIKE`, which must match the whole value. Written from Elasticsearch's documented Lucene
 * syntax: `. ? + * | { } [ ] ( ) " \` are operators (and `# @ & < > ~` with optional flags), a backslash makes
 * any character literal, `[…]`/`[^…]` are classes with ranges, `{n}`/`{n,}`/`{n,m}` repeat; there are no anchors,
 * no lookaround, no back-references, no inline flags, and `.` matches every character, line breaks included.
 *
 * The translation is exact or refused (`RegexTranslationError`, which the dialect turns into a located
 * `unsupported` error):
 * - unanchored search: `.*` before and after; `^`/`$` only at the start/end of a top-level alternative
 *   (`$` is the end of the value, as in RE2, the evaluator's engine; with `m`, any line start/end);
 * - `.` is `[^\n]` unless the `s` flag is set; `\d \w \s` (and their negations) are spelled out as classes;
 * - the `i` flag (or a leading `(?i)`) spells each letter in both cases (`[aA]`);
 * - lazy quantifiers are dropped (whole-value matching does not depend on them); non-capturing and named groups
 *   become plain groups; every literal character that is not a letter or digit is escaped.
 */

export class RegexTranslationError extends Error {}

export interface LuceneFlags {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

const DIGITS: readonly [number, number][] = [[0x30, 0x39]];
const WORD: readonly [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: readonly [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
];

/** One code point as a Lucene literal: letters and digits as they are, everything else escaped. */
function literal(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return /^[A-Za-z0-9]$/.test(ch) || cp > 0x7f ? ch : `\\${ch}`;
}

/** The other-case partners of a code point (one code point each), for the `i` flag. */
function caseVariants(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const out = new Set<number>([cp]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if ([...v].length === 1) out.add(v.codePointAt(0) as number);
  return [...out];
}

function classText(ranges: readonly [number, number][], negated: boolean): string {
  const body = ranges.map(([lo, hi]) => (lo === hi ? literal(lo) : `${literal(lo)}-${literal(hi)}`)).join('');
  return `[${negated ? '^' : ''}${body}]`;
}

function withCaseVariants(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [...ranges];
  for (const [lo, hi] of ranges) {
    if (hi - lo > 0x3000) throw new RegexTranslationError('a character range too wide to spell in both cases (flag i)');
    for (let cp = lo; cp <= hi; cp++) for (const v of caseVariants(cp)) if (v < lo || v > hi) out.push([v, v]);
  }
  return out;
}

interface Item {
  /** Offset of the item in the pattern (for errors). */
  readonly at: number;
  readonly group: Alternative[] | undefined;
  readonly atom: string | undefined;
  /** The item's quantifiers, each after a NUL; '' when it has none. */
  readonly quantified: string;
}
interface Alternative {
  readonly start: boolean;
  readonly end: boolean;
  readonly items: readonly Item[];
}

class Translator {
  private i = 0;
  private readonly cps: number[];

  constructor(
    pattern: string,
    private readonly flags: LuceneFlags,
  ) {
    this.cps = [...pattern].map((c) => c.codePointAt(0) as number);
  }

  private peek(offset = 0): string {
    const cp = this.cps[this.i + offset];
    return cp === undefined ? '' : String.fromCodePoint(cp);
  }

  private fail(what: string): never {
    throw new RegexTranslationError(`${what} (at offset ${this.i} of the regular expression)`);
  }

  /** The whole pattern: its alternatives rendered at both ends of the value. */
  translate(): string {
    const alternatives = this.alternatives();
    if (this.i < this.cps.length) this.fail(this.peek() === ')' ? "an unbalanced ')'" : `'${this.peek()}' here`);
    const rendered = alternatives.map((a) => this.render(a, true, true));
    return rendered.length === 1 ? (rendered[0] as string) : rendered.map((a) => `(${a})`).join('|');
  }

  /** Alternatives up to a `)` or the end, each with its leading `^` and trailing `$` noted. */
  private alternatives(): Alternative[] {
    const out: Alternative[] = [];
    for (;;) {
      const start = this.peek() === '^';
      if (start) this.i++;
      const items: Item[] = [];
      let end = false;
      while (this.i < this.cps.length) {
        const c = this.peek();
        if (c === '|' || c === ')') break;
        if (c === '$' && (this.peek(1) === '' || this.peek(1) === '|' || this.peek(1) === ')')) {
          end = true;
          this.i++;
          break;
        }
        const at = this.i;
        const group = c === '(' ? this.group() : undefined;
        const atom = group ? undefined : this.atom();
        const quantified = this.quantifiers();
        items.push({ at, group, atom, quantified });
      }
      out.push({ start, end, items });
      if (this.peek() !== '|') return out;
      this.i++;
    }
  }

  /**
   * An alternative as Lucene text. `first`/`last`: it stands at the start/end of the value, so it supplies the
   * unanchored `.*` there — or, where it is anchored, what its anchor means; an anchor anywhere else is refused.
   */
  private render(alt: Alternative, first: boolean, last: boolean): string {
    const where = (what: string) => `the anchor '${what}' inside the pattern: Lucene regular expressions have no anchors`;
    if (alt.start && !first) this.failAt(alt.items[0]?.at ?? this.i, where('^'));
    if (alt.end && !last) this.failAt(alt.items[alt.items.length - 1]?.at ?? this.i, where('$'));
    const nl = literal(10);
    const n = alt.items.length;
    const delegatesStart = first && !alt.start && n > 0 && alt.items[0]?.group !== undefined && alt.items[0]?.quantified === '';
    const delegatesEnd = last && !alt.end && n > 0 && alt.items[n - 1]?.group !== undefined && alt.items[n - 1]?.quantified === '';
    const body = alt.items
      .map((item, k) => {
        const text = item.group
          ? `(${item.group.map((g) => this.render(g, delegatesStart && k === 0, delegatesEnd && k === n - 1)).join('|')})`
          : (item.atom as string);
        return item.quantified === '' ? text : this.applyQuantifiers(text, item.quantified);
      })
      .join('');
    const prefix = !first || delegatesStart ? '' : alt.start ? (this.flags.multiline ? `(.*${nl})?` : '') : '.*';
    const suffix = !last || delegatesEnd ? '' : alt.end ? (this.flags.multiline ? `(${nl}.*)?` : '') : '.*';
    const text = `${prefix}${body}${suffix}`;
    return text === '' ? '()' : text;
  }

  private failAt(at: number, what: string): never {
    this.i = at;
    return this.fail(what);
  }

  /** The quantifiers after an atom, as written for Lucene (lazy ones dropped); '' when there are none. */
  private quantifiers(): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      let q: string | undefined;
      if (c === '*' || c === '+' || c === '?') {
        q = c;
        this.i++;
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest());
        if (!m) return out; // PCRE: a '{' that starts no repetition is a literal '{' (the next atom)
        q = m[0];
        this.i += m[0].length;
      }
      if (q === undefined) return out;
      if (this.peek() === '?')
        this.i++; // lazy: same whole-value match
      else if (this.peek() === '+') this.fail('a possessive quantifier');
      out += `\u0000${q}`;
    }
  }

  /** An atom (always one Lucene unit: a literal, a class or a group) with its quantifiers. */
  private applyQuantifiers(atom: string, quantifiers: string): string {
    let out = atom;
    quantifiers
      .split('\u0000')
      .slice(1)
      .forEach((q, k) => {
        out = k === 0 ? `${out}${q}` : `(${out})${q}`;
      });
    return out;
  }

  private rest(): string {
    return this.cps
      .slice(this.i)
      .map((cp) => String.fromCodePoint(cp))
      .join('');
  }

  private letter(cp: number): string {
    if (!this.flags.ignoreCase) return literal(cp);
    const variants = caseVariants(cp);
    return variants.length === 1 ? literal(cp) : `[${variants.map(literal).join('')}]`;
  }

  private atom(): string {
    const c = this.peek();
    switch (c) {
      case '[':
        return this.characterClass();
      case '.':
        this.i++;
        return this.flags.dotAll ? '.' : `[^${literal(10)}]`;
      case '^':
        return this.fail("the anchor '^' inside the pattern: Lucene regular expressions have no anchors");
      case '$':
        return this.fail("the anchor '$' inside the pattern: Lucene regular expressions have no anchors");
      case '*':
      case '+':
      case '?':
        return this.fail(`a quantifier '${c}' with nothing to repeat`);
      case '\\':
        return this.escape(false);
      default: {
        const cp = this.cps[this.i++] as number;
        return this.letter(cp);
      }
    }
  }

  private group(): Alternative[] {
    this.i++; // (
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') this.i += 2;
      else if (next === '=' || next === '!') this.fail('lookahead');
      else if (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!')) this.fail('lookbehind');
      else if (next === '<' || next === "'" || (next === 'P' && this.peek(2) === '<')) {
        const m = /^\?P?[<'][A-Za-z_][A-Za-z0-9_]*[>']/.exec(this.rest());
        if (!m) this.fail('a malformed group name');
        this.i += m[0].length;
      } else this.fail('an inline flag group or other (?…) construct');
    }
    const alternatives = this.alternatives();
    if (this.peek() !== ')') this.fail("a '(' without its ')'");
    this.i++;
    return alternatives;
  }

  /** An escape outside (`inClass` false) or inside a class; in a class the result is a list of ranges. */
  private escape(inClass: false): string;
  private escape(inClass: true): [number, number][] | 'negated';
  private escape(inClass: boolean): string | [number, number][] | 'negated' {
    this.i++; // backslash
    const c = this.peek();
    if (c === '') this.fail('a trailing backslash');
    this.i++;
    const shorthand = { d: DIGITS, w: WORD, s: SPACE }[c.toLowerCase()];
    if (shorthand && /[dwsDWS]/.test(c)) {
      const negated = c !== c.toLowerCase();
      if (inClass) return negated ? 'negated' : [...shorthand];
      return classText(shorthand, negated);
    }
    let cp: number | undefined;
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, v: 11, e: 27, a: 7, '0': 0 };
    if (c in simple && !(c === '0' && /[0-7]/.test(this.peek()))) cp = simple[c];
    else if (c === 'x') {
      const m = /^(\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.rest());
      if (!m) this.fail('a malformed \\x escape');
      cp = parseInt((m[2] ?? m[3]) as string, 16);
      this.i += m[0].length;
    } else if (c === 'u') {
      const m = /^[0-9A-Fa-f]{4}/.exec(this.rest());
      if (!m) this.fail('a malformed \\u escape');
      cp = parseInt(m[0], 16);
      this.i += 4;
    } else if (/[A-Za-z0-9]/.test(c)) {
      const what: Record<string, string> = {
        b: 'the word boundary \\b',
        B: 'the non-boundary \\B',
        A: 'the anchor \\A',
        z: 'the anchor \\z',
        Z: 'the anchor \\Z',
        G: 'the anchor \\G',
        Q: 'a \\Q…\\E quotation',
        p: 'a Unicode property \\p',
        P: 'a Unicode property \\P',
        k: 'a named back-reference',
      };
      this.fail(what[c] ?? (/[1-9]/.test(c) ? 'a back-reference' : `the escape \\${c}`));
    } else cp = c.codePointAt(0) as number;
    if (inClass) return [[cp as number, cp as number]];
    return this.letter(cp as number);
  }

  private classMember(): number {
    const c = this.peek();
    if (c === '\\') {
      const r = this.escape(true);
      if (r === 'negated' || r.length !== 1 || (r[0] as [number, number])[0] !== (r[0] as [number, number])[1])
        this.fail('a class shorthand as a range end');
      return (r[0] as [number, number])[0];
    }
    return this.cps[this.i++] as number;
  }

  private characterClass(): string {
    this.i++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const ranges: [number, number][] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === '') this.fail("a '[' without its ']'");
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (c === '[' && this.peek(1) === ':') this.fail('a POSIX class [:…:]');
      if (c === '\\') {
        const save = this.i;
        const r = this.escape(true);
        if (r === 'negated') this.fail('a negated shorthand (\\D, \\W, \\S) inside a class');
        if (r.length === 1 && this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
          this.i = save;
        } else {
          ranges.push(...r);
          continue;
        }
      }
      const lo = this.classMember();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.i++;
        const hi = this.classMember();
        if (hi < lo) this.fail('a range out of order');
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    const all = this.flags.ignoreCase ? withCaseVariants(ranges) : ranges;
    return classText(all, negated);
  }
}

/** `pattern` (with its Sigma flags) as a Lucene regular expression that matches a whole value exactly when the
 * Sigma regex finds a match in it; throws RegexTranslationError for what Lucene cannot express. */
export function luceneRegex(pattern: string, flags: LuceneFlags): string {
  let p = pattern;
  let f = flags;
  const inline = /^\(\?([imsx]+)\)/.exec(p);
  if (inline) {
    const letters = inline[1] as string;
    if (letters.includes('x')) throw new RegexTranslationError("the inline flag 'x' (extended)");
    f = {
      ignoreCase: f.ignoreCase || letters.includes('i'),
      multiline: f.multiline || letters.includes('m'),
      dotAll: f.dotAll || letters.includes('s'),
    };
    p = p.slice(inline[0].length);
  }
  return new Translator(p, f).translate();
}
