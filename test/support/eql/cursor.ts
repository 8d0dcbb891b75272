/**
 * Token cursor for the recursive-descent parser, with ANTLR's token-fetch timing:
 * CommonTokenStream fetches the next token as soon as the parser consumes one (and on
 * every look-ahead), so a token recognition error surfaces when the parser consumes the
 * token before it — before any syntax error further on, after any syntax error earlier.
 */
import type { LexError } from './lexer.js';
import { displayKind, type Token, type TokenKind } from './tokens.js';

export type FailureKind = 'lexer' | 'syntax' | 'semantic';

/** Thrown inside the checker; turned into `{ ok: false }` by validateEql. */
export class EqlCheckFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly offset: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface Cursor {
  readonly tokens: readonly Token[];
  readonly lexError: LexError | undefined;
  pos: number;
}

export function newCursor(tokens: readonly Token[], lexError: LexError | undefined): Cursor {
  return { tokens, lexError, pos: 0 };
}

/** The token `k` places ahead; fetching past a lexer error raises that error. */
export function peek(c: Cursor, k = 0): Token {
  const token = c.tokens[c.pos + k] ?? c.tokens[c.tokens.length - 1];
  if (c.pos + k >= c.tokens.length && c.lexError) {
    throw new EqlCheckFailure('lexer', c.lexError.offset, c.lexError.message);
  }
  if (!token) throw new Error('empty token stream');
  return token;
}

export function at(c: Cursor, ...kinds: TokenKind[]): boolean {
  return kinds.includes(peek(c).kind);
}

export function advance(c: Cursor): Token {
  const token = peek(c);
  if (token.kind !== 'EOF') {
    c.pos++;
    peek(c); // the stream syncs the next token right away
  }
  return token;
}

function tokenDisplay(token: Token): string {
  return token.kind === 'EOF' ? '<EOF>' : `'${token.text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

/** A syntax error at the current token, worded like ANTLR's DefaultErrorStrategy. */
export function syntaxError(c: Cursor, expected: readonly TokenKind[] | string): EqlCheckFailure {
  const token = peek(c);
  const want =
    typeof expected === 'string'
      ? expected
      : expected.length === 1
        ? displayKind(expected[0] as TokenKind)
        : `{${expected.map(displayKind).join(', ')}}`;
  return new EqlCheckFailure('syntax', token.start, `mismatched input ${tokenDisplay(token)} expecting ${want}`);
}

export function expect(c: Cursor, ...kinds: TokenKind[]): Token {
  if (!at(c, ...kinds)) throw syntaxError(c, kinds);
  return advance(c);
}
