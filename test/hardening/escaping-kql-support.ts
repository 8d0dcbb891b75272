/**
 * Reading KQL back with Microsoft's own Kusto parser, for the KQL escaping property tests: every string literal
 * with the operator it stands under, and the meaning (pattern and case) that pair has.
 */
import { expect } from 'vitest';
import { join } from 'node:path';
import { createConverter } from '../../src/index.js';
import { createKustoAnalyzer, stringLiteralValue } from '../support/kusto/analyzer.js';
import { loadKustoLanguage } from '../support/kusto/kusto-runtime.js';
import { HAS_SHARED, SHARED } from '../support/corpus.js';
import {
  ANY,
  expectSameMeanings,
  meaning,
  onlyQuery,
  outcomeOf,
  readWildcardRegex,
  txt,
  type Outcome,
  type TargetMeanings,
  type Tok,
} from './escaping-support.js';

// ───────────────────────────── reading KQL back with Kusto's parser ─────────────────────────────

interface KustoNode {
  readonly ChildCount: number;
  GetChild(i: number): KustoNode | null;
  readonly IsToken: boolean;
  readonly Text: string;
  readonly Kind: number;
  readonly Token?: KustoNode;
  readonly LiteralValue?: unknown;
}
export interface KqlLiteral {
  /** The operator the literal is the right operand of (`=~`, `in~`, `matches regex` …). */
  readonly op: string;
  /** The left operand's text (a column, or `*`). */
  readonly subject: string;
  /** The literal as written. */
  readonly text: string;
  /** Its value as Kusto's parser gives it. */
  readonly value: string;
}
export interface KqlReading {
  readonly literals: KqlLiteral[];
  /** Every string literal token in the query, also those under no known operator. */
  readonly stringTokens: number;
  readonly logical: Set<string>;
}

const nodeType = (n: KustoNode): string =>
  String((n as unknown as { constructor?: { $$name?: string } }).constructor?.$$name ?? '')
    .split('.')
    .pop() ?? '';

function tokensText(n: KustoNode): string {
  if (n.IsToken) return n.Text;
  let out = '';
  for (let i = 0; i < n.ChildCount; i++) {
    const c = n.GetChild(i);
    if (c) out += (out ? ' ' : '') + tokensText(c);
  }
  return out;
}

export function readKql(query: string): KqlReading {
  const kusto = loadKustoLanguage();
  const stringKind = kusto.Syntax.SyntaxKind.StringLiteralToken;
  const root = kusto.KustoCode.Parse(query).Syntax as unknown as KustoNode;
  const literals: KqlLiteral[] = [];
  const logical = new Set<string>();
  let stringTokens = 0;
  const isStringLiteral = (n: KustoNode | null): boolean => !!n && nodeType(n) === 'LiteralExpression' && n.Token?.Kind === stringKind;
  const literal = (op: string, subject: KustoNode, lit: KustoNode): KqlLiteral => ({
    op,
    subject: tokensText(subject),
    text: lit.Token?.Text ?? '',
    value: String(lit.LiteralValue),
  });
  const walk = (n: KustoNode | null): void => {
    if (!n) return;
    if (isStringLiteral(n)) stringTokens++;
    const type = nodeType(n);
    if (n.ChildCount === 3 && (type === 'BinaryExpression' || type === 'InExpression')) {
      const left = n.GetChild(0) as KustoNode;
      const op = (n.GetChild(1) as KustoNode).Text;
      const right = n.GetChild(2);
      if (op === 'and' || op === 'or') logical.add(op);
      else if (right && isStringLiteral(right)) literals.push(literal(op, left, right));
      else if (right && nodeType(right) === 'ExpressionList') {
        const collect = (m: KustoNode | null): void => {
          if (!m) return;
          if (isStringLiteral(m)) literals.push(literal(op, left, m));
          else for (let i = 0; i < m.ChildCount; i++) collect(m.GetChild(i));
        };
        collect(right);
      }
    }
    if (type === 'FunctionCallExpression' && tokensText(n).startsWith('not ')) logical.add('not');
    for (let i = 0; i < n.ChildCount; i++) walk(n.GetChild(i));
  };
  walk(root);
  return { literals, stringTokens, logical };
}

/**
 * The pattern an RE2 regex written for a wildcard value stands for: `(?i)` → case-insensitive, `^`/`$` anchors,
 * `.*` any, `.` one, `\x` the character x. Undefined when the regex holds an unescaped metacharacter anywhere
 * else — a value character that reached the regex engine as syntax.
 */
export function globOfWildcardRegex(re: string): { glob: Tok[]; cased: boolean } | undefined {
  const read = readWildcardRegex(re);
  // RE2 has no `\z` here, and a `(?)` group with no flag is not a flag group
  if (!read || read.end === 'z' || read.letters === '') return undefined;
  return { glob: read.glob, cased: !read.letters?.includes('i') };
}

const KQL_PATTERN_OPS: Readonly<Record<string, (v: string) => { glob: Tok[]; cased: boolean }>> = {
  '=~': (v) => ({ glob: [txt(v)], cased: false }),
  '==': (v) => ({ glob: [txt(v)], cased: true }),
  'in~': (v) => ({ glob: [txt(v)], cased: false }),
  in: (v) => ({ glob: [txt(v)], cased: true }),
  contains: (v) => ({ glob: [ANY, txt(v), ANY], cased: false }),
  contains_cs: (v) => ({ glob: [ANY, txt(v), ANY], cased: true }),
  startswith: (v) => ({ glob: [txt(v), ANY], cased: false }),
  startswith_cs: (v) => ({ glob: [txt(v), ANY], cased: true }),
  endswith: (v) => ({ glob: [ANY, txt(v)], cased: false }),
  endswith_cs: (v) => ({ glob: [ANY, txt(v)], cased: true }),
};

/** The meaning of one literal under its operator, or a reason it has none. */
export function literalMeaning(l: KqlLiteral): string {
  if (l.op === 'matches regex') {
    const r = globOfWildcardRegex(l.value);
    return r ? meaning(r.glob, r.cased) : `unreadable regex ${JSON.stringify(l.value)}`;
  }
  const op = KQL_PATTERN_OPS[l.op];
  return op ? meaning(op(l.value).glob, op(l.value).cased) : `unexpected operator '${l.op}'`;
}

// ───────────────────────────── the checks ─────────────────────────────

const converter = createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] });
/** Converts a rule text with the kusto backend and the microsoft_xdr pipeline. */
export const convert = (text: string): Outcome => outcomeOf(converter, text);

/** The query is valid KQL and every literal's value is what Kusto's parser reads; returns the reading. */
export function checkedReading(query: string, column: string): KqlReading {
  const analyzer = HAS_SHARED ? createKustoAnalyzer(join(SHARED, 'reference', 'tables.json')) : undefined;
  const errors = analyzer?.diagnose(query, { database: 'microsoft_xdr' }) ?? [];
  expect(errors, `analyzer errors in ${JSON.stringify(query)}`).toEqual([]);
  const reading = readKql(query);
  expect(reading.literals.length, `string literals outside a comparison in ${JSON.stringify(query)}`).toBe(reading.stringTokens);
  for (const l of reading.literals) {
    expect(stringLiteralValue(l.text), `literal ${l.text}`).toBe(l.value);
    expect(l.subject).toBe(column);
  }
  return reading;
}

/** The one query of the outcome, read back, means exactly the `expected` meanings (a multiset), joined by `join`. */
export function expectMeanings(outcome: Outcome, expected: readonly string[], join: 'or' | 'and', column = 'ProcessCommandLine'): void {
  const query = onlyQuery(outcome);
  const reading = checkedReading(query, column);
  expectSameMeanings(reading.literals.map(literalMeaning), expected, query);
  expect(reading.logical.has('not'), query).toBe(false);
  expect(reading.logical.has(join === 'or' ? 'and' : 'or'), query).toBe(false);
}

/** The shared properties' view of KQL: Sigma meanings read back with the analyzer; keywords search every column (`*`). */
export const KQL_MEANINGS: TargetMeanings<string> = {
  convert,
  expected: (glob, cased) => meaning(glob, cased),
  check: (outcome, expected, join, keyword) => expectMeanings(outcome, expected, join, keyword ? '*' : undefined),
  runs: 150,
};
