/**
 * A small syntax tree for EQL, shaped after the parser rules of EqlBase.g4
 * (one node kind per labelled alternative that matters for checking).
 * Offsets are UTF-16 indexes into the query; `end` is exclusive.
 */
import type { Token } from './tokens.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type PredicateKind = 'in' | 'in~' | ':' | 'like' | 'like~' | 'regex' | 'regex~';
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

export type Expr =
  | (Span & { readonly type: 'not'; readonly operand: Expr })
  | (Span & { readonly type: 'and' | 'or'; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly type: 'processCheck'; readonly relationship: Token; readonly subquery: Subquery })
  | (Span & { readonly type: 'comparison'; readonly op: ComparisonOp; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly type: 'arithmetic'; readonly op: ArithmeticOp; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly type: 'unary'; readonly op: '+' | '-'; readonly operand: Expr })
  | (Span & {
      readonly type: 'predicate';
      readonly kind: PredicateKind;
      readonly negated: boolean;
      readonly subject: Expr;
      /** `in` lists hold expressions; the other kinds hold constants only. */
      readonly values: readonly Expr[];
      readonly parenthesised: boolean;
    })
  | (Span & { readonly type: 'literal'; readonly token: Token })
  | (Span & {
      readonly type: 'field';
      readonly optional: boolean;
      /** IDENTIFIER / QUOTED_IDENTIFIER tokens of the dotted path. */
      readonly segments: readonly Token[];
      /** INTEGER_VALUE tokens of `[n]` indexes (Elasticsearch rejects them). */
      readonly indexes: readonly Token[];
    })
  | (Span & { readonly type: 'call'; readonly name: Token; readonly args: readonly Expr[] })
  | (Span & { readonly type: 'paren'; readonly expr: Expr });

export interface EventFilter extends Span {
  /** ANY, or the event category (IDENTIFIER or STRING token). */
  readonly category: Token;
  readonly condition: Expr;
}

export interface Subquery extends Span {
  readonly missing: boolean;
  readonly filter: EventFilter;
}

export interface JoinKeys extends Span {
  readonly keys: readonly Expr[];
}

export interface Term extends Span {
  readonly subquery: Subquery;
  readonly by?: JoinKeys;
  /** `with runs=N` on a sequence term. */
  readonly runs?: { readonly key: Token; readonly value: Token };
}

export interface MaxSpan extends Span {
  readonly number: Token;
  readonly unit?: Token;
}

export type Query =
  | (Span & { readonly type: 'event'; readonly filter: EventFilter })
  | (Span & {
      readonly type: 'sequence';
      readonly by?: JoinKeys;
      readonly maxspan?: MaxSpan;
      /** True when `by` came after `with maxspan` (the grammar's `disallowed=joinKeys`). */
      readonly byAfterWith: boolean;
      readonly terms: readonly Term[];
      readonly until?: Term;
    })
  | (Span & { readonly type: 'join'; readonly by?: JoinKeys; readonly terms: readonly Term[]; readonly until?: Term })
  | (Span & { readonly type: 'sample'; readonly by?: JoinKeys; readonly terms: readonly Term[] });

export interface Pipe extends Span {
  readonly name: Token;
  readonly args: readonly Expr[];
}

export interface Statement extends Span {
  readonly query: Query;
  readonly pipes: readonly Pipe[];
}
