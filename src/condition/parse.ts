/** Parses and resolves Sigma conditions: glue around the peggy-generated parser. */
import type { ConditionNode } from '../rule/ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';
import { parse, SyntaxError as PeggySyntaxError } from './generated/condition-parser.js';

/** Conditions longer than this are refused (hostile input); SigmaHQ's longest is far below. */
export const MAX_CONDITION_LENGTH = 100_000;

/** Location of a character of the condition, given where the condition's text starts. */
function at(location: SourceLocation | undefined, offset: number): SourceLocation {
  if (!location) return {};
  return { ...location, column: location.column !== undefined ? location.column + offset : undefined };
}

/** Deepest nesting of parentheses and `not`s accepted (the parser and every compiler recurse on it). */
export const MAX_CONDITION_DEPTH = 200;

function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let nots = 0;
  for (const m of text.matchAll(/\(|\)|[^\s()]+/g)) {
    const t = m[0].toLowerCase();
    if (t === '(') depth++;
    else if (t === ')') depth--;
    nots = t === 'not' ? nots + 1 : 0;
    max = Math.max(max, depth + nots);
  }
  return max;
}

function deepFreeze(node: ConditionNode): ConditionNode {
  if (node.kind === 'and' || node.kind === 'or') node.args.forEach(deepFreeze);
  else if (node.kind === 'not') deepFreeze(node.arg);
  return Object.freeze(node);
}

/**
 * Parsed conditions by text: most rules share a handful of conditions (`selection`, `all of selection_*` …).
 * The trees are frozen and hold no location, so one serves every rule with that text.
 */
const parsed = new Map<string, ConditionNode>();

export function parseCondition(text: string, location?: SourceLocation): ConditionNode {
  const known = parsed.get(text);
  if (known) return known;
  const tree = deepFreeze(parseUncached(text, location));
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(text, tree);
  return tree;
}

function parseUncached(text: string, location?: SourceLocation): ConditionNode {
  if (text.length > MAX_CONDITION_LENGTH) {
    throw new SigmaError('limit', `condition is ${text.length} characters long, more than ${MAX_CONDITION_LENGTH}`, location);
  }
  if (nestingDepth(text) > MAX_CONDITION_DEPTH) {
    throw new SigmaError('limit', `condition nests parentheses or 'not' more than ${MAX_CONDITION_DEPTH} deep`, location);
  }
  try {
    return parse(text) as ConditionNode;
  } catch (e) {
    if (e instanceof PeggySyntaxError) {
      const offset = e.location.start.offset;
      const found = e.found === null ? 'end of condition' : `'${e.found}'`;
      throw new SigmaError('condition', `condition syntax error at ${found} (character ${offset + 1} of '${text}')`, at(location, offset));
    }
    if (e instanceof RangeError) throw new SigmaError('limit', 'condition nested too deeply', location);
    throw e;
  }
}

const patterns = new Map<string, RegExp>();
function patternRegex(pattern: string): RegExp {
  const known = patterns.get(pattern);
  if (known) return known;
  if (patterns.size > 10_000) patterns.clear();
  const escaped = pattern.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*');
  const re = new RegExp(`^${escaped}$`);
  patterns.set(pattern, re);
  return re;
}

const matching = (names: readonly string[], re: RegExp): string[] => names.filter((s) => re.test(s));

/**
 * Replaces `1 of x*` / `all of them` by or/and of references, and checks every referenced name exists.
 * `them` excludes selections whose name starts with `_` (as pySigma does).
 */
export function resolveCondition(node: ConditionNode, names: readonly string[], text: string, location?: SourceLocation): ConditionNode {
  const known = new Set(names);
  const visit = (n: ConditionNode): ConditionNode => {
    switch (n.kind) {
      case 'and':
      case 'or':
        return Object.freeze({ kind: n.kind, args: Object.freeze(n.args.map(visit)) });
      case 'not':
        return Object.freeze({ kind: 'not', arg: visit(n.arg) });
      case 'ref':
        if (!known.has(n.name)) {
          throw new SigmaError(
            'condition',
            `condition '${text}' refers to '${n.name}', which is not a selection of this rule (selections: ${names.join(', ') || 'none'})`,
            at(location, n.offset),
          );
        }
        return Object.freeze(n);
      case 'of': {
        const matched = n.pattern === 'them' ? names.filter((s) => !s.startsWith('_')) : matching(names, patternRegex(n.pattern));
        if (matched.length === 0) {
          throw new SigmaError('condition', `condition '${text}': no selection matches '${n.pattern}'`, at(location, n.offset));
        }
        const refs = matched.map((name) => Object.freeze({ kind: 'ref' as const, name, offset: n.offset }));
        return Object.freeze({ kind: n.quantifier === 'all' ? 'and' : 'or', args: Object.freeze(refs) });
      }
      default: {
        const never: never = n;
        return never;
      }
    }
  };
  return visit(node);
}
