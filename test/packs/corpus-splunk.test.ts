/**
 * The Splunk packs of the whole SigmaHQ corpus: every rule `convert` converts is one stanza with the same search
 * (splunk_windows, plain form), and one ESCU detection that contentctl's model rules accept (splunk_cim, `-f escu`),
 * with names, stanzas and filter macros agreeing; every rule disabled.
 */
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';
import { contentctlProblems, contentNameToFileName } from './contentctl.js';
import {
  confText,
  convertQueries,
  difference,
  file,
  multiset,
  packRun,
  refusedQueries,
  total,
  under,
  type PackRun,
} from './corpus-packs.js';
import { parseConf, sharedText } from './helpers.js';

describe.skipIf(!HAS_SHARED)('Splunk packs of the corpus', () => {
  if (!HAS_SHARED) console.warn(SHARED_MISSING);
  let plain: PackRun;
  let escu: PackRun;
  beforeAll(() => {
    plain = packRun('splunk', ['splunk_windows'], 'default');
    escu = packRun('splunk', ['splunk_cim'], 'escu');
  }, 120_000);

  it('splunk_windows: every search convert prints is one savedsearches.conf stanza, byte for byte; none lost, none refused', () => {
    const stanzas = parseConf(file(plain, 'default/savedsearches.conf'));
    const packed = multiset(stanzas.map((s) => confText(s.settings.get('search') ?? '')));
    const converted = convertQueries(plain);
    expect(plain.results.filter((r) => !r.ok)).toEqual([]);
    expect(difference(converted, packed)).toEqual([]);
    expect(difference(packed, converted)).toEqual([]);
    expect(stanzas.length).toBe(total(converted));
    expect(new Set(stanzas.map((s) => s.name)).size).toBe(stanzas.length);
    expect(stanzas.every((s) => s.settings.get('disabled') === '1')).toBe(true);
    expect([...plain.files.keys()].sort()).toEqual(['README.md', 'default/savedsearches.conf']);
  });

  it('splunk_cim -f escu: every converted rule is one detection, one ESCU stanza and one filter macro, under one name', () => {
    const converted = total(convertQueries(escu));
    const refused = total(refusedQueries(escu));
    const detections = under(escu, 'detections');
    const stanzas = parseConf(file(escu, 'default/savedsearches.conf'));
    const macros = parseConf(file(escu, 'default/macros.conf'));
    expect(refused).toBe(0);
    expect(detections).toHaveLength(converted);
    expect(stanzas).toHaveLength(converted);
    expect(macros).toHaveLength(converted);
    const names = detections.map((f) => (load(file(escu, f)) as { name: string }).name);
    expect(new Set(stanzas.map((s) => s.name))).toEqual(new Set(names.map((n) => `ESCU - ${n} - Rule`)));
    expect(new Set(macros.map((m) => m.name))).toEqual(new Set(names.map((n) => `${contentNameToFileName(n).slice(0, -4)}_filter`)));
    expect(stanzas.every((s) => s.settings.get('disabled') === '1')).toBe(true);
  });

  it('splunk_cim -f escu: each search is what convert -f escu prints, with the filter macro of its detection name', () => {
    const stanzas = parseConf(file(escu, 'default/savedsearches.conf'));
    const withoutFilter = (q: string): string => q.replace(/`[^`\s]+_filter`/g, '`FILTER`');
    const packed = multiset(stanzas.map((s) => withoutFilter(confText(s.settings.get('search') ?? ''))));
    const converted = multiset([...convertQueries(escu)].flatMap(([q, n]) => Array<string>(n).fill(withoutFilter(q))));
    expect(difference(converted, packed)).toEqual([]);
    expect(difference(packed, converted)).toEqual([]);
    for (const s of stanzas.slice(0, 50)) {
      const name = /^ESCU - (.*) - Rule$/.exec(s.name)?.[1] ?? '';
      expect(s.settings.get('search')).toContain(`\`${contentNameToFileName(name).slice(0, -4)}_filter\``);
    }
  });

  it("splunk_cim -f escu: contentctl's model rules reject none of the detections", () => {
    const known = new Set(
      ['macro.security_content_summariesonly.yml', 'macro.security_content_ctime.yml', 'macro.process_powershell.yml'].map(
        (f) => (load(sharedText('formats', 'splunk', 'escu', f)) as { name: string }).name,
      ),
    );
    for (const m of parseConf(file(escu, 'default/macros.conf'))) known.add(m.name);
    const rejected: string[] = [];
    const files = under(escu, 'detections');
    for (const f of files) {
      const problems = contentctlProblems(file(escu, f), f.slice('detections/'.length), known);
      if (problems.length > 0) rejected.push(`${f}: ${problems.join('; ')}`);
    }
    expect(files.length).toBeGreaterThan(1000);
    expect(rejected.slice(0, 10)).toEqual([]);
  });
});
