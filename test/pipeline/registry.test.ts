import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerCondition, registerTransformation, transformationTypes, valueTransform } from '../../src/pipeline/index.js';
import { plainString } from '../../src/rule/strings.js';
import { rule, run, selectionsText } from './helpers.js';

describe('registering transformation and condition types', () => {
  const reverse = {
    params: z.strictObject({ marker: z.string().default('') }),
    compile: ({ marker }: { marker: string }) =>
      valueTransform((_f, v) =>
        v.kind === 'string' && typeof v.parts[0] === 'string' ? plainString(marker + [...v.parts[0]].reverse().join('')) : undefined,
      ),
  };
  registerTransformation('test_reverse', reverse);
  registerCondition('rule', 'test_title_is', {
    params: z.strictObject({ title: z.string() }),
    compile:
      ({ title }: { title: string }) =>
      (r) =>
        r.title === title,
  });

  it('makes a backend type usable from pipeline YAML, with its own conditions', () => {
    const r = rule(`    sel:\n        Image: abc\n    condition: sel`);
    const { rule: out } = run(
      `transformations:\n  - type: test_reverse\n    marker: '!'\n    rule_conditions:\n      - type: test_title_is\n        title: Test rule`,
      r,
    );
    expect(selectionsText(out).sel).toBe('Image=!cba');
    expect(transformationTypes()).toContain('test_reverse');
  });

  it('refuses a second, different definition under the same name (the same one is harmless)', () => {
    expect(() => registerTransformation('test_reverse', reverse)).not.toThrow();
    expect(() => registerTransformation('test_reverse', { ...reverse })).toThrow(/already registered/);
  });
});
