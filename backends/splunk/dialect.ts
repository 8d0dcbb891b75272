/**
 * The SPL dialect of the shared text compiler. SPL's search command binds OR tighter than the implicit AND
 * (a space), so `a b OR c` is `a AND (b OR c)` and only an AND inside an OR needs parentheses.
 *
 * What a search term cannot express becomes a command around the search:
 * - a regex (and a string SPL cannot search for: a literal `*`, a case-sensitive match) and-ed at the top is a
 *   `| regex field="…"` filter after the search; and a field reference a `| where 'a'='b'` filter;
 * - the same under an OR (or inside a negated group) is a `| rex`/`| eval` stage before the search that sets a
 *   `<field>Condition` field, which the search then tests as `<field>Condition="true"`.
 */
import type { DetectionItem, RegexFlags, SigmaRule, SigmaString, SigmaValue } from '../../src/rule/ast.js';
import { TextCompiler, type BoolOp, type CompileContext, type Fragment, type Tokens, deferred } from '../../src/compile/compiler.js';
import { ruleToNodes, type MatchNode, type NotNode, type OrNode, type QueryNode } from '../../src/compile/tree.js';
import { firstPlaceholder, refuseUnresolvedPlaceholder } from '../../src/compile/placeholders.js';
import { needsRegex, splCommandField, splField, splRegex, splStageStem, splString, stringToRegex } from './escape.js';
import { renderSearch, type SplQuery } from './query.js';

interface SplunkContext extends CompileContext {
  /** How many `or` nodes (or negated groups) enclose the node being compiled: a filter cannot live there. */
  nested: number;
  /** True while compiling the direct argument of a NOT (a superset pre-filter would be wrong there). */
  negatedLeaf: boolean;
  /** Stage counter per field, for `<field>Match<n>` / `<field>Condition<n>` names. */
  readonly counts: Map<string, number>;
  readonly stages: string[];
  readonly fields: string[];
}

const COMPARE: Readonly<Record<'lt' | 'lte' | 'gt' | 'gte', string>> = Object.freeze({ lt: '<', lte: '<=', gt: '>', gte: '>=' });

const valueSets = new WeakMap<DetectionItem, ReadonlySet<SigmaValue>>();

/** The values of a detection item as a set (an expanded value's alternatives are not in it). */
function itemValues(item: DetectionItem): ReadonlySet<SigmaValue> {
  let set = valueSets.get(item);
  if (!set) valueSets.set(item, (set = new Set(item.values)));
  return set;
}

/** The tree without one-argument and/or nodes (`1 of filter_*` matching one selection): they add no group. */
function unwrap(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      if (node.args.length === 1) return unwrap(node.args[0] as QueryNode);
      return { ...node, args: node.args.map(unwrap) };
    case 'not':
      return { kind: 'not', arg: unwrap(node.arg) };
    case 'match':
      return node;
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** Nested top-level ands flattened: `a and (b and c)` → [a, b, c]. */
function andArgs(node: QueryNode): QueryNode[] {
  if (node.kind !== 'and') return [node];
  return node.args.flatMap(andArgs);
}

/** Lays out a compiled query for one output format (plain search, tstats over a data model, ESCU …). */
export type SplLayout = (query: SplQuery, rule: SigmaRule, state: Readonly<Record<string, unknown>>) => string;

export class SplunkCompiler extends TextCompiler {
  constructor(protected readonly layout: SplLayout = renderSearch) {
    super();
  }

  protected readonly tokens: Tokens = Object.freeze({ and: ' ', or: ' OR ', not: 'NOT ', groupOpen: '(', groupClose: ')' });
  protected override readonly precedence: readonly BoolOp[] = ['not', 'or', 'and'];

  /** Compiles every condition of a rule into its SPL parts. */
  compileParts(rule: SigmaRule, state: Readonly<Record<string, unknown>> = {}): SplQuery[] {
    return ruleToNodes(rule).map((node) => {
      const ctx: SplunkContext = { rule, state, deferred: [], nested: 0, negatedLeaf: false, counts: new Map(), stages: [], fields: [] };
      const args = andArgs(unwrap(node));
      const prefix: string[] = [];
      let i = 0;
      while (i < args.length - 1 && this.isPlainTerm(args[i] as QueryNode)) {
        prefix.push(this.visit(args[i] as QueryNode, ctx) as string);
        i++;
      }
      const rest = args.slice(i);
      const restNode: QueryNode = rest.length === 1 ? (rest[0] as QueryNode) : { kind: 'and', args: rest };
      const main = this.visit(restNode, ctx);
      if (main !== null && typeof main !== 'string') ctx.deferred.push(main);
      const filters = ctx.deferred.map((d) => d.render(d.negated));
      return Object.freeze({
        prefix: Object.freeze(prefix),
        main: typeof main === 'string' && main !== '' ? main : null,
        stages: Object.freeze([...ctx.stages]),
        filters: Object.freeze(filters),
        fields: Object.freeze([...new Set(ctx.fields)]),
      });
    });
  }

  /**
   * A `field=value` term that can be searched before any stage (hoisted in front of `| rex`), or a `field IN (…)`
   * list of such values (splunk_windows' `source IN ("WinEventLog:…", "XmlWinEventLog:…")`).
   */
  protected isPlainTerm(node: QueryNode): boolean {
    if (node.kind === 'or' && node.fromValues === true) {
      const field = node.args[0]?.kind === 'match' ? node.args[0].field : null;
      return field !== null && node.args.every((a) => a.kind === 'match' && a.field === field && this.isPlainTerm(a));
    }
    if (node.kind !== 'match' || node.field === null) return false;
    const v = node.value;
    return v.kind === 'number' || (v.kind === 'string' && !needsRegex(v));
  }

  /** Every condition of a rule as query text, laid out by this compiler's format. */
  override compileRule(rule: SigmaRule, state: Readonly<Record<string, unknown>> = {}): string[] {
    return this.compileParts(rule, state).map((q) => this.layout(q, rule, state));
  }

  // ───────────── structure ─────────────

  protected override visitOr(node: OrNode, ctx: CompileContext): Fragment {
    const c = ctx as SplunkContext;
    c.nested++;
    try {
      return super.visitOr(node, ctx);
    } finally {
      c.nested--;
    }
  }

  protected override visitNot(node: NotNode, ctx: CompileContext): Fragment {
    const c = ctx as SplunkContext;
    if (node.arg.kind === 'match') {
      c.negatedLeaf = true;
      try {
        return super.visitNot(node, ctx);
      } finally {
        c.negatedLeaf = false;
      }
    }
    c.nested++;
    try {
      return super.visitNot(node, ctx);
    } finally {
      c.nested--;
    }
  }

  /** NOT groups any operator (also `NOT (NOT …)`), as the reference does. */
  protected override renderNot(converted: string, _isGroup: boolean, arg: QueryNode, ctx: CompileContext): string {
    const group = this.operatorOf(arg, ctx) !== undefined;
    return `${this.tokens.not}${group ? this.group(converted) : converted}`;
  }

  /** Values of one item may form `IN (…)`; alternatives of one expanded value (windash …) stay or-ed terms. */
  protected override inListAccepts(match: MatchNode, _ctx: CompileContext): boolean {
    const v = match.value;
    // windash always expands in the reference, even to a single variant, and expanded values never form a list
    if (!itemValues(match.item).has(v) || match.item.modifiers.includes('windash')) return false;
    return v.kind !== 'string' || (!needsRegex(v) && firstPlaceholder(v) === undefined);
  }

  protected renderInList(field: string, values: readonly SigmaValue[], _op: 'and' | 'or', _ctx: CompileContext): Fragment {
    const list = values.map((v) => (v.kind === 'string' ? splString(v) : v.kind === 'number' ? v.text : '')).join(', ');
    return `${splField(field)} IN (${list})`;
  }

  // ───────────── leaves ─────────────

  /** A placeholder no pipeline defined is refused (SPL would search for the text `%name%`). */
  protected fieldString(field: string, value: SigmaString, node: MatchNode, ctx: CompileContext): Fragment {
    refuseUnresolvedPlaceholder(field, value, node.item.location ?? ctx.rule.source);
    if (needsRegex(value)) {
      const { pattern, flags } = stringToRegex(value);
      const c = ctx as SplunkContext;
      if (c.nested > 0 || c.negatedLeaf) return this.regexMatch(field, pattern, flags, ctx);
      // and-ed at the top: search with `*` for the literal `*` (a superset the index can use), then filter exactly
      const exact = this.regexMatch(field, pattern, flags, ctx);
      if (exact !== null && typeof exact !== 'string') ctx.deferred.push(exact);
      return `${splField(field)}=${splString(value)}`;
    }
    return `${splField(field)}=${splString(value)}`;
  }

  protected fieldNumber(field: string, number: string): Fragment {
    return `${splField(field)}=${number}`;
  }

  protected fieldBoolean(field: string, value: boolean): Fragment {
    return `${splField(field)}=${value ? 'true' : 'false'}`;
  }

  /** `field: null`: the field is absent. (`field!=*` would match nothing: it needs the field to exist.) */
  protected fieldNull(field: string): Fragment {
    return `NOT ${splField(field)}=*`;
  }

  protected fieldExists(field: string, exists: boolean): Fragment {
    return `${exists ? '' : 'NOT '}${splField(field)}=*`;
  }

  protected fieldCompare(field: string, op: 'lt' | 'lte' | 'gt' | 'gte', number: string): Fragment {
    return `${splField(field)}${COMPARE[op]}${number}`;
  }

  /** SPL's search matches CIDR notation natively. */
  protected fieldCidr(field: string, value: Extract<SigmaValue, { kind: 'cidr' }>): Fragment {
    return `${splField(field)}="${value.cidr}"`;
  }

  protected fieldRegex(field: string, value: Extract<SigmaValue, { kind: 'regex' }>, _node: MatchNode, ctx: CompileContext): Fragment {
    return this.regexMatch(field, value.pattern, value.flags, ctx);
  }

  protected override fieldRef(field: string, other: string, node: MatchNode, ctx: CompileContext): Fragment {
    const c = ctx as SplunkContext;
    splCommandField(field, node.item.location);
    splCommandField(other, node.item.location);
    c.fields.push(field, other);
    if (c.nested === 0) return deferred((negated) => `where ${negated ? 'NOT ' : ''}'${field}'='${other}'`);
    const { condition } = this.stageNames(field, c);
    c.stages.push(`eval ${condition}=if('${field}'='${other}', "true", "false")`);
    return `${condition}="true"`;
  }

  protected keyword(value: SigmaValue, node: MatchNode, ctx: CompileContext): Fragment {
    switch (value.kind) {
      case 'string': {
        refuseUnresolvedPlaceholder(null, value, node.item.location ?? ctx.rule.source);
        if (!needsRegex(value)) return splString(value);
        const { pattern, flags } = stringToRegex(value, true);
        return this.regexMatch('_raw', pattern, flags, ctx);
      }
      case 'number':
        return value.text;
      case 'regex':
        return this.regexMatch('_raw', value.pattern, value.flags, ctx);
      default:
        return this.unsupported(`a ${value.kind} keyword`, node, ctx);
    }
  }

  /** A regex test of a field: a filter after the search where it can be, else a stage before it. */
  protected regexMatch(field: string, pattern: string, flags: RegexFlags, ctx: CompileContext): Fragment {
    const c = ctx as SplunkContext;
    splCommandField(field, ctx.rule.source);
    const regex = splRegex(pattern, flags);
    c.fields.push(field);
    if (c.nested === 0) return deferred((negated) => `regex ${field}${negated ? '!=' : '='}"${regex}"`);
    const { match, condition } = this.stageNames(field, c);
    c.stages.push(`rex field=${field} "(?<${match}>${regex})"`, `eval ${condition}=if(isnotnull(${match}), "true", "false")`);
    return `${condition}="true"`;
  }

  /** `<stem>Match<n>` / `<stem>Condition<n>` (n from 2 on, per stem): the field without its data-model prefix. */
  protected stageNames(field: string, c: SplunkContext): { match: string; condition: string } {
    const base = splStageStem(field);
    const n = (c.counts.get(base) ?? 0) + 1;
    c.counts.set(base, n);
    const suffix = n === 1 ? '' : String(n);
    return { match: `${base}Match${suffix}`, condition: `${base}Condition${suffix}` };
  }
}
