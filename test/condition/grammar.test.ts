import { describe, expect, it } from 'vitest';
import { parseCondition, resolveCondition } from '../../src/condition/parse.js';
import type { ConditionNode } from '../../src/rule/ast.js';
import { SigmaError } from '../../src/errors.js';
import { ruleWith } from '../rule/helpers.js';

/** A compact rendering of a tree: and(...), or(...), not(...), names. */
function show(n: ConditionNode): string {
  switch (n.kind) {
    case 'and':
    case 'or':
      return `${n.kind}(${n.args.map(show).join(', ')})`;
    case 'not':
      return `not(${show(n.arg)})`;
    case 'ref':
      return n.name;
    case 'of':
      return `${n.quantifier} of ${n.pattern}`;
  }
}
const p = (t: string) => show(parseCondition(t));

describe('condition grammar', () => {
  it('parses a single selection name', () => expect(p('selection')).toBe('selection'));
  it('and binds tighter than or', () => expect(p('a or b and c')).toBe('or(a, and(b, c))'));
  it('not binds tighter than and', () => expect(p('not a and b')).toBe('and(not(a), b)'));
  it('parentheses group', () => expect(p('(a or b) and c')).toBe('and(or(a, b), c)'));
  it('chains of one operator stay flat', () => expect(p('a and b and c')).toBe('and(a, b, c)'));
  it('not of a group', () => expect(p('sel and not (f1 or f2)')).toBe('and(sel, not(or(f1, f2)))'));
  it('double negation', () => expect(p('not not a')).toBe('not(not(a))'));
  it('1 of a pattern', () => expect(p('1 of selection_*')).toBe('one of selection_*'));
  it('all of a pattern', () => expect(p('all of sel*')).toBe('all of sel*'));
  it('1 of them', () => expect(p('1 of them')).toBe('one of them'));
  it('all of them', () => expect(p('all of them')).toBe('all of them'));
  it('keywords are case-insensitive', () => expect(p('a AND NOT b OR c')).toBe('or(and(a, not(b)), c)'));
  it('names may contain digits, dots, dashes and underscores', () => expect(p('sel-1.a_b and x')).toBe('and(sel-1.a_b, x)'));
  it('a name that starts with a keyword is a name', () => expect(p('notepad or order')).toBe('or(notepad, order)'));
  it('quantifiers combine with operators', () =>
    expect(p('all of sel_* and not 1 of filter_*')).toBe('and(all of sel_*, not(one of filter_*))'));

  it.each(['a and', 'and a', '(a or b', 'a or or b', '1 of', 'a b', ''])('rejects %j with a condition error', (t) => {
    expect(() => parseCondition(t)).toThrow(SigmaError);
  });
  it('a syntax error points at the column of the problem in the rule', () => {
    try {
      ruleWith('  sel:\n    a: 1\n  condition: sel and and sel');
      expect.unreachable();
    } catch (e) {
      expect((e as SigmaError).code).toBe('condition');
      expect((e as SigmaError).line).toBe(8);
      expect((e as SigmaError).column).toBe(22);
    }
  });
});

describe('resolving selection names', () => {
  const names = ['selection_a', 'selection_b', 'filter', '_hidden'];
  const r = (t: string) => show(resolveCondition(parseCondition(t), names, t));
  it('1 of a pattern is an or of the matching selections', () => expect(r('1 of selection_*')).toBe('or(selection_a, selection_b)'));
  it('all of a pattern is an and of them', () => expect(r('all of selection_*')).toBe('and(selection_a, selection_b)'));
  it('them leaves out names that start with an underscore', () => expect(r('all of them')).toBe('and(selection_a, selection_b, filter)'));
  it('an unknown name is an error naming it', () => expect(() => r('selection_a and nope')).toThrow(/'nope'/));
  it('a pattern matching nothing is an error', () => expect(() => r('1 of x*')).toThrow(/no selection matches 'x\*'/));
  it('an unknown name in a rule points at its column', () => {
    try {
      ruleWith('  sel:\n    a: 1\n  condition: sel and missing');
      expect.unreachable();
    } catch (e) {
      expect((e as SigmaError).column).toBe(22);
    }
  });
});
