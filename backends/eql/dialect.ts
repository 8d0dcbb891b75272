/**
 * The Elastic EQL dialect of the shared text compiler.
 *
 * Text follows the reference (pySigma-backend-elasticsearch's EqlBackend) where that text is valid EQL:
 * `field:"value"` (`:` is EQL's case-insensitive wildcard equality), `field like~ ("a*", "b*")` for lists,
 * `field=="…"` for empty strings and IP addresses, `field regex~ "…"`, `cidrMatch(field, "…")`,
 * `?field == null` / `?field != null`, and every non-atomic operand in parentheses (the reference sets
 * `parenthesize`, which also puts a null test in parentheses). It departs from the reference where the reference
 * is not valid EQL or means something else: escapes outside `\b \t \n \f \r \" \' \\`, literal `*`/`?` in
 * wildcard patterns, unquoted non-identifier field names and bare keyword strings (see `strings.ts`,
 * `fields.ts`, `keywords.ts`).
 */
import type { SigmaRule, SigmaString, SigmaValue } from '../../src/rule/ast.js';
import { SigmaError } from '../../src/errors.js';
import { type BoolOp, type CompileContext, deferred, type Fragment, TextCompiler, type Tokens } from '../../src/compile/compiler.js';
import type { AndNode, MatchNode, NotNode, OrNode, QueryNode } from '../../src/compile/tree.js';
import { hasWildcards, plainText } from '../../src/rule/strings.js';
import { firstPlaceholder, refuseUnresolvedPlaceholder } from '../../src/compile/placeholders.js';
import { eventCategory } from './categories.js';
import { quoteField } from './fields.js';
import { DEFAULT_KEYWORD_FIELD, keywordsAsField } from './keywords.js';
import { eqlPattern, eqlRegexString, eqlString, hasLiteralWildcardChar, stringAsRegex } from './strings.js';
import { isIpAddress } from './ip.js';
import { windashAsExpansions } from './windash.js';

export interface EqlDialectOptions {
  /** `process where …` (from the logsource category) instead of the reference's `any where …`. */
  readonly categoryAware?: boolean;
  /** The field keyword detections search (default `message`). */
  readonly keywordField?: string;
}

const COMPARE: Readonly<Record<'lt' | 'lte' | 'gt' | 'gte', string>> = Object.freeze({ lt: '<', lte: '<=', gt: '>', gte: '>=' });

/**
 * A one-operand `and`/`or` (from `1 of filter_*` with one match) is its operand, as in the reference; a
 * one-value expansion stays (the reference writes it as a one-element list).
 */
function unwrap(node: QueryNode): QueryNode {
  let n = node;
  while ((n.kind === 'and' || (n.kind === 'or' && !isExpansionOr(n))) && n.args.length === 1) n = n.args[0] as QueryNode;
  return n;
}

const nullMatch = (node: QueryNode): MatchNode | undefined => (node.kind === 'match' && node.value.kind === 'null' ? node : undefined);

/** An `or` that stands for one expansion value (windash, base64offset): the reference treats it as an atom. */
function isExpansionOr(node: QueryNode): node is OrNode {
  if (node.kind !== 'or' || node.fromValues !== true || node.args.length === 0) return false;
  return node.args.every((a) => a.kind === 'match' && !a.item.values.includes(a.value));
}

export class EqlCompiler extends TextCompiler {
  protected readonly tokens: Tokens = Object.freeze({ and: ' and ', or: ' or ', not: 'not ', groupOpen: '(', groupClose: ')' });
  private readonly categoryAware: boolean;
  private readonly keywordField: string;

  constructor(options: EqlDialectOptions = {}) {
    super();
    this.categoryAware = options.categoryAware ?? false;
    this.keywordField = options.keywordField ?? DEFAULT_KEYWORD_FIELD;
  }

  override compileRule(rule: SigmaRule, state: Readonly<Record<string, unknown>> = {}): string[] {
    return super.compileRule(windashAsExpansions(keywordsAsField(rule, this.keywordField)), state);
  }

  protected override finalize(main: string | null, ctx: CompileContext): string {
    const condition = super.finalize(main, ctx);
    return `${eventCategory(ctx.rule.logsource, this.categoryAware)} where ${condition === '' ? 'true' : condition}`;
  }

  protected override visit(node: QueryNode, ctx: CompileContext): Fragment {
    return super.visit(unwrap(node), ctx);
  }

  // ───────────── grouping: the reference parenthesizes every operand that is not a single comparison ─────────────

  protected override bindsTighter(_outer: BoolOp, node: QueryNode, ctx: CompileContext): boolean {
    const inner = unwrap(node);
    switch (inner.kind) {
      case 'match':
        return nullMatch(inner) === undefined;
      case 'not':
        return nullMatch(unwrap(inner.arg)) !== undefined;
      case 'or':
        return isExpansionOr(inner) && this.inList(inner, ctx) !== undefined;
      case 'and':
        return false;
      default: {
        const never: never = inner;
        return never;
      }
    }
  }

  protected override visitNot(node: NotNode, ctx: CompileContext): Fragment {
    const arg = unwrap(node.arg);
    const isNull = nullMatch(arg);
    if (isNull) return `?${this.field(isNull)} != null`;
    const converted = this.visit(arg, ctx);
    if (converted === null) return null;
    if (typeof converted !== 'string') return deferred(converted.render, !converted.negated);
    const atomic = arg.kind === 'match' || (isExpansionOr(arg) && this.inList(arg, ctx) !== undefined);
    return atomic ? `${this.tokens.not}${converted}` : `${this.tokens.not}${this.group(converted)}`;
  }

  // ───────────── lists ─────────────

  protected override inList(node: AndNode | OrNode, ctx: CompileContext): { field: string; values: SigmaValue[] } | undefined {
    const only = node.args[0];
    if (node.args.length !== 1 || !isExpansionOr(node) || only?.kind !== 'match' || only.field === null) return super.inList(node, ctx);
    const v = only.value;
    return (v.kind === 'string' || v.kind === 'number') && this.inListAccepts(only) ? { field: only.field, values: [v] } : undefined;
  }

  protected override inListAccepts(match: MatchNode): boolean {
    const v = match.value;
    return v.kind !== 'string' || (!v.cased && !hasLiteralWildcardChar(v) && firstPlaceholder(v) === undefined);
  }

  protected renderInList(field: string, values: readonly SigmaValue[]): Fragment {
    const items = values.map((v) => (v.kind === 'string' ? eqlPattern(v) : v.kind === 'number' ? v.text : ''));
    return `${quoteField(field)} like~ (${items.join(', ')})`;
  }

  // ───────────── leaves ─────────────

  private field(node: MatchNode): string {
    if (node.field === null) throw new SigmaError('internal', 'EQL keyword left unmapped', node.item.location);
    return quoteField(node.field);
  }

  /** A placeholder no pipeline defined is refused (EQL would compare with the text `%name%`). */
  protected fieldString(field: string, value: SigmaString, node: MatchNode, ctx: CompileContext): Fragment {
    refuseUnresolvedPlaceholder(field, value, node.item.location ?? ctx.rule.source);
    const name = quoteField(field);
    if (hasLiteralWildcardChar(value)) return this.literalWildcardString(name, value);
    if (value.cased) return hasWildcards(value) ? `${name} like ${eqlPattern(value)}` : `${name} == ${eqlPattern(value)}`;
    const text = plainText(value);
    if (text === '' || (!hasWildcards(value) && isIpAddress(text))) return `${name}==${eqlPattern(value)}`;
    return `${name}:${eqlPattern(value)}`;
  }

  /** A string with a literal `*` or `?`: exact comparison when it has no wildcards, else a regular expression. */
  private literalWildcardString(name: string, value: SigmaString): string {
    if (!hasWildcards(value))
      return value.cased ? `${name} == ${eqlString(plainText(value))}` : `${name} in~ (${eqlString(plainText(value))})`;
    return `${name} ${value.cased ? 'regex' : 'regex~'} ${eqlString(stringAsRegex(value))}`;
  }

  protected fieldNumber(field: string, number: string): Fragment {
    return `${quoteField(field)}:${number}`;
  }

  protected fieldBoolean(field: string, value: boolean): Fragment {
    return `${quoteField(field)}:${value ? 'true' : 'false'}`;
  }

  protected fieldNull(field: string): Fragment {
    return `?${quoteField(field)} == null`;
  }

  /**
   * `regex~` as the reference writes every `re` (case-insensitive, so `re|i` needs no `(?i)`). EQL regular
   * expressions are Lucene's, which have no inline flags: `(?i)` would not parse, `.` already matches line breaks
   * (`re|s`), and `^`/`$` are not anchors, so `re|m` cannot be expressed.
   */
  protected fieldRegex(field: string, value: Extract<SigmaValue, { kind: 'regex' }>, node: MatchNode, ctx: CompileContext): Fragment {
    if (value.flags.multiline) return this.unsupported("the regex flag 'm' (multiline)", node, ctx);
    return `${quoteField(field)} regex~ ${eqlRegexString(value.pattern)}`;
  }

  protected fieldCidr(field: string, value: Extract<SigmaValue, { kind: 'cidr' }>): Fragment {
    return `cidrMatch(${quoteField(field)}, ${eqlString(value.cidr)})`;
  }

  protected fieldExists(field: string, exists: boolean): Fragment {
    return `?${quoteField(field)} ${exists ? '!=' : '=='} null`;
  }

  protected fieldCompare(field: string, op: 'lt' | 'lte' | 'gt' | 'gte', number: string): Fragment {
    return `${quoteField(field)} ${COMPARE[op]} ${number}`;
  }

  protected keyword(_value: SigmaValue, node: MatchNode, ctx: CompileContext): Fragment {
    return this.unsupported('a keyword (a value without a field)', node, ctx);
  }

  protected override fieldRef(_field: string, _other: string, node: MatchNode, ctx: CompileContext): Fragment {
    return this.unsupported('field reference (fieldref): EQL cannot compare two fields', node, ctx);
  }
}
