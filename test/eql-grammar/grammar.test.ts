/**
 * Tokens and parser rules of Elasticsearch's EqlBase.g4, one construct per test.
 * Queries in the accepted lists are the forms of the EQL reference
 * (https://www.elastic.co/guide/en/elasticsearch/reference/current/eql-syntax.html) and of
 * issue 6; rejected ones are what the grammar (and the builders' ParsingExceptions) refuse.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../support/eql/ast.js';
import { lexEql, parseEql, validateEql } from '../support/eql/validate.js';

const kinds = (query: string) => lexEql(query).tokens.map((t) => t.kind);
const accepts = (query: string) => expect(validateEql(query), query).toEqual({ ok: true });
function rejects(query: string, kind: 'lexer' | 'syntax' | 'semantic', offset: number): void {
  expect(validateEql(query), query).toMatchObject({ ok: false, kind, offset });
}
function condition(query: string): Expr {
  const parsed = parseEql(query);
  if (!parsed.ok) throw new Error(parsed.message);
  if (parsed.statement.query.type !== 'event') throw new Error('not an event query');
  return parsed.statement.query.filter.condition;
}
/** A compact rendering of the tree: what binds to what. */
function shape(e: Expr): string {
  switch (e.type) {
    case 'and':
    case 'or':
      return `(${shape(e.left)} ${e.type} ${shape(e.right)})`;
    case 'not':
      return `(not ${shape(e.operand)})`;
    case 'comparison':
    case 'arithmetic':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'unary':
      return `(${e.op}${shape(e.operand)})`;
    case 'predicate':
      return `(${shape(e.subject)}${e.negated ? ' not' : ''} ${e.kind} ${e.values.map(shape).join(',')})`;
    case 'literal':
      return e.token.text;
    case 'field':
      return `${e.optional ? '?' : ''}${e.segments.map((s) => s.text).join('.')}`;
    case 'call':
      return `${e.name.text}(${e.args.map(shape).join(',')})`;
    case 'paren':
      return shape(e.expr);
    case 'processCheck':
      return `${e.relationship.text} of […]`;
  }
}

describe('lexer tokens', () => {
  it('keywords are lower case only; other spellings are identifiers', () => {
    expect(kinds('any where and or not in like regex')).toEqual(['ANY', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'LIKE', 'REGEX', 'EOF']);
    expect(kinds('ANY Where AND')).toEqual(['IDENTIFIER', 'IDENTIFIER', 'IDENTIFIER', 'EOF']);
  });

  it('like~ regex~ in~ are keywords; other name~ is a TILDE_IDENTIFIER (function name)', () => {
    expect(kinds('like~ regex~ in~ startsWith~ not~')).toEqual([
      'LIKE_INSENSITIVE',
      'REGEX_INSENSITIVE',
      'IN_INSENSITIVE',
      'TILDE_IDENTIFIER',
      'TILDE_IDENTIFIER',
      'EOF',
    ]);
  });

  it('identifiers start with a letter, _ or @ and continue with letters, digits, _', () => {
    expect(kinds('@timestamp _id a1_b')).toEqual(['IDENTIFIER', 'IDENTIFIER', 'IDENTIFIER', 'EOF']);
    expect(kinds('c-uri')).toEqual(['IDENTIFIER', 'MINUS', 'IDENTIFIER', 'EOF']);
    expect(kinds('1abc')).toEqual(['INTEGER_VALUE', 'IDENTIFIER', 'EOF']);
  });

  it('back-quoted identifiers take anything but a backquote, which is doubled', () => {
    expect(lexEql('`c-uri` `a``b` `x y.z`').tokens.map((t) => t.text)).toEqual(['`c-uri`', '`a``b`', '`x y.z`', '']);
    expect(validateEql('any where `c-uri : "x"')).toMatchObject({
      kind: 'lexer',
      message: 'line 1:10: token recognition error at: \'`c-uri : "x"\'',
    });
  });

  it('numbers: integers, decimals, exponents; a dangling exponent is not part of the number', () => {
    expect(kinds('1 1.5 .5 1. 1e3 1.5E-3 5e')).toEqual([
      'INTEGER_VALUE',
      'DECIMAL_VALUE',
      'DECIMAL_VALUE',
      'DECIMAL_VALUE',
      'DECIMAL_VALUE',
      'DECIMAL_VALUE',
      'INTEGER_VALUE',
      'IDENTIFIER',
      'EOF',
    ]);
    expect(kinds('a.b')).toEqual(['IDENTIFIER', 'DOT', 'IDENTIFIER', 'EOF']);
    expect(kinds('a.1')).toEqual(['IDENTIFIER', 'DECIMAL_VALUE', 'EOF']);
  });

  it('operators: : = == != < <= > >= ? ![ and punctuation', () => {
    expect(kinds(': = == != < <= > >= + - * / % . , [ ] ( ) | ? ![')).toEqual([
      'SEQ',
      'ASGN',
      'EQ',
      'NEQ',
      'LT',
      'LTE',
      'GT',
      'GTE',
      'PLUS',
      'MINUS',
      'ASTERISK',
      'SLASH',
      'PERCENT',
      'DOT',
      'COMMA',
      'LB',
      'RB',
      'LP',
      'RP',
      'PIPE',
      'OPTIONAL',
      'MISSING_EVENT_OPEN',
      'EOF',
    ]);
  });

  it('characters no rule starts with are token recognition errors (there is no !: and no ~ alone)', () => {
    expect(validateEql('any where a !: "x"')).toMatchObject({
      kind: 'lexer',
      offset: 12,
      message: "line 1:12: token recognition error at: '!:'",
    });
    expect(validateEql('any where a ~ "x"')).toMatchObject({ kind: 'lexer', message: "line 1:12: token recognition error at: '~'" });
    expect(validateEql('any where a & b')).toMatchObject({ kind: 'lexer', offset: 12 });
  });

  it('comments and whitespace (space, tab, CR, LF) separate tokens and are skipped', () => {
    accepts('any where // comment\n a == 1');
    accepts('any /* one /* nested */ comment */ where\t\r\na == 1');
    expect(validateEql('any where a == 1\n and b =')).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/^line 2:7: /) });
  });
});

describe('queries', () => {
  it('the issue-6 seed query', () => {
    accepts('any where process.command_line like~ ("*Export-PfxCertificate *", "*Export-Certificate *")');
  });

  it('event category as identifier, as string, or any', () => {
    accepts('process where process.name == "cmd.exe"');
    accepts('"process" where true');
    accepts('any where true');
    rejects('`process` where true', 'syntax', 0);
    rejects('where true', 'syntax', 0);
    rejects('any where', 'syntax', 9);
    rejects('', 'syntax', 0);
  });

  it('sequence by … with maxspan=… [q] [q] until [q]', () => {
    accepts('sequence by host.id with maxspan=5m [process where true] [network where true]');
    accepts('sequence with maxspan=1h [process where true] by user.name [file where true] by user.name');
    accepts('sequence by a [process where true] ![file where true] [network where true] until [process where true]');
    accepts('sequence [process where true] with runs=2 [file where true]');
    rejects('sequence by a', 'syntax', 13);
  });

  it('sequence rules the builder enforces', () => {
    rejects('sequence with maxspan=5m by a [x where true] [y where true]', 'semantic', 0);
    rejects('sequence with maxspan=5 [x where true] [y where true]', 'semantic', 22);
    rejects('sequence with maxspan=1.5h [x where true] [y where true]', 'semantic', 22);
    rejects('sequence with maxspan=5min [x where true] [y where true]', 'semantic', 23);
    rejects('sequence with maxspan=0s [x where true] [y where true]', 'semantic', 22);
    rejects('sequence [x where true] by a [y where true]', 'semantic', 29); // the term without keys
    rejects('sequence by "a" [x where true] [y where true]', 'semantic', 9);
  });

  it('join and sample', () => {
    accepts('join by source.ip [network where true] [process where true] until [file where true]');
    rejects('join [network where true]', 'syntax', 25);
    accepts('sample by host.id [process where true] [network where true]');
  });

  it('pipes: head and tail with one integer', () => {
    accepts('any where true | head 5');
    accepts('any where true | tail 3 | head 1');
    rejects('any where true | head', 'semantic', 15);
    rejects('any where true | count', 'semantic', 15);
    rejects('any where true | nope 1', 'semantic', 17);
  });
});

describe('expressions', () => {
  it('and binds tighter than or; not binds to the next operand only', () => {
    expect(shape(condition('any where a : "x" or b : "y" and c : "z"'))).toBe('((a : "x") or ((b : "y") and (c : "z")))');
    expect(shape(condition('any where not a == 1 and b == 2'))).toBe('((not (a == 1)) and (b == 2))');
    expect(shape(condition('any where not (a == 1 and b == 2)'))).toBe('(not ((a == 1) and (b == 2)))');
  });

  it('comparisons: == != < <= > >= with null, numbers, fields', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) accepts(`any where a ${op} 1`);
    accepts('any where a != null');
    accepts('any where a == b');
    accepts('any where a >= 1.5 and b < -2');
    rejects('any where a = 1', 'syntax', 12);
    rejects('any where a == 1 == 2', 'syntax', 17);
  });

  it(': like like~ regex regex~ take one constant or a parenthesised list of constants', () => {
    for (const op of [':', 'like', 'like~', 'regex', 'regex~']) {
      accepts(`any where a ${op} "x*"`);
      accepts(`any where a ${op} ("x*", "y*")`);
      rejects(`any where a ${op} b`, 'syntax', 13 + op.length);
      rejects(`any where a ${op} ()`, 'syntax', 14 + op.length);
    }
    expect(shape(condition('any where a like~ ("x", "y")'))).toBe('(a like~ "x","y")');
    rejects('any where a : -1', 'syntax', 14);
  });

  it('in, in~ and not in take a parenthesised list of expressions', () => {
    accepts('any where a in ("x", "y")');
    accepts('any where a in~ ("x")');
    accepts('any where a not in (1, 2, b)');
    accepts('any where a not in~ ("x")');
    expect(shape(condition('any where a not in (1, 2)'))).toBe('(a not in 1,2)');
    rejects('any where a in "x"', 'syntax', 15);
    rejects('any where a not like "x"', 'syntax', 16);
  });

  it('function calls, including cidrmatch and case-insensitive name~ calls', () => {
    accepts('any where cidrmatch(source.ip, "10.0.0.0/8")');
    accepts('any where cidrmatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")');
    accepts('any where startsWith~(process.name, "cmd")');
    accepts('any where length(a) > 0 and f()');
    rejects('any where startsWith~', 'syntax', 21);
  });

  it('?field marks an optional field; field != null tests existence', () => {
    expect(shape(condition('any where ?a.b != null'))).toBe('(?a.b != null)');
    accepts('any where ? a == null');
    accepts('any where ?`c-uri` : "x"');
    rejects('any where ?"a" == 1', 'semantic', 10);
  });

  it('arithmetic and unary signs', () => {
    expect(shape(condition('any where a + 1 * 2 > -b'))).toBe('((a + (1 * 2)) > (-b))');
    expect(shape(condition('any where -a * b < 0'))).toBe('(((-a) * b) < 0)');
  });

  it('constructs Elasticsearch parses but refuses: process relationships and array indexes', () => {
    rejects('any where descendant of [process where true]', 'semantic', 10);
    rejects('any where a[0] == 1', 'semantic', 12);
    accepts('sequence by a [x where true] [y where true]');
  });
});

describe('error order follows ANTLR token fetching', () => {
  it('a syntax error before a bad token is reported first', () => {
    expect(validateEql('any where a == 1 b : "\\d"')).toMatchObject({ kind: 'syntax', offset: 17 });
  });

  it('a bad token is reported as soon as the parser consumes the token before it', () => {
    expect(validateEql('any where a : "\\d" b')).toMatchObject({ kind: 'lexer', offset: 14 });
    expect(validateEql('any where a : "x" or b : "\\d"')).toMatchObject({ kind: 'lexer', offset: 25 });
  });

  it('upper-case keywords fail where they stand', () => {
    expect(validateEql('any where a == 1 AND b == 2')).toMatchObject({
      kind: 'syntax',
      offset: 17,
      // ANTLR's "expecting …" set depends on its error recovery; only the position and token are pinned.
      message: expect.stringMatching(/^line 1:17: mismatched input 'AND' expecting /),
    });
  });
});
