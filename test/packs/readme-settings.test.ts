/** The pack.yml of the README shows every setting with its default: it loads, and gives the defaults. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_SETTINGS, packSettingsFromText } from '../../src/packs/settings.js';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const example = /#### pack\.yml: every setting[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

/** Leaf paths of a settings object (`splunk.escu.version` …). */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('README pack.yml', () => {
  it('loads as pack settings that equal the defaults (with the long howToImplement text shortened)', () => {
    const settings = packSettingsFromText(example, 'README.md');
    expect({ ...settings, splunk: { ...settings.splunk, escu: { ...settings.splunk.escu, howToImplement: '' } } }).toEqual({
      ...DEFAULT_PACK_SETTINGS,
      splunk: { ...DEFAULT_PACK_SETTINGS.splunk, escu: { ...DEFAULT_PACK_SETTINGS.splunk.escu, howToImplement: '' } },
    });
  });

  it('names every setting of the defaults, and the optional ones in comments', () => {
    for (const path of leaves(DEFAULT_PACK_SETTINGS)) {
      const key =
        path
          .split('.')
          .filter((k) => !['informational', 'low', 'medium', 'high', 'critical'].includes(k))
          .pop() ?? '';
      expect(example, path).toContain(`${key}:`);
    }
    for (const optional of [
      'app',
      'type',
      'status',
      'dataSource',
      'tests',
      'severity',
      'entityMappings',
      'riskScore',
      'timestampOverride',
    ]) {
      expect(example, optional).toContain(`${optional}:`);
    }
  });
});
