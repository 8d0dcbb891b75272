/**
 * pySigma's condition expressions for processing items (`rule_cond_expr: "a and not (b or c)"`), where the
 * names refer to the keys of a condition map. Parsed once into a tree of identifiers.
 */

export type Expression =
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'not'; readonly arg: Expression }
  | { readonly kind: 'and' | 'or'; readonly args: readonly Expression[] };

/** Parses an expression; returns an error message instead of throwing so the caller can locate it. */
export function parseExpression(text: string): Expression | string {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const word = (t: string | undefined, w: string): boolean => t !== undefined && t.toLowerCase() === w;

  const primary = (): Expression | string => {
    const t = tokens[pos++];
    if (t === undefined) return 'unexpected end of expression';
    if (t === '(') {
      const inner = or();
      if (typeof inner === 'string') return inner;
      if (tokens[pos++] !== ')') return `missing ')'`;
      return inner;
    }
    if (t === ')' || word(t, 'and') || word(t, 'or')) return `unexpected '${t}'`;
    if (word(t, 'not')) {
      const arg = primary();
      return typeof arg === 'string' ? arg : { kind: 'not', arg };
    }
    return { kind: 'id', name: t };
  };
  const chain = (op: 'and' | 'or', next: () => Expression | string) => (): Expression | string => {
    const first = next();
    if (typeof first === 'string') return first;
    const args = [first];
    while (word(peek(), op)) {
      pos++;
      const arg = next();
      if (typeof arg === 'string') return arg;
      args.push(arg);
    }
    return args.length === 1 ? first : { kind: op, args };
  };
  const and = chain('and', primary);
  const or = chain('or', and);

  const tree = or();
  if (typeof tree === 'string') return tree;
  if (pos < tokens.length) return `unexpected '${tokens[pos]}'`;
  return tree;
}

/** Names used by an expression. */
export function expressionNames(e: Expression, into: Set<string> = new Set()): Set<string> {
  if (e.kind === 'id') into.add(e.name);
  else if (e.kind === 'not') expressionNames(e.arg, into);
  else for (const a of e.args) expressionNames(a, into);
  return into;
}

export function evaluateExpression(e: Expression, value: (name: string) => boolean): boolean {
  switch (e.kind) {
    case 'id':
      return value(e.name);
    case 'not':
      return !evaluateExpression(e.arg, value);
    case 'and':
      return e.args.every((a) => evaluateExpression(a, value));
    case 'or':
      return e.args.some((a) => evaluateExpression(a, value));
  }
}
