/**
 * Token vocabulary of Elasticsearch's EQL lexer
 * (x-pack/plugin/eql/src/main/antlr/EqlBase.g4, current 8.x/9.x grammar:
 * `sample`, `?` optional fields, `![` missing events, `"""raw"""` strings,
 * `\u{…}` escapes). Whitespace and comments are on ANTLR's hidden channel and
 * never become tokens here.
 */

export type TokenKind =
  // keywords (lower case only: the grammar has no case-insensitive stream)
  | 'AND'
  | 'ANY'
  | 'BY'
  | 'FALSE'
  | 'IN'
  | 'IN_INSENSITIVE'
  | 'JOIN'
  | 'LIKE'
  | 'LIKE_INSENSITIVE'
  | 'MAXSPAN'
  | 'NOT'
  | 'NULL'
  | 'OF'
  | 'OR'
  | 'REGEX'
  | 'REGEX_INSENSITIVE'
  | 'SAMPLE'
  | 'SEQUENCE'
  | 'TRUE'
  | 'UNTIL'
  | 'WHERE'
  | 'WITH'
  // operators and punctuation
  | 'SEQ'
  | 'ASGN'
  | 'EQ'
  | 'NEQ'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'PLUS'
  | 'MINUS'
  | 'ASTERISK'
  | 'SLASH'
  | 'PERCENT'
  | 'DOT'
  | 'COMMA'
  | 'LB'
  | 'RB'
  | 'LP'
  | 'RP'
  | 'PIPE'
  | 'OPTIONAL'
  | 'MISSING_EVENT_OPEN'
  // literals and names
  | 'STRING'
  | 'INTEGER_VALUE'
  | 'DECIMAL_VALUE'
  | 'IDENTIFIER'
  | 'QUOTED_IDENTIFIER'
  | 'TILDE_IDENTIFIER'
  | 'EOF';

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token (for STRING the quoted literal as written). */
  readonly text: string;
  /** Offset of the first character (UTF-16 code units, like ANTLR's CharStream). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** Keyword literals in the order EqlBase.g4 declares them (rule order breaks length ties). */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['and', 'AND'],
  ['any', 'ANY'],
  ['by', 'BY'],
  ['false', 'FALSE'],
  ['in', 'IN'],
  ['in~', 'IN_INSENSITIVE'],
  ['join', 'JOIN'],
  ['like', 'LIKE'],
  ['like~', 'LIKE_INSENSITIVE'],
  ['maxspan', 'MAXSPAN'],
  ['not', 'NOT'],
  ['null', 'NULL'],
  ['of', 'OF'],
  ['or', 'OR'],
  ['regex', 'REGEX'],
  ['regex~', 'REGEX_INSENSITIVE'],
  ['sample', 'SAMPLE'],
  ['sequence', 'SEQUENCE'],
  ['true', 'TRUE'],
  ['until', 'UNTIL'],
  ['where', 'WHERE'],
  ['with', 'WITH'],
]);

/** Single- and double-character operator tokens (longest match first). */
export const OPERATORS: ReadonlyArray<readonly [string, TokenKind]> = [
  ['==', 'EQ'],
  ['!=', 'NEQ'],
  ['<=', 'LTE'],
  ['>=', 'GTE'],
  ['![', 'MISSING_EVENT_OPEN'],
  [':', 'SEQ'],
  ['=', 'ASGN'],
  ['<', 'LT'],
  ['>', 'GT'],
  ['+', 'PLUS'],
  ['-', 'MINUS'],
  ['*', 'ASTERISK'],
  ['/', 'SLASH'],
  ['%', 'PERCENT'],
  ['.', 'DOT'],
  [',', 'COMMA'],
  ['[', 'LB'],
  [']', 'RB'],
  ['(', 'LP'],
  [')', 'RP'],
  ['|', 'PIPE'],
  ['?', 'OPTIONAL'],
];

/** ANTLR's display name of a token kind in "expecting …" messages. */
export function displayKind(kind: TokenKind): string {
  if (kind === 'EOF') return '<EOF>';
  for (const [literal, k] of KEYWORDS) if (k === kind) return `'${literal}'`;
  for (const [literal, k] of OPERATORS) if (k === kind) return `'${literal}'`;
  return kind;
}
