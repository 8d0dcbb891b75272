/**
 * Expressions of EqlBase.g4, parsed by precedence climbing exactly as ANTLR expands its
 * left-recursive rules (`precpred(_ctx, n)` is `n >= p`):
 *
 *   booleanExpression : NOT booleanExpression                      (operand at precedence 5)
 *                     | IDENTIFIER OF subquery                     #processCheck
 *                     | valueExpression
 *                     | booleanExpression AND booleanExpression    (precedence 2)
 *                     | booleanExpression OR booleanExpression     (precedence 1)
 *   valueExpression   : operatorExpression (comparisonOperator operatorExpression)?
 *   operatorExpression: primaryExpression predicate?
 *                     | (MINUS | PLUS) operatorExpression          (operand at precedence 3)
 *                     | operatorExpression (* | / | %) operatorExpression   (precedence 2)
 *                     | operatorExpression (+ | -) operatorExpression       (precedence 1)
 *   predicate         : NOT? (IN | IN~) '(' expression (',' expression)* ')'
 *                     | (: | like | like~ | regex | regex~) constant
 *                     | (: | like | like~ | regex | regex~) '(' constant (',' constant)* ')'
 *   primaryExpression : constant | functionExpression | qualifiedName | '(' expression ')'
 *   functionExpression: (IDENTIFIER | TILDE_IDENTIFIER) '(' (expression (',' expression)*)? ')'
 *   qualifiedName     : '?'? identifier ('.' identifier | '[' INTEGER_VALUE+ ']')*
 *   comparisonOperator: == | != | < | <= | > | >=        (`=` alone is not a comparison)
 */
import type { ArithmeticOp, ComparisonOp, Expr, PredicateKind, Subquery } from './ast.js';
import { advance, at, type Cursor, expect, peek, syntaxError } from './cursor.js';
import type { Token, TokenKind } from './tokens.js';

/** Parses `subquery`; supplied by the query parser (process checks contain one). */
export type SubqueryParser = (c: Cursor) => Subquery;

const CONSTANT_KINDS: readonly TokenKind[] = ['NULL', 'INTEGER_VALUE', 'DECIMAL_VALUE', 'TRUE', 'FALSE', 'STRING'];
const COMPARISON: ReadonlyMap<TokenKind, ComparisonOp> = new Map<TokenKind, ComparisonOp>([
  ['EQ', '=='],
  ['NEQ', '!='],
  ['LT', '<'],
  ['LTE', '<='],
  ['GT', '>'],
  ['GTE', '>='],
]);
const PATTERN_PREDICATES: ReadonlyMap<TokenKind, PredicateKind> = new Map<TokenKind, PredicateKind>([
  ['SEQ', ':'],
  ['LIKE', 'like'],
  ['LIKE_INSENSITIVE', 'like~'],
  ['REGEX', 'regex'],
  ['REGEX_INSENSITIVE', 'regex~'],
]);
const PRIMARY_START: readonly TokenKind[] = [...CONSTANT_KINDS, 'IDENTIFIER', 'TILDE_IDENTIFIER', 'QUOTED_IDENTIFIER', 'OPTIONAL', 'LP'];

/** Token kinds that can start a booleanExpression (used for optional pipe arguments). */
export const EXPRESSION_START: readonly TokenKind[] = [...PRIMARY_START, 'NOT', 'MINUS', 'PLUS'];

export function parseExpression(c: Cursor, subquery: SubqueryParser): Expr {
  return parseBoolean(c, subquery, 0);
}

function parseBoolean(c: Cursor, subquery: SubqueryParser, precedence: number): Expr {
  let left: Expr;
  const first = peek(c);
  if (first.kind === 'NOT') {
    advance(c);
    const operand = parseBoolean(c, subquery, 5);
    left = { type: 'not', operand, start: first.start, end: operand.end };
  } else if (first.kind === 'IDENTIFIER' && peek(c, 1).kind === 'OF') {
    advance(c);
    advance(c);
    const sub = subquery(c);
    left = { type: 'processCheck', relationship: first, subquery: sub, start: first.start, end: sub.end };
  } else {
    left = parseValue(c, subquery);
  }
  for (;;) {
    const op = peek(c).kind;
    if (op === 'AND' && precedence <= 2) {
      advance(c);
      const right = parseBoolean(c, subquery, 3);
      left = { type: 'and', left, right, start: left.start, end: right.end };
    } else if (op === 'OR' && precedence <= 1) {
      advance(c);
      const right = parseBoolean(c, subquery, 2);
      left = { type: 'or', left, right, start: left.start, end: right.end };
    } else {
      return left;
    }
  }
}

function parseValue(c: Cursor, subquery: SubqueryParser): Expr {
  const left = parseOperator(c, subquery, 0);
  const op = COMPARISON.get(peek(c).kind);
  if (!op) return left;
  advance(c);
  const right = parseOperator(c, subquery, 0);
  return { type: 'comparison', op, left, right, start: left.start, end: right.end };
}

function parseOperator(c: Cursor, subquery: SubqueryParser, precedence: number): Expr {
  let left: Expr;
  const first = peek(c);
  if (first.kind === 'MINUS' || first.kind === 'PLUS') {
    advance(c);
    const operand = parseOperator(c, subquery, 3);
    left = { type: 'unary', op: first.kind === 'MINUS' ? '-' : '+', operand, start: first.start, end: operand.end };
  } else {
    left = parsePredicate(c, subquery, parsePrimary(c, subquery));
  }
  for (;;) {
    const op = peek(c);
    const multiplicative = op.kind === 'ASTERISK' || op.kind === 'SLASH' || op.kind === 'PERCENT';
    const additive = op.kind === 'PLUS' || op.kind === 'MINUS';
    if ((multiplicative && precedence <= 2) || (additive && precedence <= 1)) {
      advance(c);
      const right = parseOperator(c, subquery, multiplicative ? 3 : 2);
      left = { type: 'arithmetic', op: op.text as ArithmeticOp, left, right, start: left.start, end: right.end };
    } else {
      return left;
    }
  }
}

function parsePredicate(c: Cursor, subquery: SubqueryParser, subject: Expr): Expr {
  // NOT cannot follow a value anywhere else, so ANTLR enters the predicate on it (LL(1)).
  const negated = at(c, 'NOT');
  if (negated) advance(c);
  const kindToken = negated ? expect(c, 'IN', 'IN_INSENSITIVE') : peek(c);
  if (kindToken.kind === 'IN' || kindToken.kind === 'IN_INSENSITIVE') {
    if (!negated) advance(c);
    expect(c, 'LP');
    const values = [parseExpression(c, subquery)];
    while (at(c, 'COMMA')) {
      advance(c);
      values.push(parseExpression(c, subquery));
    }
    const close = expect(c, 'COMMA', 'RP');
    const kind: PredicateKind = kindToken.kind === 'IN' ? 'in' : 'in~';
    return { type: 'predicate', kind, negated, subject, values, parenthesised: true, start: subject.start, end: close.end };
  }
  const kind = PATTERN_PREDICATES.get(kindToken.kind);
  if (!kind) return subject;
  advance(c);
  if (!at(c, 'LP')) {
    const value = parseConstant(c);
    return {
      type: 'predicate',
      kind,
      negated: false,
      subject,
      values: [value],
      parenthesised: false,
      start: subject.start,
      end: value.end,
    };
  }
  advance(c);
  const values = [parseConstant(c)];
  while (at(c, 'COMMA')) {
    advance(c);
    values.push(parseConstant(c));
  }
  const close = expect(c, 'COMMA', 'RP');
  return { type: 'predicate', kind, negated: false, subject, values, parenthesised: true, start: subject.start, end: close.end };
}

function parseConstant(c: Cursor): Expr {
  if (!at(c, ...CONSTANT_KINDS)) throw syntaxError(c, ['FALSE', 'NULL', 'TRUE', 'STRING', 'INTEGER_VALUE', 'DECIMAL_VALUE']);
  const token = advance(c);
  return { type: 'literal', token, start: token.start, end: token.end };
}

function parsePrimary(c: Cursor, subquery: SubqueryParser): Expr {
  const first = peek(c);
  if (CONSTANT_KINDS.includes(first.kind)) return parseConstant(c);
  if (first.kind === 'TILDE_IDENTIFIER' || (first.kind === 'IDENTIFIER' && peek(c, 1).kind === 'LP')) {
    return parseCall(c, subquery);
  }
  if (first.kind === 'OPTIONAL' || first.kind === 'IDENTIFIER' || first.kind === 'QUOTED_IDENTIFIER') {
    return parseQualifiedName(c);
  }
  if (first.kind === 'LP') {
    advance(c);
    const expr = parseExpression(c, subquery);
    const close = expect(c, 'RP');
    return { type: 'paren', expr, start: first.start, end: close.end };
  }
  throw syntaxError(c, PRIMARY_START);
}

function parseCall(c: Cursor, subquery: SubqueryParser): Expr {
  const name = advance(c);
  expect(c, 'LP');
  const args: Expr[] = [];
  if (!at(c, 'RP')) {
    args.push(parseExpression(c, subquery));
    while (at(c, 'COMMA')) {
      advance(c);
      args.push(parseExpression(c, subquery));
    }
  }
  const close = expect(c, 'COMMA', 'RP');
  return { type: 'call', name, args, start: name.start, end: close.end };
}

function parseQualifiedName(c: Cursor): Expr {
  const first = peek(c);
  const optional = first.kind === 'OPTIONAL';
  if (optional) advance(c);
  const segments: Token[] = [expect(c, 'IDENTIFIER', 'QUOTED_IDENTIFIER')];
  const indexes: Token[] = [];
  let end = (segments[0] as Token).end;
  for (;;) {
    if (at(c, 'DOT')) {
      advance(c);
      const segment = expect(c, 'IDENTIFIER', 'QUOTED_IDENTIFIER');
      segments.push(segment);
      end = segment.end;
    } else if (at(c, 'LB') && peek(c, 1).kind === 'INTEGER_VALUE') {
      advance(c);
      while (at(c, 'INTEGER_VALUE')) indexes.push(advance(c));
      end = expect(c, 'INTEGER_VALUE', 'RB').end;
    } else {
      return { type: 'field', optional, segments, indexes, start: first.start, end };
    }
  }
}
