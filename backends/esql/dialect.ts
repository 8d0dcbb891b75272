/**
 * The ES|QL dialect of the shared text compiler: `FROM <index patterns> METADATA _id, _index, _version | WHERE …`.
 *
 * Sigma semantics, exactly:
 * - strings match case-insensitively unless `cased`: `TO_LOWER(field) == "lowered"` / `TO_LOWER(field) LIKE
 *   "lowered*pattern"` (ES|QL has no case-insensitive comparison operator in a released grammar up to 8.14, the
 *   grammar the tests check against); text without cased letters (numbers, IP addresses) is compared directly,
 *   which keeps the comparison usable on `ip` fields and by the index;
 * - wildcards through `LIKE`, literal `*`, `?`, `\` escaped (`strings.ts`); regexes through `RLIKE` in Lucene
 *   syntax (`regex.ts`), refused with a located error where Lucene cannot express them;
 * - Sigma's `not` is two-valued, ES|QL's three-valued: `NOT (field LIKE "x")` is null, and the row dropped, when
 *   the field is missing. Under a `not`, every comparison that can be null is written `COALESCE(…, false)`, so an
 *   event without the field is kept as Sigma means. (Without negation, null acts as false already.)
 * - numbers: as numbers on ECS numeric fields, as their text on the others (`fields.ts`); `lt`…`gte` through
 *   `TO_DOUBLE()` on non-numeric fields; `cidr` through `CIDR_MATCH`; `exists` through `IS [NOT] NULL`;
 *   `fieldref` compares the two values as lower-cased strings; keywords search the `message` field.
 */
import type { SigmaRule, SigmaString, SigmaValue } from '../../src/rule/ast.js';
import { SigmaError } from '../../src/errors.js';
import { type CompileContext, type Fragment, TextCompiler, type Tokens } from '../../src/compile/compiler.js';
import type { MatchNode, NotNode } from '../../src/compile/tree.js';
import { hasWildcards, plainText } from '../../src/rule/strings.js';
import { firstPlaceholder, refuseUnresolvedPlaceholder } from '../../src/compile/placeholders.js';
import { keywordsAsField } from '../eql/keywords.js';
import { esqlField, isNumericField } from './fields.js';
import { luceneRegex, RegexTranslationError } from './regex.js';
import { caseFree, esqlString, likePattern, textLiteral } from './strings.js';

export const DEFAULT_KEYWORD_FIELD = 'message';
export const METADATA = 'METADATA _id, _index, _version';

export interface EsqlDialectOptions {
  /** Index patterns for `FROM` (the `index` option); else the pipeline state's `index`; else `defaultIndex`. */
  readonly index?: readonly string[];
  readonly defaultIndex?: readonly string[];
  /** The field keyword detections search (default `message`). */
  readonly keywordField?: string;
}

const COMPARE: Readonly<Record<'lt' | 'lte' | 'gt' | 'gte', string>> = Object.freeze({ lt: '<', lte: '<=', gt: '>', gte: '>=' });

/** An index pattern FROM can take unquoted in every ES|QL version (no quoting form is common to all of them). */
const INDEX_PATTERN = /^[^\s=`|,[\]/"]+$/;

export function checkIndexPatterns(patterns: readonly string[], where: string): readonly string[] {
  if (patterns.length === 0) throw new SigmaError('backend', `esql: ${where} names no index pattern`);
  for (const p of patterns) {
    if (!INDEX_PATTERN.test(p))
      throw new SigmaError('backend', `esql: index pattern '${p}' (${where}) has a character FROM cannot take (space = \` | , [ ] / ")`);
  }
  return patterns;
}

/** Index patterns from a pipeline state value (`index: logs-*`, `index: [a, b]`, or comma-separated). */
function stateIndex(state: Readonly<Record<string, unknown>>): readonly string[] | undefined {
  const v = state.index;
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  return undefined;
}

export class EsqlCompiler extends TextCompiler {
  protected readonly tokens: Tokens = Object.freeze({ and: ' AND ', or: ' OR ', not: 'NOT ', groupOpen: '(', groupClose: ')' });
  protected override readonly inAllowsWildcards = false;
  private readonly options: EsqlDialectOptions;
  /** How many `not`s enclose the node being compiled (comparisons under one are made two-valued). */
  private negations = 0;

  constructor(options: EsqlDialectOptions = {}) {
    super();
    this.options = options;
  }

  override compileRule(rule: SigmaRule, state: Readonly<Record<string, unknown>> = {}): string[] {
    return super.compileRule(keywordsAsField(rule, this.options.keywordField ?? DEFAULT_KEYWORD_FIELD), state);
  }

  /** The `FROM` patterns of a run. */
  indexPatterns(state: Readonly<Record<string, unknown>>): readonly string[] {
    if (this.options.index) return checkIndexPatterns(this.options.index, "option 'index'");
    const fromState = stateIndex(state);
    if (fromState) return checkIndexPatterns(fromState, "the pipeline state 'index'");
    return checkIndexPatterns(this.options.defaultIndex ?? ['*'], 'the default');
  }

  protected override finalize(main: string | null, ctx: CompileContext): string {
    const condition = super.finalize(main, ctx);
    const from = `FROM ${this.indexPatterns(ctx.state).join(', ')} ${METADATA}`;
    return condition === '' ? from : `${from} | WHERE ${condition}`;
  }

  protected override visitNot(node: NotNode, ctx: CompileContext): Fragment {
    this.negations++;
    try {
      return super.visitNot(node, ctx);
    } finally {
      this.negations--;
    }
  }

  /** A comparison that is null for a missing field, made false instead when it stands under a `not`. */
  private twoValued(comparison: string): string {
    return this.negations > 0 ? `COALESCE(${comparison}, false)` : comparison;
  }

  // ───────────── lists ─────────────

  /** `f IN (…)` is one predicate in ES|QL: no parentheses around it. */
  protected override inListOperator(): undefined {
    return undefined;
  }

  protected override inListAccepts(match: MatchNode): boolean {
    const v = match.value;
    if (v.kind === 'number') return true;
    if (v.kind !== 'string') return false;
    return !v.cased && firstPlaceholder(v) === undefined && !(match.field !== null && isNumericField(match.field));
  }

  protected renderInList(field: string, values: readonly SigmaValue[]): Fragment {
    const name = esqlField(field);
    if (isNumericField(field) && values.every((v) => v.kind === 'number'))
      return this.twoValued(`${name} IN (${values.map((v) => (v.kind === 'number' ? v.text : '')).join(', ')})`);
    const texts = values.map((v) => (v.kind === 'string' ? plainText(v) : v.kind === 'number' ? v.text : ''));
    const lower = !texts.every(caseFree);
    const subject = lower ? `TO_LOWER(${name})` : name;
    return this.twoValued(`${subject} IN (${texts.map((t) => textLiteral(t, lower)).join(', ')})`);
  }

  // ───────────── leaves ─────────────

  /** A placeholder no pipeline defined is refused (ES|QL would compare with the text `%name%`). */
  protected fieldString(field: string, value: SigmaString, node: MatchNode, ctx: CompileContext): Fragment {
    refuseUnresolvedPlaceholder(field, value, node.item.location ?? ctx.rule.source);
    const name = esqlField(field);
    const texts = value.parts.filter((p): p is string => typeof p === 'string');
    const lower = !value.cased && !texts.every(caseFree);
    const subject = lower ? `TO_LOWER(${name})` : name;
    if (!hasWildcards(value)) return this.twoValued(`${subject} == ${textLiteral(plainText(value), lower)}`);
    return this.twoValued(`${subject} LIKE ${likePattern(value, lower)}`);
  }

  protected fieldNumber(field: string, number: string): Fragment {
    const name = esqlField(field);
    return this.twoValued(isNumericField(field) ? `${name} == ${number}` : `${name} == ${esqlString(number)}`);
  }

  protected fieldBoolean(field: string, value: boolean): Fragment {
    return this.twoValued(`${esqlField(field)} == ${value ? 'true' : 'false'}`);
  }

  protected fieldNull(field: string): Fragment {
    return `${esqlField(field)} IS NULL`;
  }

  protected fieldRegex(field: string, value: Extract<SigmaValue, { kind: 'regex' }>, node: MatchNode, ctx: CompileContext): Fragment {
    let lucene: string;
    try {
      lucene = luceneRegex(value.pattern, {
        ignoreCase: value.flags.ignoreCase,
        multiline: value.flags.multiline,
        dotAll: value.flags.dotAll,
      });
    } catch (e) {
      if (!(e instanceof RegexTranslationError)) throw e;
      throw new SigmaError(
        'unsupported',
        `ES|QL's RLIKE (Lucene regular expressions) cannot express ${e.message} in the regex of field '${field}'`,
        node.item.location ?? ctx.rule.source,
      );
    }
    return this.twoValued(`${esqlField(field)} RLIKE ${esqlString(lucene)}`);
  }

  protected fieldCidr(field: string, value: Extract<SigmaValue, { kind: 'cidr' }>): Fragment {
    return this.twoValued(`CIDR_MATCH(${esqlField(field)}, ${esqlString(value.cidr)})`);
  }

  protected fieldExists(field: string, exists: boolean): Fragment {
    return `${esqlField(field)} IS ${exists ? 'NOT NULL' : 'NULL'}`;
  }

  protected fieldCompare(field: string, op: 'lt' | 'lte' | 'gt' | 'gte', number: string): Fragment {
    const subject = isNumericField(field) ? esqlField(field) : `TO_DOUBLE(${esqlField(field)})`;
    return this.twoValued(`${subject} ${COMPARE[op]} ${number}`);
  }

  protected keyword(_value: SigmaValue, node: MatchNode, ctx: CompileContext): Fragment {
    return this.unsupported('a keyword (a value without a field)', node, ctx);
  }

  protected override fieldRef(field: string, other: string): Fragment {
    if (isNumericField(field) && isNumericField(other)) return this.twoValued(`${esqlField(field)} == ${esqlField(other)}`);
    const side = (f: string) => `TO_LOWER(TO_STRING(${esqlField(f)}))`;
    return this.twoValued(`${side(field)} == ${side(other)}`);
  }
}
