/**
 * The KQL dialect (Microsoft Sentinel, Defender XDR, Azure Data Explorer): a `where` expression over the
 * columns of one table. The table line (`imProcessCreate\n| where …`) is added by the pipelines' query
 * post-processing; without a pipeline the query is the bare expression.
 *
 * Output follows pySigma-backend-kusto's shape (every sub-expression of an and/or/not in parentheses, `not(…)`,
 * `in~ (…)` lists, `=~` for equality) except where that is not valid or not faithful KQL:
 * - a value with a wildcard inside (`a*b`, `a?`) is `matches regex`, not a literal `=~ "a*b"`;
 * - an IPv6 range is `ipv6_is_in_range`, never `ipv4_is_in_range`;
 * - a column of a known non-string type gets a literal of its type (`Port in (80, 443)`, `Flag == true`);
 * - keywords (no field) search every column (`* contains "x"`), not a bare string;
 * - very long `or` chains are grouped, so the analyzer's depth limit is never reached;
 * - `cased` values use `==`, `in`, `contains_cs`, `startswith_cs`, `endswith_cs`.
 */
import type { CompareOp, SigmaCidr, SigmaRegex, SigmaRule, SigmaString, SigmaValue, TimePart } from '../../src/rule/ast.js';
import type { SourceLocation } from '../../src/errors.js';
import { SigmaError } from '../../src/errors.js';
import { TextCompiler, type BoolOp, type CompileContext, type Fragment, type Tokens } from '../../src/compile/compiler.js';
import { mapArgs, ruleToNodes, type AndNode, type MatchNode, type NotNode, type OrNode, type QueryNode } from '../../src/compile/tree.js';
import { hasWildcards, plainText } from '../../src/rule/strings.js';
import { columnType } from './columns.js';
import { firstPlaceholder, placeholderError } from '../../src/compile/placeholders.js';
import { escapeKql, kqlColumn, kqlString, regexFlagPrefix, wildcardRegex } from './escape.js';
import { boolLiteral, columnClass, numberLiteral, type ColumnClass } from './literals.js';

/** An `or` chain longer than this is split into parenthesised groups of CHAIN_GROUP terms (the analyzer refuses
 * chains of about 500: "Query syntax depth exceeds maximum safe limit"). */
export const CHAIN_LIMIT = 450;
const CHAIN_GROUP = 200;

const COMPARE: Readonly<Record<CompareOp, string>> = Object.freeze({ lt: '<', lte: '<=', gt: '>', gte: '>=' });
const TIME_PART: Readonly<Record<TimePart, string>> = Object.freeze({
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week_of_year',
  month: 'month',
  year: 'year',
});

/** How a string value with wildcards compares: the operator and the text it compares with. */
type StringMatch =
  | { readonly kind: 'equals' | 'startswith' | 'endswith' | 'contains'; readonly text: string }
  | { readonly kind: 'regex' }
  | { readonly kind: 'placeholder' };

const isAny = (p: SigmaString['parts'][number] | undefined): boolean => typeof p === 'object' && p.kind === 'wildcard' && p.char === '*';
const textAt = (parts: SigmaString['parts'], i: number): string => (typeof parts[i] === 'string' ? (parts[i] as string) : '');

/**
 * pySigma's choice: `x*` startswith, `*x` endswith, `*x*` contains, plain equals, any other wildcard a regex.
 * Adjacent text parts are merged, so the text between the wildcards is at most one part.
 */
export function stringMatch(value: SigmaString): StringMatch {
  const parts = value.parts;
  const n = parts.length;
  let specials = 0;
  for (const p of parts) {
    if (typeof p === 'string') continue;
    if (p.kind === 'placeholder') return { kind: 'placeholder' };
    specials++;
  }
  if (specials === 0) return { kind: 'equals', text: textAt(parts, 0) };
  const first = isAny(parts[0]);
  const last = isAny(parts[n - 1]);
  if (last && specials === 1) return { kind: 'startswith', text: n === 2 ? textAt(parts, 0) : '' };
  if (first && specials === 1) return { kind: 'endswith', text: n === 2 ? textAt(parts, 1) : '' };
  if (first && last && specials === 2) return { kind: 'contains', text: n === 3 ? textAt(parts, 1) : '' };
  return { kind: 'regex' };
}

/** A one-argument and/or (a `1 of x*` that matched one selection) is its argument, as in pySigma. */
function simplify(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'match':
      return node;
    case 'not': {
      const arg = simplify(node.arg);
      return arg === node.arg ? node : { kind: 'not', arg };
    }
    case 'and':
    case 'or': {
      if (node.args.length === 1 && !(node.kind === 'or' && node.fromValues)) return simplify(node.args[0] as QueryNode);
      const args = mapArgs(node.args, simplify);
      return args === node.args ? node : { ...node, args };
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** An `or` of the alternatives of one expanding value (windash, base64offset), not of an item's values. */
export function isExpansion(node: QueryNode): boolean {
  if (node.kind !== 'or' || !node.fromValues) return false;
  const first = node.args[0];
  return first !== undefined && first.kind === 'match' && !first.item.values.includes(first.value);
}

/** Joins terms with ` or ` / ` and `, grouping very long or-chains so their depth stays small. */
function chain(terms: readonly string[], op: 'and' | 'or'): string {
  const joiner = op === 'and' ? ' and ' : ' or ';
  if (op === 'and' || terms.length <= CHAIN_LIMIT) return terms.join(joiner);
  const groups: string[] = [];
  for (let i = 0; i < terms.length; i += CHAIN_GROUP) groups.push(`(${terms.slice(i, i + CHAIN_GROUP).join(joiner)})`);
  return groups.join(joiner);
}

export class KustoCompiler extends TextCompiler {
  protected readonly tokens: Tokens = Object.freeze({ and: ' and ', or: ' or ', not: 'not', groupOpen: '(', groupClose: ')' });
  protected override readonly andAsIn: boolean = true;

  /**
   * As the shared compiler, on trees whose one-argument and/or nodes are collapsed first (see `simplify`). A
   * condition left empty by the pipeline (every item dropped, e.g. only an EventID the table implies) gives no
   * query, as in pySigma, rather than an empty `where`.
   */
  override compileRule(rule: SigmaRule, state: Readonly<Record<string, unknown>> = {}): string[] {
    const queries: string[] = [];
    for (const node of ruleToNodes(rule)) {
      const ctx: CompileContext = { rule, state, deferred: [] };
      const main = this.visit(simplify(node), ctx);
      if (typeof main === 'string') queries.push(this.finalize(main, ctx));
    }
    return queries;
  }

  // ───────────── structure ─────────────

  /** pySigma's `parenthesize`: every and/or/not inside another is grouped; an expansion only inside an `and`. */
  protected override bindsTighter(outer: BoolOp, inner: QueryNode, _ctx: CompileContext): boolean {
    if (inner.kind === 'match') return true;
    if (isExpansion(inner)) return outer === 'or';
    return false;
  }

  protected override joinArgs(op: 'and' | 'or', node: AndNode | OrNode, ctx: CompileContext): Fragment {
    const parts: string[] = [];
    for (const arg of node.args) {
      const converted = this.visit(arg, ctx);
      if (converted === null) continue;
      if (typeof converted !== 'string') throw new SigmaError('internal', 'KQL has no deferred query parts', ctx.rule.source);
      parts.push(this.bindsTighter(op, arg, ctx) ? converted : this.group(converted));
    }
    return parts.length === 0 ? null : chain(parts, op);
  }

  protected override visitOr(node: OrNode, ctx: CompileContext): Fragment {
    // pySigma converts an expansion's alternatives as a plain or, never as an `in~` list.
    if (isExpansion(node)) return this.joinArgs('or', node, ctx);
    return super.visitOr(node, ctx);
  }

  protected override visitNot(node: NotNode, ctx: CompileContext): Fragment {
    const arg = node.arg;
    const converted = this.visit(arg, ctx);
    if (converted === null) return null;
    if (typeof converted !== 'string') throw new SigmaError('internal', 'KQL has no deferred query parts', ctx.rule.source);
    const grouped = (arg.kind === 'and' || arg.kind === 'or') && !isExpansion(arg);
    return `not(${grouped ? this.group(converted) : converted})`;
  }

  protected override inListAccepts(match: MatchNode, _ctx: CompileContext): boolean {
    return !(match.value.kind === 'string' && (match.value.cased || stringMatch(match.value).kind === 'placeholder'));
  }

  /**
   * `C in~ ("a", "b")` (or `has_all` for and) for the plain values, then each value with wildcards as its own
   * comparison, as pySigma-backend-kusto does. A column of a known non-string type compares value by value.
   */
  protected renderInList(field: string, values: readonly SigmaValue[], op: 'and' | 'or', ctx: CompileContext): Fragment {
    const cls = this.columnClassOf(field, ctx);
    const column = kqlColumn(field);
    const terms: string[] = [];
    const listed: string[] = [];
    const numbers: string[] = [];
    for (const value of values) {
      if (value.kind === 'number') {
        if (cls === 'number' && op === 'or') numbers.push(value.text);
        else if (cls === 'string' || cls === 'unknown') listed.push(kqlString(value.text));
        else terms.push(this.numberTerm(field, value.text, cls));
      } else if (value.kind === 'string' && !hasWildcards(value) && (cls === 'string' || cls === 'unknown')) {
        listed.push(kqlString(plainText(value)));
      } else if (value.kind === 'string' && cls === 'number' && op === 'or' && !hasWildcards(value) && numberLiteral(plainText(value))) {
        numbers.push(numberLiteral(plainText(value)) as string);
      } else if (value.kind === 'string') {
        terms.push(this.stringTerm(field, value, cls, ctx.rule.source));
      }
    }
    const head: string[] = [];
    if (listed.length > 0) head.push(`${column} ${op === 'or' ? 'in~' : 'has_all'} (${listed.join(', ')})`);
    if (numbers.length > 0) head.push(numbers.length === 1 ? `${column} == ${numbers[0]}` : `${column} in (${numbers.join(', ')})`);
    return chain([...head, ...terms], op);
  }

  // ───────────── leaves ─────────────

  private table(ctx: CompileContext): string | undefined {
    const table = ctx.state['query_table'];
    if (typeof table === 'string') return table;
    if (Array.isArray(table) && typeof table[0] === 'string') return table[0];
    return undefined;
  }

  protected columnClassOf(field: string, ctx: CompileContext): ColumnClass {
    return columnClass(columnType(this.table(ctx), field));
  }

  /** The column as text (`tostring(C)`) when a string operator meets a column of another type. */
  private textColumn(field: string, cls: ColumnClass): string {
    const column = kqlColumn(field);
    return cls === 'string' || cls === 'unknown' ? column : `tostring(${column})`;
  }

  private stringTerm(field: string, value: SigmaString, cls: ColumnClass, location?: SourceLocation): string {
    const match = stringMatch(value);
    if (match.kind === 'placeholder') throw placeholderError(field, firstPlaceholder(value) ?? '', location);
    if (match.kind === 'equals') {
      if (cls === 'number') {
        const n = numberLiteral(match.text);
        if (n !== undefined) return `${kqlColumn(field)} == ${n}`;
      } else if (cls === 'bool') {
        const b = boolLiteral(match.text);
        if (b !== undefined) return `${kqlColumn(field)} == ${b}`;
      }
    }
    const column = this.textColumn(field, cls);
    const cs = value.cased ? '_cs' : '';
    switch (match.kind) {
      case 'equals':
        return `${column} ${value.cased ? '==' : '=~'} ${kqlString(match.text)}`;
      case 'startswith':
      case 'endswith':
      case 'contains':
        return `${column} ${match.kind}${cs} ${kqlString(match.text)}`;
      case 'regex':
        return `${column} matches regex ${kqlString(wildcardRegex(value))}`;
      default: {
        const never: never = match;
        return never;
      }
    }
  }

  private numberTerm(field: string, number: string, cls: ColumnClass): string {
    const column = kqlColumn(field);
    switch (cls) {
      case 'bool':
        return `tolong(${column}) == ${number}`;
      case 'other':
        return `tostring(${column}) == ${kqlString(number)}`;
      default:
        return `${column} == ${number}`;
    }
  }

  protected fieldString(field: string, value: SigmaString, node: MatchNode, ctx: CompileContext): Fragment {
    return this.stringTerm(field, value, this.columnClassOf(field, ctx), node.item.location ?? ctx.rule.source);
  }

  protected fieldNumber(field: string, number: string, _node: MatchNode, ctx: CompileContext): Fragment {
    return this.numberTerm(field, number, this.columnClassOf(field, ctx));
  }

  protected fieldBoolean(field: string, value: boolean, _node: MatchNode, ctx: CompileContext): Fragment {
    const column = kqlColumn(field);
    switch (this.columnClassOf(field, ctx)) {
      case 'string':
        return `${column} =~ ${kqlString(String(value))}`;
      case 'number':
        return `${column} == ${value ? 1 : 0}`;
      case 'other':
        return `tostring(${column}) =~ ${kqlString(String(value))}`;
      default:
        return `${column} == ${value}`;
    }
  }

  /**
   * `field: null`: absent or empty. A string column is never null in KQL (missing values are ""), so the
   * reference's `isnull()` is always false there; `isempty()` is the test. Typed columns keep `isnull()`.
   */
  protected fieldNull(field: string, _node: MatchNode, ctx: CompileContext): Fragment {
    const cls = this.columnClassOf(field, ctx);
    return `${cls === 'string' ? 'isempty' : 'isnull'}(${kqlColumn(field)})`;
  }

  protected fieldRegex(field: string, value: SigmaRegex, _node: MatchNode, ctx: CompileContext): Fragment {
    const column = this.textColumn(field, this.columnClassOf(field, ctx));
    return `${column} matches regex "${escapeKql(regexFlagPrefix(value.flags) + value.pattern)}"`;
  }

  protected fieldCidr(field: string, value: SigmaCidr, _node: MatchNode, _ctx: CompileContext): Fragment {
    const fn = value.version === 6 ? 'ipv6_is_in_range' : 'ipv4_is_in_range';
    return `${fn}(${kqlColumn(field)}, ${kqlString(value.cidr)})`;
  }

  protected fieldExists(field: string, exists: boolean, _node: MatchNode, _ctx: CompileContext): Fragment {
    return `${exists ? 'isnotempty' : 'isempty'}(${kqlColumn(field)})`;
  }

  protected fieldCompare(field: string, op: CompareOp, number: string, _node: MatchNode, ctx: CompileContext): Fragment {
    const cls = this.columnClassOf(field, ctx);
    const column = cls === 'number' || cls === 'unknown' ? kqlColumn(field) : `todouble(${kqlColumn(field)})`;
    return `${column} ${COMPARE[op]} ${number}`;
  }

  protected override fieldRef(field: string, other: string, _node: MatchNode, ctx: CompileContext): Fragment {
    const a = this.columnClassOf(field, ctx);
    const b = this.columnClassOf(other, ctx);
    const textual = (c: ColumnClass): boolean => c === 'string' || c === 'unknown';
    return `${kqlColumn(field)} ${textual(a) && textual(b) ? '=~' : '=='} ${kqlColumn(other)}`;
  }

  protected override visitMatch(node: MatchNode, ctx: CompileContext): Fragment {
    if (node.field !== null && node.value.kind === 'timepart') return this.fieldTimePart(node.field, node.value, ctx);
    return super.visitMatch(node, ctx);
  }

  private fieldTimePart(field: string, value: Extract<SigmaValue, { kind: 'timepart' }>, _ctx: CompileContext): string {
    const part = `datetime_part(${kqlString(TIME_PART[value.part])}, ${kqlColumn(field)})`;
    return value.value.kind === 'compare'
      ? `${part} ${COMPARE[value.value.op]} ${value.value.value.text}`
      : `${part} == ${value.value.text}`;
  }

  /** Keywords search every column: `* contains "x"`, `* matches regex "…"`. */
  protected keyword(value: SigmaValue, node: MatchNode, _ctx: CompileContext): Fragment {
    switch (value.kind) {
      case 'string': {
        const match = stringMatch(value);
        if (match.kind === 'placeholder')
          throw placeholderError(null, firstPlaceholder(value) ?? '', node.item.location ?? _ctx.rule.source);
        const cs = value.cased ? '_cs' : '';
        if (match.kind === 'regex') return `* matches regex ${kqlString(wildcardRegex(value, false))}`;
        return `* contains${cs} ${kqlString(match.text)}`;
      }
      case 'number':
        return `* contains ${kqlString(value.text)}`;
      case 'regex':
        return `* matches regex "${escapeKql(regexFlagPrefix(value.flags) + value.pattern)}"`;
      default:
        return this.unsupported(`a ${value.kind} keyword`, node, _ctx);
    }
  }
}
