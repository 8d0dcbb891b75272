import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { elasticPackFiles, sentinelPackFiles, splunkPackFiles } from '../../src/packs/index.js';
import { savedsearchesConf } from '../../backends/splunk/pack/savedsearches.js';
import { makeRule, parseConf } from './helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('rule-pack writers as a whole', () => {
  it('import nothing from node: (browser-safe core), shared parts and each backend writer alike', () => {
    for (const dir of [join(root, 'src', 'packs'), ...['splunk', 'kusto', 'eql'].map((b) => join(root, 'backends', b, 'pack'))]) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/from ['"]node:/);
      }
    }
  });

  it('give the same bytes for the same input', () => {
    const rules = [
      { rule: makeRule(), queries: ['index=main x=1'], target: 'splunk' },
      { rule: makeRule({ title: 'Second', id: undefined, level: 'critical' }), queries: ['index=main y=2'], target: 'splunk' },
    ];
    const kql = rules.map((r) => ({ ...r, queries: ['DeviceProcessEvents\n| where X == 1'] }));
    expect(splunkPackFiles(rules)).toEqual(splunkPackFiles(rules));
    expect(sentinelPackFiles(kql)).toEqual(sentinelPackFiles(kql));
    expect(elasticPackFiles(rules)).toEqual(elasticPackFiles(rules));
  });

  it('names the further searches of one rule apart in savedsearches.conf', () => {
    const text = savedsearchesConf([{ rule: makeRule({ title: 'Two' }), queries: ['a=1', 'b=2'], target: 'splunk' }]);
    expect(parseConf(text).map((s) => s.name)).toEqual(['Two', 'Two (2)']);
  });

  it('refuses to make one ESCU detection out of a rule with several searches', () => {
    const rules = [{ rule: makeRule(), queries: ['a', 'b'], target: 'splunk' }];
    expect(() => splunkPackFiles(rules, undefined, 'escu')).toThrow(/exactly one search/);
    // the plain form holds every search as its own stanza
    expect(parseConf(splunkPackFiles(rules)[0]!.content)).toHaveLength(2);
  });

  it('ship an ATT&CK table that the generator script reproduces from its committed listing', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'attack-'));
    try {
      const out = join(tmp, 'attack-data.ts');
      execFileSync(
        process.execPath,
        ['scripts/gen-attack-table.mjs', '--listing', 'scripts/attack/enterprise-attack-19.2.listing.tsv', '--out', out],
        {
          cwd: root,
          stdio: 'pipe',
        },
      );
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'src', 'packs', 'attack-data.ts'), 'utf8'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
