/**
 * The checks Elasticsearch makes while building its plan from the parse tree, i.e. the
 * ParsingExceptions a syntactically valid query can still raise before any index is
 * consulted (EqlParser's PostProcessor, AbstractBuilder.unquoteString, ExpressionBuilder,
 * LogicalPlanBuilder). Analysis-time errors (unknown fields or functions, type errors)
 * are out of scope.
 */
import type { EventFilter, Expr, JoinKeys, MaxSpan, Pipe, Query, Statement, Term } from './ast.js';
import { EqlCheckFailure } from './cursor.js';
import { decodeStringToken } from './strings.js';
import type { Token } from './tokens.js';

const TIME_UNITS: ReadonlySet<string> = new Set(['ms', 's', 'm', 'h', 'd']);
const KNOWN_PIPES: ReadonlySet<string> = new Set(['count', 'filter', 'head', 'sort', 'tail', 'unique', 'unique_count']);

function semantic(offset: number, message: string): EqlCheckFailure {
  return new EqlCheckFailure('semantic', offset, message);
}

function checkString(token: Token): void {
  const decoded = decodeStringToken(token.text);
  if (!decoded.ok) throw semantic(token.start, decoded.message);
}

function children(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case 'not':
    case 'unary':
      return [expr.operand];
    case 'and':
    case 'or':
    case 'comparison':
    case 'arithmetic':
      return [expr.left, expr.right];
    case 'predicate':
      return [expr.subject, ...expr.values];
    case 'call':
      return expr.args;
    case 'paren':
      return [expr.expr];
    case 'processCheck':
    case 'literal':
    case 'field':
      return [];
  }
}

export function checkExpression(expr: Expr): void {
  if (expr.type === 'literal' && expr.token.kind === 'STRING') checkString(expr.token);
  if (expr.type === 'processCheck') throw semantic(expr.relationship.start, 'Process relationships are not supported');
  if (expr.type === 'field' && expr.indexes[0]) throw semantic(expr.indexes[0].start, 'Array indexes are not supported');
  for (const child of children(expr)) checkExpression(child);
}

function checkFilter(filter: EventFilter): void {
  if (filter.category.kind === 'STRING') checkString(filter.category);
  checkExpression(filter.condition);
}

function unwrap(expr: Expr): Expr {
  return expr.type === 'paren' ? unwrap(expr.expr) : expr;
}

function keyCount(keys: JoinKeys | undefined): number {
  if (!keys) return 0;
  for (const key of keys.keys) {
    checkExpression(key);
    if (unwrap(key).type !== 'field') throw semantic(keys.start, 'Unsupported join key ');
  }
  return keys.keys.length;
}

/** Every term must name as many keys as the first one (sequence, join and sample alike). */
function checkTerms(terms: readonly Term[]): void {
  let expected: number | undefined;
  for (const term of terms) {
    checkFilter(term.subquery.filter);
    const count = keyCount(term.by);
    expected ??= count;
    if (count !== expected) {
      throw semantic((term.by ?? term).start, `Inconsistent number of join keys specified; expected [${expected}] but found [${count}]`);
    }
  }
}

function checkMaxSpan(span: MaxSpan): void {
  const text = span.unit ? `${span.number.text}${span.unit.text}` : span.number.text;
  if (span.number.kind !== 'INTEGER_VALUE') {
    throw semantic(span.number.start, `Decimal time interval [${span.number.text}] not supported; please use an positive integer`);
  }
  const value = Number(span.number.text);
  if (value <= 0) throw semantic(span.number.start, `A positive maxspan value is required; found [${value}]`);
  if (!span.unit) throw semantic(span.number.start, `No time unit specified, did you mean [s] as in [${text}s]?`);
  if (!TIME_UNITS.has(span.unit.text)) {
    throw semantic(span.unit.start, `Unrecognized time unit [${span.unit.text}] in [${text}], please specify one of [ms, s, m, h, d]`);
  }
}

function checkQuery(query: Query): void {
  switch (query.type) {
    case 'event':
      return checkFilter(query.filter);
    case 'sequence':
      if (query.byAfterWith) throw semantic(query.start, 'Please specify sequence [by] before [with] not after');
      keyCount(query.by);
      if (query.maxspan) checkMaxSpan(query.maxspan);
      return checkTerms(query.until ? [...query.terms, query.until] : query.terms);
    case 'join':
      keyCount(query.by);
      return checkTerms(query.until ? [...query.terms, query.until] : query.terms);
    case 'sample':
      keyCount(query.by);
      return checkTerms(query.terms);
  }
}

function checkPipe(pipe: Pipe): void {
  const name = pipe.name.text;
  if (!KNOWN_PIPES.has(name)) throw semantic(pipe.name.start, `Unrecognized pipe [${name}]`);
  if (name !== 'head' && name !== 'tail') throw semantic(pipe.start, `Pipe [${name}] is not supported`);
  if (pipe.args.length !== 1) {
    throw semantic(pipe.start, `Pipe [${name}] expects exactly one argument but found [${pipe.args.length}]`);
  }
  const arg = pipe.args[0] as Expr;
  if (arg.type !== 'literal' || arg.token.kind !== 'INTEGER_VALUE') {
    throw semantic(arg.start, `Pipe [${name}] expects a positive integer but found [${arg.type}]`);
  }
}

/** Throws EqlCheckFailure('semantic', …) for the first plan-building error, in source order. */
export function checkStatement(statement: Statement): void {
  checkQuery(statement.query);
  for (const pipe of statement.pipes) checkPipe(pipe);
}
