/**
 * A hand-written lexer that follows the lexer rules of Elasticsearch's EqlBase.g4
 * token for token, including ANTLR's longest-match rule (ties go to the rule
 * declared first, so keywords beat IDENTIFIER) and its fall-back to the last
 * accepting position when a longer candidate dies (`""` before a broken
 * `"""raw"""`, `?` before a broken `?"…"`, `/` before an unclosed comment).
 *
 * Lexer rules reproduced (EqlBase.g4):
 *   STRING_ESCAPE   : '\\' [btnfr"'\\]
 *   UNICODE_ESCAPE  : '\\u' '{' HEX_DIGIT+ '}'
 *   UNESCAPED_CHARS : ~[\r\n"\\]
 *   STRING          : '"' (STRING_ESCAPE | UNICODE_ESCAPE | UNESCAPED_CHARS)* '"'
 *                   | '"""' (~[\r\n])*? '"""' '"'? '"'?
 *                   | '\'' ('\\' [btnfr"'\\] | ~[\r\n'\\])* '\''
 *                   | '?"' ('\\"' | ~["\r\n])* '"'
 *                   | '?\'' ('\\\'' | ~['\r\n])* '\''
 *   INTEGER_VALUE   : DIGIT+
 *   DECIMAL_VALUE   : DIGIT+ '.' DIGIT* | '.' DIGIT+ | DIGIT+ ('.' DIGIT*)? EXPONENT | '.' DIGIT+ EXPONENT
 *   IDENTIFIER      : (LETTER | [@_]) (LETTER | DIGIT | '_')*
 *   QUOTED_IDENTIFIER : '`' (~'`' | '``')* '`'
 *   TILDE_IDENTIFIER  : LETTER (LETTER | DIGIT | '_')* '~'
 *   LINE_COMMENT    : '//' ~[\r\n]* '\r'? '\n'?            -> hidden
 *   BRACKETED_COMMENT : '/*' (BRACKETED_COMMENT | .)*? '*\/' -> hidden
 *   WS              : [ \r\n\t]+                           -> hidden
 *
 * A token recognition error is reported the way ANTLR reports it: at the start of
 * the token, with the text from there up to and including the character the lexer
 * could not take ("token recognition error at: '\"APT\\d'").
 */
import { KEYWORDS, OPERATORS, type Token, type TokenKind } from './tokens.js';

export interface LexError {
  /** Offset where the unrecognisable token starts. */
  readonly offset: number;
  /** ANTLR's message without the "line L:C: " prefix. */
  readonly message: string;
}

export interface LexResult {
  /** Tokens before the first error (or all tokens), ending with an EOF token when there is no error. */
  readonly tokens: readonly Token[];
  readonly error?: LexError;
}

const ESCAPE_CHARS = 'btnfr"\'\\';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isIdentPart = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95;
const isEol = (c: number): boolean => c === 10 || c === 13;
const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Either the end offset of a complete token, or the offset of the character that could not be taken. */
type Scan = { readonly end: number } | { readonly failAt: number };

/** `"` (STRING_ESCAPE | UNICODE_ESCAPE | UNESCAPED_CHARS)* `"`, and `'` … `'` when `single`. */
function scanEscapedString(s: string, start: number, quote: number, unicode: boolean): Scan {
  let i = start + 1;
  for (;;) {
    if (i >= s.length) return { failAt: s.length };
    const c = s.charCodeAt(i);
    if (c === quote) return { end: i + 1 };
    if (isEol(c)) return { failAt: i };
    if (c !== 92) {
      i++;
      continue;
    }
    if (i + 1 >= s.length) return { failAt: s.length };
    const next = s[i + 1] as string;
    if (ESCAPE_CHARS.includes(next)) {
      i += 2;
      continue;
    }
    if (!unicode || next !== 'u') return { failAt: i + 1 };
    if (s.charCodeAt(i + 2) !== 123 /* { */) return { failAt: Math.min(i + 2, s.length) };
    let j = i + 3;
    if (!isHex(s.charCodeAt(j))) return { failAt: Math.min(j, s.length) };
    while (isHex(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 125 /* } */) return { failAt: Math.min(j, s.length) };
    i = j + 1;
  }
}

/** `"""` (~[\r\n])*? `"""` `"`? `"`? — the end offset, or undefined when no closing `"""` on the line. */
function scanRawString(s: string, start: number): number | undefined {
  for (let i = start + 3; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isEol(c)) return undefined;
    if (s.startsWith('"""', i)) {
      let end = i + 3;
      if (s.charCodeAt(end) === 34) end++;
      if (s.charCodeAt(end) === 34) end++;
      return end;
    }
  }
  return undefined;
}

/** `?"` ('\\"' | ~["\r\n])* `"` (or with `'`): the longest accepting end, or undefined. */
function scanQuestionString(s: string, start: number, quote: number): number | undefined {
  let lastAccept: number | undefined;
  let i = start + 2;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isEol(c)) break;
    if (c === quote) return i + 1;
    if (c === 92 && s.charCodeAt(i + 1) === quote) {
      // `\` as a plain character followed by the closing quote, or `\"` as an escape: both live on.
      lastAccept = i + 2;
      i += 2;
      continue;
    }
    i++;
  }
  return lastAccept;
}

/** INTEGER_VALUE or DECIMAL_VALUE starting at a digit or at `.` followed by a digit. */
function scanNumber(s: string, start: number): { end: number; kind: TokenKind } {
  let i = start;
  let kind: TokenKind = 'INTEGER_VALUE';
  while (isDigit(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === 46 /* . */) {
    i++;
    kind = 'DECIMAL_VALUE';
    while (isDigit(s.charCodeAt(i))) i++;
  }
  const e = s.charCodeAt(i);
  if (e === 69 || e === 101) {
    let j = i + 1;
    const sign = s.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(s.charCodeAt(j))) {
      while (isDigit(s.charCodeAt(j))) j++;
      return { end: j, kind: 'DECIMAL_VALUE' };
    }
  }
  return { end: i, kind };
}

/** BRACKETED_COMMENT: nesting-aware; an unbalanced nest falls back to the first `*\/`. */
function scanBlockComment(s: string, start: number): number | undefined {
  let depth = 0;
  let firstClose: number | undefined;
  let i = start;
  while (i < s.length) {
    if (s.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (s.startsWith('*/', i)) {
      depth--;
      i += 2;
      firstClose ??= i;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return firstClose;
}

/** ANTLR's Lexer.getErrorDisplay. */
function errorDisplay(text: string): string {
  return text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

function recognitionError(s: string, start: number, failAt: number): LexError {
  return Object.freeze({
    offset: start,
    message: `token recognition error at: '${errorDisplay(s.slice(start, failAt + 1))}'`,
  });
}

function nameToken(s: string, start: number): { end: number; kind: TokenKind } {
  let i = start + 1;
  while (isIdentPart(s.charCodeAt(i))) i++;
  // TILDE_IDENTIFIER needs a letter first; `like~`, `in~`, `regex~` are keywords of the same length.
  const end = isLetter(s.charCodeAt(start)) && s.charCodeAt(i) === 126 /* ~ */ ? i + 1 : i;
  const text = s.slice(start, end);
  const keyword = KEYWORDS.get(text);
  if (keyword) return { end, kind: keyword };
  return { end, kind: end > i ? 'TILDE_IDENTIFIER' : 'IDENTIFIER' };
}

type Step = { readonly end: number; readonly kind: TokenKind | 'HIDDEN' } | { readonly error: LexError };

function stepString(s: string, pos: number, c: number): Step {
  if (c === 34 && s.startsWith('"""', pos)) {
    const raw = scanRawString(s, pos);
    if (raw !== undefined) return { end: raw, kind: 'STRING' };
    return { end: pos + 2, kind: 'STRING' }; // `""` is the last accepting prefix
  }
  const scan = scanEscapedString(s, pos, c, c === 34);
  return 'end' in scan ? { end: scan.end, kind: 'STRING' } : { error: recognitionError(s, pos, scan.failAt) };
}

function stepOperator(s: string, pos: number): Step {
  for (const [literal, kind] of OPERATORS) {
    if (s.startsWith(literal, pos)) return { end: pos + literal.length, kind };
  }
  // `!` alone (and any character no rule starts with): ANTLR shows the failing next character too for `!`.
  const failAt = s.charCodeAt(pos) === 33 ? Math.min(pos + 1, s.length) : pos;
  return { error: recognitionError(s, pos, failAt) };
}

function step(s: string, pos: number): Step {
  const c = s.charCodeAt(pos);
  if (isWs(c)) {
    let i = pos + 1;
    while (isWs(s.charCodeAt(i))) i++;
    return { end: i, kind: 'HIDDEN' };
  }
  if (c === 34 || c === 39) return stepString(s, pos, c);
  if (c === 63 /* ? */) {
    const q = s.charCodeAt(pos + 1);
    const end = q === 34 || q === 39 ? scanQuestionString(s, pos, q) : undefined;
    return end !== undefined ? { end, kind: 'STRING' } : { end: pos + 1, kind: 'OPTIONAL' };
  }
  if (c === 96 /* ` */) {
    let i = pos + 1;
    for (;;) {
      if (i >= s.length) return { error: recognitionError(s, pos, s.length) };
      if (s.charCodeAt(i) === 96) {
        if (s.charCodeAt(i + 1) !== 96) return { end: i + 1, kind: 'QUOTED_IDENTIFIER' };
        i += 2;
      } else i++;
    }
  }
  if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(pos + 1)))) return scanNumber(s, pos);
  if (isLetter(c) || c === 95 || c === 64) return nameToken(s, pos);
  if (s.startsWith('//', pos)) {
    let i = pos + 2;
    while (i < s.length && !isEol(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) === 13) i++;
    if (s.charCodeAt(i) === 10) i++;
    return { end: i, kind: 'HIDDEN' };
  }
  if (s.startsWith('/*', pos)) {
    const end = scanBlockComment(s, pos);
    if (end !== undefined) return { end, kind: 'HIDDEN' };
  }
  return stepOperator(s, pos);
}

/** Tokenise an EQL query; stops at the first token recognition error, like Elasticsearch. */
export function lexEql(query: string): LexResult {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < query.length) {
    const result = step(query, pos);
    if ('error' in result) return Object.freeze({ tokens: Object.freeze(tokens), error: result.error });
    if (result.kind !== 'HIDDEN') {
      tokens.push(Object.freeze({ kind: result.kind, text: query.slice(pos, result.end), start: pos, end: result.end }));
    }
    pos = result.end;
  }
  tokens.push(Object.freeze({ kind: 'EOF', text: '', start: query.length, end: query.length }));
  return Object.freeze({ tokens: Object.freeze(tokens) });
}
