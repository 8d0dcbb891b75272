import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpus, HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';
import { META_KEYS, plainRuleData, ruleSchema } from '../../src/rule/schema.js';
import { parseYaml } from '../../src/rule/yaml.js';

/**
 * What the loader reads of the schema's result: every metadata key (order of `related` entries' keys included)
 * and the log source as `logsource()` takes it (the four known keys, then the others in the order written).
 */
function readByLoader(data: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const k of META_KEYS) if (data[k] !== undefined) out[k] = data[k];
  const { category, product, service, definition, ...rest } = data.logsource as Record<string, unknown>;
  out.logsource = { category, product, service, definition, rest };
  return JSON.stringify(out);
}

/** The check agrees with zod: what it accepts zod accepts with the same data; what zod refuses it refuses. */
function agreesWithZod(doc: Record<string, unknown>): void {
  const plain = plainRuleData(doc);
  const parsed = ruleSchema.safeParse(doc);
  if (plain) {
    expect(parsed.success).toBe(true);
    expect(readByLoader(plain)).toBe(readByLoader(parsed.data as Record<string, unknown>));
  }
  if (!parsed.success) expect(plain).toBeUndefined();
}

const TRICKY = [
  null,
  '',
  'x',
  'stable',
  'high',
  'derived',
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ['a', 1],
  ['a', null],
  ['a', Number.NaN],
  [['a']],
  {},
  { id: 'a', type: 'derived' },
  [{ id: 'a', type: 'derived' }],
  [{ type: 'similar', note: 'n', id: 'a' }],
  [{ id: 1, type: 'derived' }],
  [{ id: 'a', type: 'cousin' }],
  ['not a map'],
];
const KEYS = [...META_KEYS, 'logsource', 'detection'];

describe('rule metadata checked without zod (the common case)', () => {
  it('gives what the zod schema gives, or leaves the rule to zod, for any mix of odd values', () => {
    const value = fc.constantFrom(...TRICKY);
    const logsource = fc.oneof(
      value,
      fc.record({ category: value, product: value, x: value }, { requiredKeys: [] }),
      fc.constant({ other: 1, product: 'windows', category: 'process_creation' }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }),
        fc.constantFrom('T', '', null, 3),
        logsource,
        fc.constantFrom({ sel: { a: 1 }, condition: 'sel' }, null, ['x']),
        (extra, title, ls, detection) => agreesWithZod({ ...extra, title, logsource: ls, detection }),
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves a rule with a null, empty or mistyped value to zod (which words the error)', () => {
    const rule = { title: 'T', logsource: { product: 'windows' }, detection: { sel: { a: 1 }, condition: 'sel' } };
    expect(plainRuleData(rule)).toBeDefined();
    for (const bad of [{ title: '' }, { title: null }, { status: 'draft' }, { tags: [true] }, { date: Number.NaN }, { logsource: null }])
      expect(plainRuleData({ ...rule, ...bad })).toBeUndefined();
    expect(plainRuleData({ ...rule, logsource: { product: 7 } })).toBeUndefined();
    expect(plainRuleData({ ...rule, related: [{ type: 'derived', id: 'x', extra: 1 }] })?.related).toEqual([
      { id: 'x', type: 'derived', extra: 1 },
    ]);
  });

  it.skipIf(!HAS_SHARED)('accepts every rule of the SigmaHQ corpus, with the data zod gives', () => {
    let rules = 0;
    for (const f of corpus()) {
      for (const doc of parseYaml(f.text, f.path).documents) {
        const d = doc as Record<string, unknown> | null;
        if (!d || 'correlation' in d || 'filter' in d || !('detection' in d)) continue;
        rules++;
        expect(plainRuleData(d), f.path).toBeDefined();
        agreesWithZod(d);
      }
    }
    expect(rules).toBeGreaterThanOrEqual(3141);
  });
});
if (!HAS_SHARED) it.skip(SHARED_MISSING, () => {});
