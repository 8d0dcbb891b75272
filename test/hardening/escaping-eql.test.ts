/**
 * Issue 10, EQL: a rule value can never break out of its string literal, and every literal the eql backend
 * writes denotes exactly the value the rule meant. Random hostile values go through each modifier inside a real
 * rule (built as JSON, which is YAML); the query `createConverter({ target: 'eql', pipelines: ['ecs_windows'] })`
 * emits must pass the EQL checker that follows Elasticsearch's grammar (`validateEql`), and is read back with
 * its syntax tree (`parseEql`): every STRING token stands under a predicate or comparison, its value is what
 * Elasticsearch's unquoting gives (`eqlStringValue`), and operator plus value mean exactly the Sigma value:
 * - `:` `like~` `like` are wildcard patterns where `*` and `?` are always wildcards (Elasticsearch's LIKE
 *   pattern has no escape character), so a literal `*`/`?` of the value must never appear there;
 * - `==` `in~` `in` compare exact text; `regex~` `regex` are Lucene regular expressions (whole-value match).
 * `~` means case-insensitive. Bounded: a fixed seed and a few hundred runs per property.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createConverter } from '../../src/index.js';
import { eqlStringValue, lexEql, parseEql, validateEql } from '../support/eql/validate.js';
import type { Expr } from '../support/eql/ast.js';
import {
  ANY,
  ONE,
  expectSameMeanings,
  globOfWildcardPattern,
  meaning,
  onlyQuery,
  outcomeOf,
  params,
  regexPattern,
  ruleText,
  selection,
  sigmaGlob,
  txt,
  type Outcome,
  type Tok,
  listProperties,
  stringModeProperties,
  type TargetMeanings,
} from './escaping-support.js';

const RUNS = 300;
const FIELD = 'process.command_line';

// ───────────────────────────── reading EQL back ─────────────────────────────

interface EqlLiteral {
  /** `:`, `like~`, `in~`, `==`, `regex~` … */
  readonly op: string;
  readonly subject: string;
  readonly text: string;
  /** The value Elasticsearch gives the literal (undefined: it would reject it). */
  readonly value: string | undefined;
}
interface EqlReading {
  readonly literals: EqlLiteral[];
  readonly stringTokens: number;
  readonly logical: Set<string>;
}

function subjectText(e: Expr): string {
  return e.type === 'field' ? e.segments.map((s) => s.text).join('.') : `<${e.type}>`;
}

function readEql(query: string): EqlReading {
  const parsed = parseEql(query);
  if (!parsed.ok) throw new Error(`${parsed.message} in ${JSON.stringify(query)}`);
  const { query: q } = parsed.statement;
  if (q.type !== 'event') throw new Error(`not an event query: ${q.type}`);
  const literals: EqlLiteral[] = [];
  const logical = new Set<string>();
  const push = (op: string, subject: Expr, value: Expr): void => {
    if (value.type === 'literal' && value.token.kind === 'STRING') {
      literals.push({ op, subject: subjectText(subject), text: value.token.text, value: eqlStringValue(value.token.text) });
    }
  };
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'and':
      case 'or':
        logical.add(e.type);
        walk(e.left);
        walk(e.right);
        return;
      case 'not':
        logical.add('not');
        walk(e.operand);
        return;
      case 'paren':
        walk(e.expr);
        return;
      case 'predicate':
        if (e.negated) logical.add('not');
        for (const v of e.values) push(e.kind, e.subject, v);
        return;
      case 'comparison':
        push(e.op, e.left, e.right);
        return;
      default:
        logical.add(e.type);
    }
  };
  walk(q.filter.condition);
  const stringTokens = lexEql(query).tokens.filter((t) => t.kind === 'STRING').length;
  return { literals, stringTokens, logical };
}

const LUCENE_RESERVED = '.?+*|{}[]()"\\#@&<>~';

/**
 * The pattern a Lucene regular expression written for a wildcard value stands for: `.*` any, `.` one, `\x` the
 * character x; the whole value must match, so there are no anchors. Undefined when a reserved character stands
 * unescaped anywhere else (a value character that reached the regex engine as syntax).
 */
function globOfLuceneRegex(re: string): Tok[] | undefined {
  const glob: Tok[] = [];
  for (let i = 0; i < re.length; i++) {
    const c = re.charAt(i);
    if (c === '\\') {
      const next = re.charAt(i + 1);
      if (next === '' || /[A-Za-z0-9]/.test(next)) return undefined;
      glob.push(txt(next));
      i++;
    } else if (c === '.') {
      if (re.charAt(i + 1) === '*') {
        glob.push(ANY);
        i++;
      } else glob.push(ONE);
    } else if (LUCENE_RESERVED.includes(c)) return undefined;
    else glob.push(txt(c));
  }
  return glob;
}

const EQL_OPS: Readonly<Record<string, (v: string) => string | undefined>> = {
  ':': (v) => meaning(globOfWildcardPattern(v), false),
  'like~': (v) => meaning(globOfWildcardPattern(v), false),
  like: (v) => meaning(globOfWildcardPattern(v), true),
  'in~': (v) => meaning([txt(v)], false),
  in: (v) => meaning([txt(v)], true),
  '==': (v) => meaning([txt(v)], true),
  'regex~': (v) => {
    const g = globOfLuceneRegex(v);
    return g && meaning(g, false);
  },
  regex: (v) => {
    const g = globOfLuceneRegex(v);
    return g && meaning(g, true);
  },
};

function literalMeaning(l: EqlLiteral): string {
  if (l.value === undefined) return `literal Elasticsearch rejects: ${l.text}`;
  const op = EQL_OPS[l.op];
  if (!op) return `unexpected operator '${l.op}'`;
  return op(l.value) ?? `unreadable regex ${JSON.stringify(l.value)}`;
}

// ───────────────────────────── the checks ─────────────────────────────

const converter = createConverter({ target: 'eql', pipelines: ['ecs_windows'] });
const convert = (text: string): Outcome => outcomeOf(converter, text);

function checkedReading(query: string, subject: string): EqlReading {
  const validity = validateEql(query);
  expect(validity.ok ? 'valid' : validity.message, query).toBe('valid');
  const reading = readEql(query);
  expect(reading.literals.length, `string literals outside a comparison in ${JSON.stringify(query)}`).toBe(reading.stringTokens);
  for (const l of reading.literals) expect(l.subject, query).toBe(subject);
  return reading;
}

function expectMeanings(outcome: Outcome, expected: readonly string[], join: 'or' | 'and', subject = FIELD): void {
  const query = onlyQuery(outcome);
  const reading = checkedReading(query, subject);
  expectSameMeanings(reading.literals.map(literalMeaning), expected, query);
  expect(reading.logical.has('not'), query).toBe(false);
  expect(reading.logical.has(join === 'or' ? 'and' : 'or'), query).toBe(false);
}

/**
 * What an EQL regex literal's value must be for a rule's regex: the pattern as written, except that the escapes
 * `\n \t \r \f \'` are the characters they match (Lucene has no such escapes: `\n` would be the letter n).
 */
function eqlRegexValue(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    const next = pattern.charAt(i + 1);
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', "'": "'" };
    if (c === '\\' && next in simple) {
      out += simple[next];
      i++;
    } else if (c === '\\' && next !== '') {
      out += c + next;
      i++;
    } else out += c;
  }
  return out;
}

describe('EQL string literals denote exactly the rule value (Elasticsearch grammar)', () => {
  const meanings: TargetMeanings<string> = {
    convert,
    expected: (glob, cased) => meaning(glob, cased),
    check: (outcome, expected, join, keyword) => expectMeanings(outcome, expected, join, keyword ? 'message' : FIELD),
    runs: RUNS,
  };
  stringModeProperties(meanings);
  listProperties(meanings, 'in the message field');

  it('re (with i, s flags): the literal is the pattern as written; an invalid pattern or `m` is a SigmaError', () => {
    fc.assert(
      fc.property(regexPattern, fc.constantFrom('', '|i', '|s', '|i|s', '|m'), (pattern, modifiers) => {
        const outcome = convert(ruleText(selection(`CommandLine|re${modifiers}`, pattern)));
        if (!outcome.ok) {
          expect(modifiers === '|m' ? ['value', 'unsupported'] : ['value']).toContain(outcome.error.code);
          return;
        }
        expect(modifiers).not.toBe('|m');
        const reading = checkedReading(onlyQuery(outcome), FIELD);
        expect(reading.literals.map((l) => [l.op, l.value])).toEqual([['regex~', eqlRegexValue(pattern)]]);
      }),
      params(RUNS),
    );
  });
});

describe('EQL: the named tricky values', () => {
  const one = (modifiers: string, raw: string, shape: (g: Tok[]) => Tok[], cased = false): void =>
    expectMeanings(convert(ruleText(selection(`CommandLine${modifiers}`, raw))), [meaning(shape(sigmaGlob(raw)), cased)], 'or');
  it('a trailing backslash before the closing quote', () => one('', 'C:\\Windows\\', (g) => g));
  it('a trailing backslash before a `*` wildcard (`C:\\Temp\\*`)', () => one('|startswith', 'C:\\Temp\\', (g) => [...g, ANY]));
  it('a backslash before a quote in the value', () => one('', 'say \\"hi\\"', (g) => g));
  it('a pipe inside the value cannot start an EQL pipe', () => one('|contains', '" | head 1 | "', (g) => [ANY, ...g, ANY]));
  it('a literal `*` in a contains value is never a wildcard (a regex instead)', () => one('|contains', 'a\\*b', (g) => [ANY, ...g, ANY]));
  it('a literal `?` in a plain value is compared exactly', () => one('', 'what\\?', (g) => g));
  it('a literal `*` in a cased value with a wildcard', () => one('|cased', 'x\\**', (g) => g, true));
  it('triple quotes, NUL, a line break and an astral character survive', () => one('', '"""a\u0000b\nc😀', (g) => g));
});

describe('the EQL oracle itself', () => {
  it('reads `:` patterns with `*`/`?` as wildcards, so a literal `*` there would not pass', () => {
    const [l] = readEql('any where f : "a*"').literals;
    expect(l && literalMeaning(l)).toBe(meaning([txt('a'), ANY], false));
    expect(l && literalMeaning(l)).not.toBe(meaning([txt('a*')], false));
  });
  it('refuses a Lucene regex with an unescaped reserved character', () => {
    expect(globOfLuceneRegex('a|b')).toBeUndefined();
    expect(globOfLuceneRegex('a\\|b.*')).toEqual([txt('a'), txt('|'), txt('b'), ANY]);
  });
  it('counts a string literal that sits under no comparison', () => {
    const reading = readEql('any where f == "a" and length("b") > 1');
    expect([reading.literals.length, reading.stringTokens]).toEqual([1, 2]);
  });
});
