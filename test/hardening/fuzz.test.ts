import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadRules } from '../../src/rule/load.js';
import { parseCondition } from '../../src/condition/parse.js';
import { SigmaError } from '../../src/errors.js';

/** Runs `f`; anything thrown that is not a SigmaError fails the property. */
const onlySigmaErrors = (f: () => unknown): boolean => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof SigmaError)) throw e;
  }
  return true;
};

// Bounded: a fixed seed and number of runs so CI time stays small and failures reproduce.
const RUNS = { numRuns: 1500, seed: 20261123 };

describe('fuzzing the condition grammar', () => {
  const token = fc.constantFrom('sel', 'filter', 'and', 'or', 'not', '(', ')', '1 of', 'all of', 'them', 'sel*', ' ', '|', '"', '*');
  it('any sequence of condition tokens parses or gives a SigmaError', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => onlySigmaErrors(() => parseCondition(tokens.join(' ')))),
      RUNS,
    );
  });
  it('any string parses or gives a SigmaError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => onlySigmaErrors(() => parseCondition(s))),
      RUNS,
    );
  });
});

describe('fuzzing the rule loader', () => {
  it('any text loads or gives a SigmaError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => onlySigmaErrors(() => loadRules(s, 'fuzz.yml'))),
      RUNS,
    );
  });
  it('rules with random keys, modifiers and values load or give a SigmaError', () => {
    const modifier = fc.constantFrom(
      '',
      '|contains',
      '|startswith',
      '|endswith',
      '|all',
      '|re',
      '|re|i',
      '|cidr',
      '|base64offset|contains',
      '|windash',
      '|exists',
      '|gt',
      '|fieldref',
      '|expand',
      '|bogus',
      '|utf16le|base64',
    );
    const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
    const rule = fc.record({
      field: fc.stringMatching(/^[A-Za-z]{0,8}$/),
      modifier,
      value,
      condition: fc.constantFrom('sel', 'not sel', '1 of sel*', 'all of them', 'sel and', 'other', '(sel'),
    });
    fc.assert(
      fc.property(rule, (r) =>
        onlySigmaErrors(() => {
          const doc = {
            title: 't',
            logsource: { product: 'windows' },
            detection: { sel: { [`${r.field}${r.modifier}`]: r.value }, condition: r.condition },
          };
          loadRules(JSON.stringify(doc), 'fuzz.yml');
        }),
      ),
      RUNS,
    );
  });
});

describe('loading never loops on hostile input', () => {
  it('each fuzz case above is bounded by the limits of the loader', () => {
    expect(() => parseCondition('x'.repeat(200_000))).toThrow(SigmaError);
  });
});
