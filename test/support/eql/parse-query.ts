/**
 * Statements of EqlBase.g4:
 *
 *   singleStatement : statement EOF
 *   statement       : query pipe*
 *   query           : sequence | join | eventQuery | sample
 *   sequenceParams  : WITH MAXSPAN '=' timeUnit
 *   sequence        : SEQUENCE (joinKeys sequenceParams? | sequenceParams joinKeys?)?
 *                     sequenceTerm+ (UNTIL sequenceTerm)?
 *   sample          : SAMPLE joinKeys? joinTerm+
 *   join            : JOIN joinKeys? joinTerm joinTerm+ (UNTIL joinTerm)?
 *   pipe            : '|' IDENTIFIER (booleanExpression (',' booleanExpression)*)?
 *   joinKeys        : BY expression (',' expression)*
 *   joinTerm        : subquery joinKeys?
 *   sequenceTerm    : subquery joinKeys? (WITH IDENTIFIER '=' number)?
 *   subquery        : ('[' | '![') eventFilter ']'
 *   eventFilter     : (ANY | STRING | IDENTIFIER) WHERE expression
 *   timeUnit        : number IDENTIFIER?
 */
import type { EventFilter, JoinKeys, MaxSpan, Pipe, Query, Statement, Subquery, Term } from './ast.js';
import { advance, at, type Cursor, expect, peek, syntaxError } from './cursor.js';
import { EXPRESSION_START, parseExpression } from './parse-expression.js';
import type { Token } from './tokens.js';

function parseSubquery(c: Cursor): Subquery {
  const open = expect(c, 'LB', 'MISSING_EVENT_OPEN');
  const filter = parseEventFilter(c);
  const close = expect(c, 'RB');
  return { missing: open.kind === 'MISSING_EVENT_OPEN', filter, start: open.start, end: close.end };
}

const expression = (c: Cursor) => parseExpression(c, parseSubquery);

function parseEventFilter(c: Cursor): EventFilter {
  const category = expect(c, 'ANY', 'STRING', 'IDENTIFIER');
  expect(c, 'WHERE');
  const condition = expression(c);
  return { category, condition, start: category.start, end: condition.end };
}

function parseJoinKeys(c: Cursor): JoinKeys {
  const by = expect(c, 'BY');
  const keys = [expression(c)];
  while (at(c, 'COMMA')) {
    advance(c);
    keys.push(expression(c));
  }
  return { keys, start: by.start, end: (keys[keys.length - 1] ?? by).end };
}

function parseMaxSpan(c: Cursor): MaxSpan {
  const withToken = expect(c, 'WITH');
  expect(c, 'MAXSPAN');
  expect(c, 'ASGN');
  const number = expect(c, 'DECIMAL_VALUE', 'INTEGER_VALUE');
  const unit = at(c, 'IDENTIFIER') ? advance(c) : undefined;
  return { number, ...(unit ? { unit } : {}), start: withToken.start, end: (unit ?? number).end };
}

function parseTerm(c: Cursor, sequence: boolean): Term {
  const subquery = parseSubquery(c);
  const by = at(c, 'BY') ? parseJoinKeys(c) : undefined;
  let end = (by ?? subquery).end;
  let runs: Term['runs'];
  if (sequence && at(c, 'WITH')) {
    advance(c);
    const key = expect(c, 'IDENTIFIER');
    expect(c, 'ASGN');
    const value = expect(c, 'DECIMAL_VALUE', 'INTEGER_VALUE');
    runs = { key, value };
    end = value.end;
  }
  return { subquery, ...(by ? { by } : {}), ...(runs ? { runs } : {}), start: subquery.start, end };
}

function parseTerms(c: Cursor, sequence: boolean, minimum: number): Term[] {
  const terms: Term[] = [];
  while (terms.length < minimum || at(c, 'LB', 'MISSING_EVENT_OPEN')) terms.push(parseTerm(c, sequence));
  return terms;
}

function parseSequence(c: Cursor, keyword: Token): Query {
  let by: JoinKeys | undefined;
  let maxspan: MaxSpan | undefined;
  let byAfterWith = false;
  if (at(c, 'BY')) {
    by = parseJoinKeys(c);
    if (at(c, 'WITH')) maxspan = parseMaxSpan(c);
  } else if (at(c, 'WITH')) {
    maxspan = parseMaxSpan(c);
    if (at(c, 'BY')) {
      by = parseJoinKeys(c);
      byAfterWith = true;
    }
  }
  const terms = parseTerms(c, true, 1);
  const until = at(c, 'UNTIL') ? (advance(c), parseTerm(c, true)) : undefined;
  const end = (until ?? terms[terms.length - 1] ?? keyword).end;
  return {
    type: 'sequence',
    ...(by ? { by } : {}),
    ...(maxspan ? { maxspan } : {}),
    byAfterWith,
    terms,
    ...(until ? { until } : {}),
    start: keyword.start,
    end,
  };
}

function parseJoinOrSample(c: Cursor, keyword: Token): Query {
  const by = at(c, 'BY') ? parseJoinKeys(c) : undefined;
  if (keyword.kind === 'SAMPLE') {
    const terms = parseTerms(c, false, 1);
    const end = (terms[terms.length - 1] ?? keyword).end;
    return { type: 'sample', ...(by ? { by } : {}), terms, start: keyword.start, end };
  }
  const terms = parseTerms(c, false, 2);
  const until = at(c, 'UNTIL') ? (advance(c), parseTerm(c, false)) : undefined;
  const end = (until ?? terms[terms.length - 1] ?? keyword).end;
  return { type: 'join', ...(by ? { by } : {}), terms, ...(until ? { until } : {}), start: keyword.start, end };
}

function parseQuery(c: Cursor): Query {
  const first = peek(c);
  switch (first.kind) {
    case 'SEQUENCE':
      return parseSequence(c, advance(c));
    case 'JOIN':
    case 'SAMPLE':
      return parseJoinOrSample(c, advance(c));
    case 'ANY':
    case 'STRING':
    case 'IDENTIFIER': {
      const filter = parseEventFilter(c);
      return { type: 'event', filter, start: filter.start, end: filter.end };
    }
    default:
      throw syntaxError(c, ['ANY', 'JOIN', 'SAMPLE', 'SEQUENCE', 'STRING', 'IDENTIFIER']);
  }
}

function parsePipe(c: Cursor): Pipe {
  const bar = expect(c, 'PIPE');
  const name = expect(c, 'IDENTIFIER');
  const args = [];
  if (at(c, ...EXPRESSION_START)) {
    args.push(expression(c));
    while (at(c, 'COMMA')) {
      advance(c);
      args.push(expression(c));
    }
  }
  return { name, args, start: bar.start, end: (args[args.length - 1] ?? name).end };
}

/** singleStatement: the whole token stream as one EQL statement. Throws EqlCheckFailure. */
export function parseStatement(c: Cursor): Statement {
  const query = parseQuery(c);
  const pipes: Pipe[] = [];
  while (at(c, 'PIPE')) pipes.push(parsePipe(c));
  const eof = expect(c, 'EOF', 'PIPE');
  return { query, pipes, start: query.start, end: eof.start };
}
