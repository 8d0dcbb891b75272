/**
 * An EQL validity checker that follows Elasticsearch's own grammar
 * (x-pack/plugin/eql/src/main/antlr/EqlBase.g4) — test tooling, not product code.
 *
 * validateEql(query) rejects what Elasticsearch's EqlParser rejects before looking at an
 * index: token recognition errors (lexer), syntax errors (parser) and the parse-time
 * ParsingExceptions of its plan builders (semantic: quoting, `\u{…}` ranges, maxspan,
 * join keys, pipes, process relationships, array indexes).
 */
import { type EqlFailure, parseEql, toFailure } from './parse.js';
import { checkStatement } from './semantics.js';

export { eqlStringValue } from './strings.js';
export { findBareValueConditions, findUnquotedNonIdentifierFields } from './hazards.js';
export type { BareValueCondition, UnquotedFieldHazard } from './hazards.js';
export { lexEql } from './lexer.js';
export { parseEql } from './parse.js';
export type { EqlFailure, EqlParse } from './parse.js';
export type { Statement } from './ast.js';
export type { FailureKind } from './cursor.js';

export type EqlValidity = { readonly ok: true } | EqlFailure;

/** Would Elasticsearch's EQL parser accept `query`? */
export function validateEql(query: string): EqlValidity {
  const parsed = parseEql(query);
  if (!parsed.ok) return parsed;
  try {
    checkStatement(parsed.statement);
  } catch (e) {
    return toFailure(query, e);
  }
  return Object.freeze({ ok: true });
}
