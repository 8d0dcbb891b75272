/**
 * Issue 18, ES|QL: a rule value can never break out of its string literal, and every literal the esql backend
 * writes denotes exactly the value the rule meant. Random hostile values (quotes, backslashes, `*`, `?`, `%`, `_`,
 * line breaks, unicode) go through every modifier inside a real rule; the query must be accepted by the checker
 * generated from Elasticsearch's ES|QL grammar, and is read back through its syntax tree: each QUOTED_STRING
 * stands in a comparison (`==`), a pattern (`LIKE`, `RLIKE`) or an `IN` list, its value is what Elasticsearch's
 * unquoting gives (`esqlStringValue`), and operator plus value mean exactly the Sigma value:
 * - `LIKE` patterns have the wildcards `*`, `?` and the escape `\` (`likePatternParts`);
 * - against `TO_LOWER(field)` the literal must be lower-case and the match is case-insensitive; against the bare
 *   field it is case-sensitive, which is right only for `cased` values or text without cased letters.
 * Regexes: the RLIKE literal's value is the Lucene translation, and that translation matches (as a whole-value
 * match) exactly the texts the rule's regex finds a match in (re2js, the evaluator's engine), on random texts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { createConverter } from '../../src/index.js';
import { luceneRegex, RegexTranslationError } from '../../backends/esql/regex.js';
import { ComparisonContext, LogicalInContext, RegexBooleanExpressionContext } from '../support/esql/generated/EsqlBaseParser.js';
import { esqlStringValue, likePatternParts, parseEsql } from '../support/esql/validate.js';
import type { ParserRuleContext, ParseTree } from 'antlr4ng';
import {
  ANY,
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

const RUNS = 100;
const FIELD = 'process.command_line';

interface EsqlLiteral {
  readonly op: 'LIKE' | 'RLIKE' | '==' | 'IN';
  readonly subject: string;
  readonly value: string;
}

/** Every string literal of a query with its operator and subject; the count of QUOTED_STRING tokens besides. */
function readEsql(query: string): { literals: EsqlLiteral[]; strings: number; text: string } {
  const parsed = parseEsql(query);
  if (!parsed.ok) throw new Error(`${parsed.message} in ${JSON.stringify(query)}`);
  const literals: EsqlLiteral[] = [];
  const string = (ctx: ParserRuleContext | null): string | undefined => {
    const t = ctx && parsed.source(ctx);
    return t && /^"/.test(t) ? esqlStringValue(t) : undefined;
  };
  const walk = (node: ParseTree): void => {
    if (node instanceof RegexBooleanExpressionContext) {
      const value = string(node.string());
      if (value !== undefined)
        literals.push({ op: node.RLIKE() ? 'RLIKE' : 'LIKE', subject: parsed.source(node.valueExpression()), value });
    } else if (node instanceof ComparisonContext && parsed.source(node.comparisonOperator()) === '==') {
      const value = string(node.operatorExpression(1));
      if (value !== undefined) literals.push({ op: '==', subject: parsed.source(node.operatorExpression(0) as ParserRuleContext), value });
    } else if (node instanceof LogicalInContext) {
      const [subject, ...items] = node.valueExpression();
      for (const item of items) {
        const value = string(item);
        if (value !== undefined) literals.push({ op: 'IN', subject: parsed.source(subject as ParserRuleContext), value });
      }
    }
    for (let i = 0; i < node.getChildCount(); i++) walk(node.getChild(i) as ParseTree);
  };
  walk(parsed.tree);
  return { literals, strings: parsed.tokens.filter((t) => t.type === 'QUOTED_STRING').length, text: query };
}

const lowerGlob = (g: readonly Tok[]): Tok[] => g.map((t) => (t.t === 'text' ? txt(t.s.toLowerCase()) : t));

/** What the value must mean: cased as written, else case-insensitive (compared lower-cased). */
const expectedMeaning = (glob: readonly Tok[], cased: boolean): string => (cased ? meaning(glob, true) : meaning(lowerGlob(glob), false));

function literalMeaning(l: EsqlLiteral, field: string): string {
  const lowered = l.subject === `TO_LOWER(${field})`;
  if (!lowered && l.subject !== field) return `unexpected subject ${l.subject}`;
  if (lowered && l.value !== l.value.toLowerCase()) return `upper-case letters against TO_LOWER: ${JSON.stringify(l.value)}`;
  let glob: Tok[];
  if (l.op === 'LIKE') {
    const parts = likePatternParts(l.value);
    if (!parts) return `LIKE pattern ending in a lone backslash: ${JSON.stringify(l.value)}`;
    glob = parts.map((p) => (typeof p === 'string' ? txt(p) : p.wildcard === '*' ? ANY : { t: 'one' }));
  } else if (l.op === '==' || l.op === 'IN') glob = [txt(l.value)];
  else return `unexpected RLIKE for a string value`;
  return meaning(glob, !lowered);
}

const converter = createConverter({ target: 'esql', pipelines: ['ecs_windows'] });
const convert = (text: string): Outcome => outcomeOf(converter, text);

function expectMeanings(outcome: Outcome, expected: readonly string[], join: 'or' | 'and', field = FIELD): void {
  const query = onlyQuery(outcome);
  const reading = readEsql(query);
  expect(reading.literals.length, `string literals outside a comparison in ${JSON.stringify(query)}`).toBe(reading.strings);
  expect([...reading.literals.map((l) => literalMeaning(l, field))].sort(), query).toEqual([...expected].sort());
  const where = query.slice(query.indexOf(' | WHERE ') + 9);
  expect(/\bNOT\b/.test(where.replace(/"(?:[^"\\]|\\.)*"/g, '""')), query).toBe(false);
  if (expected.length > 1 && join === 'and') expect(where.replace(/"(?:[^"\\]|\\.)*"/g, '""'), query).not.toMatch(/\bOR\b/);
}

describe('ES|QL string literals denote exactly the rule value (Elasticsearch grammar)', () => {
  const meanings: TargetMeanings<string> = {
    convert,
    expected: (glob, cased) => expectedMeaning(glob, cased),
    check: (outcome, expected, join, keyword) => expectMeanings(outcome, expected, join, keyword ? 'message' : FIELD),
    runs: RUNS,
  };
  stringModeProperties(meanings);
  listProperties(meanings, 'in the message field');
});

// ───────────────────────────── regular expressions ─────────────────────────────

const SYNTAX = '^$\\.*+?()[]{}|/';

/** The Lucene regex the translator writes, as a JS regex (u flag) matching whole values. */
function luceneAsJs(lucene: string): RegExp {
  let out = '';
  const chars = [...lucene];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\') {
      const next = chars[++i] as string;
      out += SYNTAX.includes(next) ? `\\${next}` : `\\u{${(next.codePointAt(0) as number).toString(16)}}`;
    } else if (c === '.') out += '[^]';
    else out += c;
  }
  return new RegExp(`^(?:${out})$`, 'u');
}

const sample = fc.array(fc.constantFrom('a', 'A', 'x', 'y', '"', '\\', '.', '\n', '\t', 'é', 'É', '😀', '1', '{', '}', '*', ' '), {
  maxLength: 10,
});

describe('ES|QL regexes: RLIKE gets exactly the Lucene translation, which matches what the rule regex finds', () => {
  it('re, re|i, re|s, re|m: literal exact, and same matches as re2js on random texts (or a located refusal)', () => {
    fc.assert(
      fc.property(
        regexPattern,
        fc.constantFrom('', '|i', '|s', '|m', '|i|s'),
        fc.array(sample, { maxLength: 12 }),
        (pattern, modifiers, texts) => {
          const outcome = convert(ruleText(selection(`CommandLine|re${modifiers}`, pattern)));
          const flags = { ignoreCase: modifiers.includes('i'), multiline: modifiers.includes('m'), dotAll: modifiers.includes('s') };
          if (!outcome.ok) {
            expect(['value', 'unsupported'], outcome.error.message).toContain(outcome.error.code);
            return;
          }
          const reading = readEsql(onlyQuery(outcome));
          expect(reading.literals.length).toBe(reading.strings);
          const lucene = luceneRegex(pattern, flags);
          expect(reading.literals.map((l) => [l.op, l.subject, l.value])).toEqual([['RLIKE', FIELD, lucene]]);
          let re2: RE2JS;
          try {
            re2 = RE2JS.compile(
              pattern,
              (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : 0) | (flags.dotAll ? RE2JS.DOTALL : 0),
            );
          } catch {
            return; // a pattern RE2 does not take: no reference semantics to compare with
          }
          const js = luceneAsJs(lucene);
          for (const t of texts.map((s) => s.join('')))
            expect(js.test(t), `${JSON.stringify(pattern)} → ${lucene} on ${JSON.stringify(t)}`).toBe(re2.test(t));
        },
      ),
      params(RUNS),
    );
  });

  it.each([
    ['(?=x)a', /lookahead/],
    ['(?<!x)a', /lookbehind/],
    ['a^b', /anchor '\^'/],
    ['a$b', /anchor '\$'/],
    ['\\bword', /word boundary/],
    ['(a)\\1', /back-reference/],
  ])('refuses %s with a located reason', (pattern, reason) => {
    expect(() => luceneRegex(pattern, { ignoreCase: false, multiline: false, dotAll: false })).toThrow(RegexTranslationError);
    const yaml = `title: t\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|re: '${pattern}'\n  condition: sel\n`;
    const outcome = convert(yaml);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('unsupported');
      expect(outcome.error.message).toMatch(reason);
      expect([outcome.error.line, outcome.error.column]).toEqual([5, 5]);
    }
  });

  it('refuses a possessive quantifier (the translator; the loader already refuses it as a value error)', () => {
    expect(() => luceneRegex('a++', { ignoreCase: false, multiline: false, dotAll: false })).toThrow(/possessive/);
  });

  it.each([
    ['(^|\\/)\\.[^.\\/]', ['/.x', '.x', 'a/.b'], ['a.x', '/..']],
    [
      '^%systemroot%\\\\[a-zA-Z]{8}\\.exe$',
      ['%systemroot%\\abcdefgh.exe'],
      ['x%systemroot%\\abcdefgh.exe', '%systemroot%\\abcdefgh.exe\n'],
    ],
    ['(^[a-zA-Z]{4}$)|(^[a-zA-Z]{8}$)', ['abcd', 'abcdefgh'], ['abcde', 'abcd\n']],
  ])('translates the corpus anchor form %s exactly', (pattern, yes, no) => {
    const js = luceneAsJs(luceneRegex(pattern, { ignoreCase: false, multiline: false, dotAll: false }));
    for (const t of yes) expect(js.test(t), t).toBe(true);
    for (const t of no) expect(js.test(t), t).toBe(false);
  });
});

describe('ES|QL: the named tricky values', () => {
  const one = (modifiers: string, raw: string, shape: (g: Tok[]) => Tok[], cased = false): void =>
    expectMeanings(convert(ruleText(selection(`CommandLine${modifiers}`, raw))), [expectedMeaning(shape(sigmaGlob(raw)), cased)], 'or');
  it('a trailing backslash before the closing quote', () => one('', 'C:\\Windows\\', (g) => g));
  it('a trailing backslash before a `*` wildcard', () => one('|startswith', 'C:\\Temp\\', (g) => [...g, ANY]));
  it('a literal `*` and `?` are escaped in LIKE', () => one('|contains', 'a\\*b\\?', (g) => [ANY, ...g, ANY]));
  it('`%` and `_` are plain characters of an ES|QL LIKE pattern', () => one('|contains', '100%_done', (g) => [ANY, ...g, ANY]));
  it('triple quotes, NUL, a line break and an astral character survive', () => one('', '"""a\u0000b\nc😀', (g) => g));
  it('single quotes are plain characters', () => one('', "it's", (g) => g));
  it('`\\*` in a "…" literal would be a lexer error; the backend writes `\\\\*`', () => {
    const query = onlyQuery(convert(ruleText(selection('CommandLine|contains', 'a\\*'))));
    expect(query).toContain('LIKE "*a\\\\**"');
    expect(parseEsql('FROM a | WHERE b LIKE "*a\\**"')).toMatchObject({ ok: false, kind: 'lexer' });
  });
});
