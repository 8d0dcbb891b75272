/**
 * Parse an EQL query as Elasticsearch's `singleStatement` (lexer + parser, no plan checks),
 * turning the first error into a failure value with ANTLR's "line L:C: " prefix
 * (0-based column, as ANTLR's error listeners receive it; Elasticsearch's own
 * ParsingException message adds 1 to the column).
 */
import type { Statement } from './ast.js';
import { EqlCheckFailure, type FailureKind, newCursor } from './cursor.js';
import { lexEql } from './lexer.js';
import { parseStatement } from './parse-query.js';

export interface EqlFailure {
  readonly ok: false;
  /** "line L:C: …" — for lexer errors exactly ANTLR's "token recognition error at: '…'". */
  readonly message: string;
  /** UTF-16 offset of the offending token (for lexer errors: where the bad token starts). */
  readonly offset: number;
  readonly kind: FailureKind;
}

export type EqlParse = { readonly ok: true; readonly statement: Statement } | EqlFailure;

function lineColumn(query: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < query.length; i++) {
    if (query.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}:${offset - lineStart}`;
}

/** Convert a thrown EqlCheckFailure into a failure value; rethrow anything else. */
export function toFailure(query: string, error: unknown): EqlFailure {
  if (!(error instanceof EqlCheckFailure)) throw error;
  return Object.freeze({
    ok: false,
    message: `${lineColumn(query, error.offset)}: ${error.detail}`,
    offset: error.offset,
    kind: error.kind,
  });
}

export function parseEql(query: string): EqlParse {
  const { tokens, error } = lexEql(query);
  try {
    return Object.freeze({ ok: true, statement: parseStatement(newCursor(tokens, error)) });
  } catch (e) {
    return toFailure(query, e);
  }
}
