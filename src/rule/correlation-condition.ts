/**
 * Extended correlation conditions (pySigma's `SigmaExtendedCorrelationCondition`): a `temporal` or
 * `temporal_ordered` correlation whose `condition` is a boolean expression over rule names or ids, e.g.
 * `base_rule_1 and base_rule_2 and not base_rule_3`. Precedence as in rule conditions: `not` > `and` > `or`;
 * parentheses group. `and`/`or` chains are flat (`a and b and c` is one `and` of three), as pySigma parses them.
 */
import { SigmaError, type SourceLocation } from '../errors.js';

export type CorrelationExpression =
  | { readonly kind: 'rule'; readonly ref: string; readonly offset: number }
  | { readonly kind: 'and' | 'or'; readonly args: readonly CorrelationExpression[] }
  | { readonly kind: 'not'; readonly arg: CorrelationExpression };

const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);
/** A rule reference: a name (pySigma: letters, digits, `_`) or an id (UUIDs have `-`; names in the wild `.`). */
const TOKEN = /\s*(\(|\)|[A-Za-z0-9_][\w.-]*)/y;
const MAX_DEPTH = 200;

interface Token {
  readonly text: string;
  readonly offset: number;
}

function tokenize(text: string, location: SourceLocation): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) {
      const at = pos + (/^\s*/.exec(text.slice(pos))?.[0].length ?? 0);
      throw new SigmaError('correlation', `correlation condition: unexpected '${text.charAt(at)}' at offset ${at} in '${text}'`, location);
    }
    const token = m[1] as string;
    out.push({ text: token, offset: TOKEN.lastIndex - token.length });
    pos = TOKEN.lastIndex;
  }
  return out;
}

/** Parses an extended correlation condition; errors are located at the condition. */
export function parseCorrelationExpression(text: string, location: SourceLocation = {}): CorrelationExpression {
  const tokens = tokenize(text, location);
  let i = 0;
  const fail = (what: string): never => {
    const t = tokens[i];
    throw new SigmaError(
      'correlation',
      `correlation condition: ${what} ${t ? `at '${t.text}' (offset ${t.offset})` : 'at the end'} of '${text}'`,
      location,
    );
  };
  const peek = (): string | undefined => tokens[i]?.text.toLowerCase();
  const or = (depth: number): CorrelationExpression => {
    if (depth > MAX_DEPTH) throw new SigmaError('limit', `correlation condition nested more than ${MAX_DEPTH} deep`, location);
    const args = [and(depth)];
    while (peek() === 'or') {
      i++;
      args.push(and(depth));
    }
    return args.length === 1 ? (args[0] as CorrelationExpression) : Object.freeze({ kind: 'or', args: Object.freeze(args) });
  };
  const and = (depth: number): CorrelationExpression => {
    const args = [unary(depth)];
    while (peek() === 'and') {
      i++;
      args.push(unary(depth));
    }
    return args.length === 1 ? (args[0] as CorrelationExpression) : Object.freeze({ kind: 'and', args: Object.freeze(args) });
  };
  const unary = (depth: number): CorrelationExpression => {
    const t = tokens[i];
    if (!t) return fail('a rule name is missing');
    const word = t.text.toLowerCase();
    if (word === 'not') {
      i++;
      return Object.freeze({ kind: 'not', arg: unary(depth + 1) });
    }
    if (t.text === '(') {
      i++;
      const inner = or(depth + 1);
      if (tokens[i]?.text !== ')') fail("')' expected");
      i++;
      return inner;
    }
    if (t.text === ')' || KEYWORDS.has(word)) return fail('a rule name is expected');
    i++;
    return Object.freeze({ kind: 'rule', ref: t.text, offset: t.offset });
  };
  const tree = or(0);
  if (i < tokens.length) fail('unexpected text');
  return tree;
}

/** The rules an expression names, each once, in order of first appearance (pySigma's `get_referenced_rules`). */
export function expressionRules(e: CorrelationExpression): string[] {
  const out: string[] = [];
  const walk = (n: CorrelationExpression): void => {
    if (n.kind === 'rule') {
      if (!out.includes(n.ref)) out.push(n.ref);
    } else if (n.kind === 'not') walk(n.arg);
    else n.args.forEach(walk);
  };
  walk(e);
  return out;
}

/** The rules an expression names outside any `not` (the ones whose presence can make it true). */
export function positiveRules(e: CorrelationExpression, negated = false, out: string[] = []): string[] {
  if (e.kind === 'rule') {
    if (!negated && !out.includes(e.ref)) out.push(e.ref);
  } else if (e.kind === 'not') positiveRules(e.arg, !negated, out);
  else for (const a of e.args) positiveRules(a, negated, out);
  return out;
}

/** Evaluates an expression over the set of rule references present. */
export function evaluateExpression(e: CorrelationExpression, present: (ref: string) => boolean): boolean {
  switch (e.kind) {
    case 'rule':
      return present(e.ref);
    case 'not':
      return !evaluateExpression(e.arg, present);
    case 'and':
      return e.args.every((a) => evaluateExpression(a, present));
    case 'or':
      return e.args.some((a) => evaluateExpression(a, present));
  }
}

/**
 * Renders an expression with a target's tokens. `leaf` writes one rule reference; `precedence` lists the
 * operators from the one that binds tightest (a sub-expression of an operator that binds at least as tight as
 * its parent needs no parentheses), as pySigma's `compare_precedence` does; a `not` operand is always grouped
 * unless it is a rule reference.
 */
export interface ExpressionTokens {
  readonly leaf: (ref: string) => string;
  readonly and: string;
  readonly or: string;
  readonly not: (operand: string) => string;
  readonly group: (inner: string) => string;
  readonly precedence: readonly ('not' | 'and' | 'or')[];
}

export function renderExpression(e: CorrelationExpression, t: ExpressionTokens): string {
  const rank = (k: 'not' | 'and' | 'or') => t.precedence.indexOf(k);
  const operand = (parent: 'and' | 'or', child: CorrelationExpression): string => {
    const text = renderExpression(child, t);
    if (child.kind === 'rule' || rank(child.kind) <= rank(parent)) return text;
    return t.group(text);
  };
  switch (e.kind) {
    case 'rule':
      return t.leaf(e.ref);
    case 'not':
      return t.not(e.arg.kind === 'rule' ? t.leaf(e.arg.ref) : t.group(renderExpression(e.arg, t)));
    case 'and':
      return e.args.map((a) => operand('and', a)).join(t.and);
    case 'or':
      return e.args.map((a) => operand('or', a)).join(t.or);
  }
}
