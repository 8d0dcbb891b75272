import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import '../../src/index.js';
import { loadRules } from '../../src/rule/load.js';
import type { SigmaDocument } from '../../src/rule/ast.js';
import { attackLayer, coverageGaps, type NavigatorLayer } from '../../src/analyze/attack.js';
import { techniqueById } from '../../src/packs/attack.js';
import { corpus, HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';

const schema = JSON.parse(readFileSync(join(__dirname, 'navigator-layer-4.5.schema.json'), 'utf8')) as object;
const validateLayer = new Ajv({ allErrors: true, strict: false }).compile(schema);

function rule(title: string, tags: string[], level?: string): string {
  return `title: ${title}
id: 00000000-0000-4000-8000-${String(title.length).padStart(12, '0')}
${level ? `level: ${level}\n` : ''}tags: [${tags.join(', ')}]
logsource: {product: windows, category: process_creation}
detection:
  sel: {Image|endswith: '\\x.exe'}
  condition: sel
`;
}

const RULES: SigmaDocument[] = [
  rule('PowerShell A', ['attack.execution', 'attack.t1059.001'], 'high'),
  rule('PowerShell BB', ['attack.t1059.001', 'attack.t1059'], 'low'),
  rule('Cred dump CCC', ['attack.credential-access', 'attack.t1003.001'], 'critical'),
  rule('No level DDDD', ['attack.t1003.001']),
].flatMap((text) => loadRules(text).documents);

const entries = (layer: NavigatorLayer, id: string) => layer.techniques.filter((t) => t.techniqueID === id);

describe('analyze attack: the Navigator layer', () => {
  it('validates against the layer format 4.5 schema written from MITRE docs, with versions 4.5 and enterprise-attack', () => {
    const layer = attackLayer(RULES);
    expect(validateLayer(layer), JSON.stringify(validateLayer.errors)).toBe(true);
    expect(layer.versions).toEqual({ attack: '19', navigator: '5.2.0', layer: '4.5' });
    expect(layer.domain).toBe('enterprise-attack');
  });

  it('the schema refuses a layer without techniqueID or with a one-colour gradient (the test can fail)', () => {
    const layer = attackLayer(RULES);
    expect(validateLayer({ ...layer, techniques: [{ score: 1 }] })).toBe(false);
    expect(validateLayer({ ...layer, gradient: { colors: ['#ff0000'], minValue: 0, maxValue: 1 } })).toBe(false);
    expect(validateLayer({ ...layer, versions: { ...layer.versions, layer: '4.4' } })).toBe(false);
  });

  it('count scores the number of rules per technique; comments name the rules', () => {
    const layer = attackLayer(RULES, { score: 'count' });
    const [t1059001] = entries(layer, 'T1059.001');
    expect(t1059001?.score).toBe(2);
    expect(t1059001?.comment).toContain('PowerShell A');
    expect(t1059001?.comment).toContain('PowerShell BB');
    expect(entries(layer, 'T1059')[0]?.score).toBe(1);
    expect(entries(layer, 'T1003.001')[0]?.score).toBe(2);
  });

  it('max scores the highest level as pySigma numbers it (low 2, high 4, critical 5; no level 0)', () => {
    const layer = attackLayer(RULES, { score: 'max' });
    expect(entries(layer, 'T1059.001')[0]?.score).toBe(4);
    expect(entries(layer, 'T1003.001')[0]?.score).toBe(5);
  });

  it('level sums sigma-cli level weights (high 8 + low 2; critical 12 + no level 1)', () => {
    const layer = attackLayer(RULES, { score: 'level' });
    expect(entries(layer, 'T1059.001')[0]?.score).toBe(10);
    expect(entries(layer, 'T1003.001')[0]?.score).toBe(13);
  });

  it('lists a technique once per tactic ATT&CK gives it, each with that tactic', () => {
    const layer = attackLayer(loadRules(rule('Valid accounts', ['attack.t1078'])).documents);
    const tactics = entries(layer, 'T1078').map((t) => t.tactic);
    expect(tactics).toEqual(techniqueById('T1078')?.tactics);
    expect(tactics.length).toBeGreaterThan(1);
  });

  it('without sub-techniques folds them into the parent technique, counting each rule once', () => {
    const layer = attackLayer(RULES, { subtechniques: false });
    expect(layer.techniques.some((t) => t.techniqueID.includes('.'))).toBe(false);
    expect(entries(layer, 'T1059')[0]?.score).toBe(2);
    expect(entries(layer, 'T1003')[0]?.score).toBe(2);
  });

  it('gradient runs from the minimum to the highest score (or the fixed maximum) and has a legend', () => {
    const layer = attackLayer(RULES, { score: 'level' });
    expect(layer.gradient).toEqual({ colors: ['#ffffff00', '#ff0000'], minValue: 0, maxValue: 13 });
    expect(attackLayer(RULES, { maxScore: 50, maxColor: '#00ff00' }).gradient).toEqual({
      colors: ['#ffffff00', '#00ff00'],
      minValue: 0,
      maxValue: 50,
    });
    expect(layer.legendItems).toHaveLength(2);
    // The format requires maxValue > minValue, also for a rule set without ATT&CK tags.
    const empty = attackLayer([]);
    expect(empty.gradient.maxValue).toBeGreaterThan(empty.gradient.minValue);
    expect(validateLayer(empty)).toBe(true);
  });
});

describe('analyze attack: coverage gaps', () => {
  it('names the required techniques no rule covers; a parent is covered by a sub-technique, not the reverse', () => {
    expect(coverageGaps(RULES, ['T1059', 'T1003', 't1003.001', 'T1003.002', 'T1566'])).toEqual(['T1003.002', 'T1566']);
  });
});

describe.skipIf(!HAS_SHARED)('analyze attack on the SigmaHQ corpus', () => {
  if (!HAS_SHARED) console.warn(SHARED_MISSING);
  let layer: NavigatorLayer;
  let documents: SigmaDocument[];
  beforeAll(() => {
    documents = corpus().flatMap((f) => loadRules(f.text, f.path).documents);
    layer = attackLayer(documents, { score: 'count' });
  });

  it('the corpus layer validates against layer format 4.5 and every technique is a known ATT&CK id', () => {
    expect(validateLayer(layer), JSON.stringify(validateLayer.errors?.slice(0, 3))).toBe(true);
    expect(layer.techniques.length).toBeGreaterThan(300);
    for (const t of layer.techniques) expect(techniqueById(t.techniqueID)?.tactics).toContain(t.tactic);
  });

  it('a technique score equals the number of corpus rules that carry its tag', () => {
    const tagged = documents.filter((d) => d.kind === 'rule' && d.tags?.some((t) => t.toLowerCase() === 'attack.t1059.001')).length;
    expect(tagged).toBeGreaterThan(10);
    expect(entries(layer, 'T1059.001')[0]?.score).toBe(tagged);
  });
});
