/**
 * The shared text compiler: query tree → query text. It knows boolean structure, precedence, grouping,
 * IN-lists and deferred parts; a dialect (a small subclass) states its tokens, its escaping and the leaf
 * expressions. Modelled on Kysely's DefaultQueryCompiler and its dialect subclasses.
 */
import type { SigmaRule, SigmaString, SigmaValue } from '../rule/ast.js';
import { SigmaError } from '../errors.js';
import type { AndNode, MatchNode, NotNode, OrNode, QueryNode } from './tree.js';
import { ruleToNodes } from './tree.js';
import { hasWildcards } from '../rule/strings.js';

/**
 * A part of a query that cannot stay inline and goes after the main search (SPL's `| regex`, `| where`).
 * `negated` is toggled when it sits under a `not`.
 */
export interface Deferred {
  readonly kind: 'deferred';
  readonly render: (negated: boolean) => string;
  readonly negated: boolean;
}

export type Fragment = string | Deferred | null;

export const deferred = (render: (negated: boolean) => string, negated = false): Deferred => ({ kind: 'deferred', render, negated });

export type BoolOp = 'not' | 'and' | 'or';

/** What a compiler needs to know of the run: the pipeline state and the rule being compiled. */
export interface CompileContext {
  readonly rule: SigmaRule;
  readonly state: Readonly<Record<string, unknown>>;
  /** Deferred parts of the current query, in order of appearance. */
  readonly deferred: Deferred[];
}

export interface Tokens {
  readonly and: string;
  readonly or: string;
  readonly not: string;
  readonly groupOpen: string;
  readonly groupClose: string;
}

export abstract class TextCompiler {
  protected abstract readonly tokens: Tokens;
  /** Operators from tightest to loosest binding. SPL's implicit AND binds looser than OR. */
  protected readonly precedence: readonly BoolOp[] = ['not', 'and', 'or'];
  /** Render or-ed values of one field as a list expression (`IN (…)`, `in~ (…)`). */
  protected readonly orAsIn: boolean = true;
  protected readonly andAsIn: boolean = false;
  /** Whether IN-lists may hold values with wildcards. */
  protected readonly inAllowsWildcards: boolean = true;

  /** Compiles every condition of a rule into query text (one query per condition). */
  compileRule(rule: SigmaRule, state: Readonly<Record<string, unknown>> = {}): string[] {
    return ruleToNodes(rule).map((node) => {
      const ctx: CompileContext = { rule, state, deferred: [] };
      const main = this.visit(node, ctx);
      return this.finalize(typeof main === 'string' ? main : null, ctx);
    });
  }

  /** Joins the main query and its deferred parts; dialects add their prefixes (table, `any where`, …). */
  protected finalize(main: string | null, ctx: CompileContext): string {
    if (ctx.deferred.length > 0) {
      throw new SigmaError(
        'unsupported',
        'this target cannot express a part of the condition that must be evaluated after the search',
        ctx.rule.source,
      );
    }
    return main ?? '';
  }

  protected visit(node: QueryNode, ctx: CompileContext): Fragment {
    switch (node.kind) {
      case 'and':
        return this.visitAnd(node, ctx);
      case 'or':
        return this.visitOr(node, ctx);
      case 'not':
        return this.visitNot(node, ctx);
      case 'match':
        return this.visitMatch(node, ctx);
      default: {
        const never: never = node;
        return never;
      }
    }
  }

  /** The operator a node behaves as for grouping (an expansion match is an `or`), or undefined for atoms. */
  protected operatorOf(node: QueryNode, ctx: CompileContext): BoolOp | undefined {
    if (node.kind === 'match') return node.value.kind === 'expansion' ? 'or' : undefined;
    if (node.kind === 'or' && this.inList(node, ctx) !== undefined) return this.inListOperator();
    return node.kind;
  }

  /** Operator that an IN list counts as for grouping; the reference treats it as an `or`. */
  protected inListOperator(): BoolOp | undefined {
    return 'or';
  }

  /** True when `inner` needs no parentheses inside `outer`. */
  protected bindsTighter(outer: BoolOp, inner: QueryNode, ctx: CompileContext): boolean {
    const op = this.operatorOf(inner, ctx);
    if (op === undefined) return true;
    return this.precedence.indexOf(op) <= this.precedence.indexOf(outer);
  }

  protected group(text: string): string {
    return `${this.tokens.groupOpen}${text}${this.tokens.groupClose}`;
  }

  protected joinArgs(op: 'and' | 'or', node: AndNode | OrNode, ctx: CompileContext): Fragment {
    const parts: string[] = [];
    for (const arg of node.args) {
      const converted = this.visit(arg, ctx);
      if (converted === null) continue;
      if (typeof converted !== 'string') {
        if (op === 'or')
          throw new SigmaError(
            'unsupported',
            'a condition that must be evaluated after the search cannot be or-ed with others on this target',
            ctx.rule.source,
          );
        ctx.deferred.push(converted);
        continue;
      }
      parts.push(this.bindsTighter(op, arg, ctx) ? converted : this.group(converted));
    }
    if (parts.length === 0) return null;
    return parts.join(op === 'and' ? this.tokens.and : this.tokens.or);
  }

  protected visitAnd(node: AndNode, ctx: CompileContext): Fragment {
    if (this.andAsIn) {
      const list = this.inList(node, ctx);
      if (list) return this.renderInList(list.field, list.values, 'and', ctx);
    }
    return this.joinArgs('and', node, ctx);
  }

  protected visitOr(node: OrNode, ctx: CompileContext): Fragment {
    const list = this.inList(node, ctx);
    if (list) return this.renderInList(list.field, list.values, 'or', ctx);
    return this.joinArgs('or', node, ctx);
  }

  protected visitNot(node: NotNode, ctx: CompileContext): Fragment {
    const arg = node.arg;
    const op = this.operatorOf(arg, ctx);
    const converted = this.visit(arg, ctx);
    if (converted === null) return null;
    if (typeof converted !== 'string') return deferred(converted.render, !converted.negated);
    return this.renderNot(converted, op === 'and' || op === 'or', arg, ctx);
  }

  protected renderNot(converted: string, isGroup: boolean, _arg: QueryNode, _ctx: CompileContext): string {
    return `${this.tokens.not}${isGroup ? this.group(converted) : converted}`;
  }

  /** The field and values of an or/and of plain string/number matches on one field, if it can be a list. */
  protected inList(node: AndNode | OrNode, ctx: CompileContext): { field: string; values: SigmaValue[] } | undefined {
    if (node.kind === 'or' ? !this.orAsIn : !this.andAsIn) return undefined;
    if (node.args.length < 2) return undefined;
    let field: string | undefined;
    const values: SigmaValue[] = [];
    for (const arg of node.args) {
      if (arg.kind !== 'match' || arg.field === null) return undefined;
      if (field === undefined) field = arg.field;
      else if (field !== arg.field) return undefined;
      const v = arg.value;
      if (v.kind !== 'string' && v.kind !== 'number') return undefined;
      if (v.kind === 'string' && !this.inAllowsWildcards && hasWildcards(v)) return undefined;
      if (!this.inListAccepts(arg, ctx)) return undefined;
      values.push(v);
    }
    return field === undefined ? undefined : { field, values };
  }

  /** Dialect veto on a value joining an IN list (e.g. a cased string). */
  protected inListAccepts(_match: MatchNode, _ctx: CompileContext): boolean {
    return true;
  }

  protected abstract renderInList(field: string, values: readonly SigmaValue[], op: 'and' | 'or', ctx: CompileContext): Fragment;

  /** A field/value (or keyword) leaf, dispatched on the value kind. */
  protected visitMatch(node: MatchNode, ctx: CompileContext): Fragment {
    const { field, value } = node;
    if (field === null) return this.keyword(value, node, ctx);
    switch (value.kind) {
      case 'string':
        return this.fieldString(field, value, node, ctx);
      case 'number':
        return this.fieldNumber(field, value.text, node, ctx);
      case 'boolean':
        return this.fieldBoolean(field, value.value, node, ctx);
      case 'null':
        return this.fieldNull(field, node, ctx);
      case 'regex':
        return this.fieldRegex(field, value, node, ctx);
      case 'cidr':
        return this.fieldCidr(field, value, node, ctx);
      case 'fieldref':
        return this.fieldRef(field, value.field, node, ctx);
      case 'exists':
        return this.fieldExists(field, value.exists, node, ctx);
      case 'compare':
        return this.fieldCompare(field, value.op, value.value.text, node, ctx);
      case 'timepart':
        return this.unsupported(`time modifier '${value.part}'`, node, ctx);
      case 'expansion':
        return this.visitOr({ kind: 'or', args: value.values.map((v) => ({ ...node, value: v })), fromValues: true }, ctx);
      case 'query':
        return this.queryExpression(field, value.expression, value.id, node, ctx);
      default: {
        const never: never = value;
        return never;
      }
    }
  }

  protected unsupported(what: string, node: MatchNode, _ctx: CompileContext): never {
    throw new SigmaError(
      'unsupported',
      `${what} is not supported by this target (field '${node.field ?? '<keyword>'}')`,
      node.item.location,
    );
  }

  protected abstract fieldString(field: string, value: SigmaString, node: MatchNode, ctx: CompileContext): Fragment;
  protected abstract fieldNumber(field: string, number: string, node: MatchNode, ctx: CompileContext): Fragment;
  protected abstract fieldBoolean(field: string, value: boolean, node: MatchNode, ctx: CompileContext): Fragment;
  protected abstract fieldNull(field: string, node: MatchNode, ctx: CompileContext): Fragment;
  protected abstract fieldRegex(
    field: string,
    value: Extract<SigmaValue, { kind: 'regex' }>,
    node: MatchNode,
    ctx: CompileContext,
  ): Fragment;
  protected abstract fieldCidr(field: string, value: Extract<SigmaValue, { kind: 'cidr' }>, node: MatchNode, ctx: CompileContext): Fragment;
  protected abstract fieldExists(field: string, exists: boolean, node: MatchNode, ctx: CompileContext): Fragment;
  protected abstract fieldCompare(
    field: string,
    op: 'lt' | 'lte' | 'gt' | 'gte',
    number: string,
    node: MatchNode,
    ctx: CompileContext,
  ): Fragment;
  protected abstract keyword(value: SigmaValue, node: MatchNode, ctx: CompileContext): Fragment;

  protected fieldRef(_field: string, _other: string, node: MatchNode, ctx: CompileContext): Fragment {
    return this.unsupported('field reference (fieldref)', node, ctx);
  }

  protected queryExpression(field: string, expression: string, id: string, _node: MatchNode, _ctx: CompileContext): Fragment {
    return expression.replaceAll('{field}', field).replaceAll('{id}', id);
  }
}
