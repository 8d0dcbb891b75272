/**
 * Queries Elasticsearch accepts but that do not mean what a Sigma rule meant.
 *
 * 1. A field name with `-` (e.g. `cs-user-agent`) left unquoted. IDENTIFIER is
 *    (LETTER | [@_]) (LETTER | DIGIT | '_')*, so the lexer splits it into
 *    IDENTIFIER MINUS IDENTIFIER …, and operatorExpression makes it a subtraction in
 *    which any predicate binds to the last part only:
 *    `cs-user-agent:"x"` parses as `(cs - user) - (agent : "x")`. It must be written
 *    `` `cs-user-agent` `` (QUOTED_IDENTIFIER).
 * 2. A bare value used as a condition (`any where "mimikatz"`): it parses as a
 *    booleanExpression made of one constant — a keyword literal, not a full-text search.
 */
import type { Expr } from './ast.js';
import { lexEql } from './lexer.js';
import { parseEql } from './parse.js';
import { KEYWORDS, type Token, type TokenKind } from './tokens.js';

export interface UnquotedFieldHazard {
  /** The field name as written, e.g. `winlog.event_data.cs-user-agent`. */
  readonly field: string;
  readonly offset: number;
  /** How the grammar reads it, e.g. `cs - user - agent`. */
  readonly parsedAs: string;
}

export interface BareValueCondition {
  readonly text: string;
  readonly offset: number;
}

const KEYWORD_KINDS: ReadonlySet<TokenKind> = new Set(KEYWORDS.values());
const isNamePart = (t: Token): boolean => t.kind === 'IDENTIFIER' || t.kind === 'INTEGER_VALUE' || KEYWORD_KINDS.has(t.kind);
const isChainPart = (t: Token): boolean => isNamePart(t) || t.kind === 'DOT' || t.kind === 'MINUS';

/** Runs of touching name/`.`/`-` tokens that contain `name-name`: hyphenated field names left unquoted. */
export function findUnquotedNonIdentifierFields(query: string): readonly UnquotedFieldHazard[] {
  const tokens = lexEql(query).tokens;
  const hazards: UnquotedFieldHazard[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!isNamePart(first) || first.kind === 'INTEGER_VALUE') {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token;
      if (next.start !== (tokens[j] as Token).end || !isChainPart(next)) break;
      j++;
    }
    while (j > i && !isNamePart(tokens[j] as Token)) j--;
    const run = tokens.slice(i, j + 1);
    const hyphenated = run.some(
      (t, k) => t.kind === 'MINUS' && k > 0 && isNamePart(run[k - 1] as Token) && isNamePart(run[k + 1] as Token),
    );
    if (hyphenated) {
      hazards.push(
        Object.freeze({
          field: query.slice(first.start, (run[run.length - 1] as Token).end),
          offset: first.start,
          parsedAs: run.map((t) => (t.kind === 'MINUS' ? ' - ' : t.text)).join(''),
        }),
      );
    }
    i = j + 1;
  }
  return Object.freeze(hazards);
}

function collectBare(expr: Expr, query: string, out: BareValueCondition[]): void {
  switch (expr.type) {
    case 'and':
    case 'or':
      collectBare(expr.left, query, out);
      collectBare(expr.right, query, out);
      return;
    case 'not':
      return collectBare(expr.operand, query, out);
    case 'paren':
      return collectBare(expr.expr, query, out);
    case 'literal':
      if (expr.token.kind !== 'TRUE' && expr.token.kind !== 'FALSE') {
        out.push(Object.freeze({ text: query.slice(expr.start, expr.end), offset: expr.start }));
      }
      return;
    default:
      return;
  }
}

/** Constants (strings, numbers, null) standing alone where a condition belongs. */
export function findBareValueConditions(query: string): readonly BareValueCondition[] {
  const parsed = parseEql(query);
  if (!parsed.ok) return Object.freeze([]);
  const out: BareValueCondition[] = [];
  const q = parsed.statement.query;
  const filters =
    q.type === 'event' ? [q.filter] : [...q.terms, ...('until' in q && q.until ? [q.until] : [])].map((t) => t.subquery.filter);
  for (const filter of filters) collectBare(filter.condition, query, out);
  return Object.freeze(out);
}
