/** Evaluator behaviour on hand-built rule ASTs: value kinds the loader rarely or never produces from the corpus. */
import { describe, expect, it } from 'vitest';
import type { ConditionNode, SigmaValue } from '../../src/rule/ast.js';
import { compileMatcher } from '../../src/eval/match.js';
import { SigmaError } from '../../src/errors.js';
import { astRule, detection, item, num, run, str } from './helpers.js';
import { errorOf } from '../support/errors.js';

const ref = (name: string): ConditionNode => ({ kind: 'ref', name, offset: 0 });
const one = (pattern: string): ConditionNode => ({ kind: 'of', quantifier: 'one', pattern, offset: 0 });
const single = (field: string | null, values: SigmaValue[], extra = {}) => astRule({ sel: detection([item(field, values, extra)]) });

const compileError = (rule: ReturnType<typeof astRule>): SigmaError => errorOf(() => compileMatcher(rule));

describe('time modifiers (timepart values)', () => {
  const hour = (value: SigmaValue) => single('UtcTime', [{ kind: 'timepart', part: 'hour', value } as SigmaValue]);
  it('compare a part of a timestamp with a number', () => {
    expect(run(hour(num(23)), { UtcTime: '2025-10-24 23:41:00.589' }).match).toBe(true);
    expect(run(hour(num(22)), { UtcTime: '2025-10-24 23:41:00.589' }).match).toBe(false);
  });
  it('combine with lt/lte/gt/gte', () => {
    const night = hour({ kind: 'compare', op: 'gte', value: num(22) as never } as SigmaValue);
    expect(run(night, { UtcTime: '2025-10-24T23:00:00Z' }).match).toBe(true);
    expect(run(night, { UtcTime: '2025-10-24T08:00:00Z' }).match).toBe(false);
  });
  it('never match a value that is not a date', () => {
    expect(run(hour(num(23)), { UtcTime: 'late' }).match).toBe(false);
  });
});

describe('expansions', () => {
  it('an expansion matches when any of its alternatives does', () => {
    const rule = single('CommandLine', [{ kind: 'expansion', values: [str('*-a*'), str('*/a*')] }]);
    expect(run(rule, { CommandLine: 'x /a' }).match).toBe(true);
    expect(run(rule, { CommandLine: 'x +a' }).match).toBe(false);
  });
  it('utf16 values (with the FF FE byte order mark) are compared as the encoded text', () => {
    const bom = '\xff\xfec\0m\0d\0';
    expect(run(single('Data', [str(`*${bom}*`)]), { Data: `x${bom}y` }).match).toBe(true);
  });
});

describe('values that cannot be evaluated', () => {
  it('a placeholder (expand without a pipeline) is an unsupported SigmaError naming it', () => {
    const e = compileError(single('User', [{ kind: 'string', parts: [{ kind: 'placeholder', name: 'Admins' }], cased: false }]));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('%Admins%');
    expect(e.file).toBe('hand-built.yml');
  });
  it('a query expression placeholder is an unsupported SigmaError', () => {
    expect(compileError(single('User', [{ kind: 'query', expression: '{field} in x', id: 'admins' }])).code).toBe('unsupported');
  });
  it('a keyword cannot be a cidr or null value', () => {
    expect(compileError(single(null, [{ kind: 'null' }])).code).toBe('unsupported');
  });
});

describe('conditions on hand-built rules', () => {
  const sels = { a: detection([item('A', [str('1')])]), b: detection([item('B', [str('1')])]) };
  it('several conditions are or-ed', () => {
    const rule = astRule(sels, [ref('a'), ref('b')]);
    expect(run(rule, { B: '1' }).match).toBe(true);
    expect(run(rule, {}).match).toBe(false);
  });
  it('a pattern that names no selection is a condition error', () => {
    expect(compileError(astRule(sels, [one('filter_*')])).code).toBe('condition');
  });
  it('a reference to a missing selection is a condition error', () => {
    expect(compileError(astRule(sels, [ref('c')])).code).toBe('condition');
  });
  it('a pattern starting with an underscore may name underscore selections', () => {
    const rule = astRule({ _x: detection([item('A', [str('1')])]), y: detection([item('B', [str('1')])]) }, [one('_*')]);
    expect(run(rule, { A: '1' }).match).toBe(true);
  });
  it('a keyword list with all linking needs every keyword', () => {
    const rule = single(null, [str('alpha'), str('beta')], { linking: 'and' });
    expect(run(rule, { a: 'alpha', b: 'x beta' }).match).toBe(true);
    expect(run(rule, { a: 'alpha' }).match).toBe(false);
  });
});

describe('compiled matchers', () => {
  it('test() agrees with the full result, which lists every matched selection', () => {
    const m = compileMatcher(astRule({ a: detection([item('A', [str('1')])]), b: detection([item('B', [str('1')])]) }, [ref('a')]), {
      ignoreLogsource: true,
    });
    for (const event of [{ A: '1', B: '1' }, { B: '1' }, {}]) expect(m.test(event)).toBe(m(event).match);
    expect(m({ A: '1', B: '1' }).selections).toEqual(['a', 'b']);
  });
});
