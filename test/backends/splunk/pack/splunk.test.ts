import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { escuDetectionYaml, withFilterMacro } from '../../../../backends/splunk/pack/escu-yaml.js';
import { snakeCaseTitle } from '../../../../backends/splunk/pack/escu-common.js';
import { splunkPackFiles } from '../../../../src/packs/pack.js';
import { packSettings } from '../../../../src/packs/settings.js';
import { macrosConf, savedsearchesConf } from '../../../../backends/splunk/pack/savedsearches.js';
import { HAS_SHARED, SEED_SPL_ESCU, converted, makeRule, parseConf, seedRule, sharedText } from '../../../packs/helpers.js';

describe('snakeCaseTitle', () => {
  it('turns the seed title into the ESCU filter-macro stem', () => {
    expect(snakeCaseTitle('Certificate Exported Via PowerShell')).toBe('certificate_exported_via_powershell');
  });

  it('replaces each space, hyphen, dot and slash by an underscore, as contentctl names files', () => {
    expect(snakeCaseTitle('Malicious PowerShell Process - Encoded Command')).toBe('malicious_powershell_process___encoded_command');
    expect(snakeCaseTitle('Certutil exe certificate extraction')).toBe('certutil_exe_certificate_extraction');
  });

  it('drops characters a macro name cannot hold and strips accents', () => {
    expect(snakeCaseTitle('Potential LSASS Dump (Procdump) Via "Café.exe"')).toBe('potential_lsass_dump_procdump_via_cafe_exe');
  });
});

describe('savedsearches.conf', () => {
  const rule = makeRule({ title: 'Multi Line', description: 'First line.\nSecond line.' });
  const query = 'index=main CommandLine="*x*"\n| stats count by host';

  it('writes one stanza per query with the search on one logical line', () => {
    const text = savedsearchesConf([converted(rule, query, 'splunk')]);
    const [stanza] = parseConf(text);
    expect(stanza?.name).toBe('Multi Line');
    expect(stanza?.settings.get('search')?.replace(/ \n/g, '\n')).toBe(query);
    expect(stanza?.settings.get('description')?.replace(/ \n/g, '\n')).toBe('First line.\nSecond line.');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const continued = (lines[i - 1] ?? '').endsWith(' \\');
      expect(continued || /^(\[.*\]|#.*|[A-Za-z_.0-9]+ = .*|)$/.test(line), line).toBe(true);
    });
  });

  it("uses the rule's own cron schedule and the project's app", () => {
    const custom = makeRule({ custom: { splunk_cron_schedule: '*/5 * * * *' } });
    const [stanza] = parseConf(savedsearchesConf([converted(custom, 'x', 'splunk')], packSettings({ splunk: { app: 'sigma_app' } })));
    expect(stanza?.settings.get('cron_schedule')).toBe('*/5 * * * *');
    expect(stanza?.settings.get('request.ui_dispatch_app')).toBe('sigma_app');
    expect(stanza?.settings.get('alert.severity')).toBe('5');
  });

  it('keeps two rules with the same title apart instead of merging their stanzas', () => {
    const a = makeRule({ title: 'Same' });
    const b = makeRule({ title: 'Same', id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' });
    const stanzas = parseConf(savedsearchesConf([converted(a, 'x', 'splunk'), converted(b, 'y', 'splunk')]));
    // no brackets in the name: a `]` inside a stanza header would end it early
    expect(stanzas.map((s) => s.name)).toEqual(['Same', 'Same (2)']);
  });

  it('keeps a value ending in a backslash as text: a space after it, so the next line is not continued into it', () => {
    const text = savedsearchesConf([converted(makeRule({ description: 'path C:\\' }), 'x="C:\\"', 'splunk')]);
    expect(text).toContain('description = path C:\\ \n');
    const stanzas = parseConf(text);
    expect(stanzas).toHaveLength(1);
    expect(stanzas[0]!.settings.get('cron_schedule')).toBe('0 * * * *');
  });

  it('writes a stanza for a title with brackets, without the brackets (as pySigma does)', () => {
    const stanzas = parseConf(savedsearchesConf([converted(makeRule({ title: 'Tool [x86] run' }), 'x=1', 'splunk')]));
    expect(stanzas.map((s) => s.name)).toEqual(['Tool x86 run']);
  });
});

describe('ESCU detection YAML without ../shared', () => {
  it('appends the filter macro when the search lacks it', () => {
    expect(withFilterMacro('A B', 'index=x')).toBe('index=x | `a_b_filter`');
    expect(withFilterMacro('A B', '| tstats x\n| `a_b_filter`')).toBe('| tstats x\n| `a_b_filter`');
  });

  it('writes a Hunting detection without rba when the search has no user or dest field', () => {
    const doc = load(escuDetectionYaml(makeRule(), 'index=main CommandLine="*x*"')) as Record<string, unknown>;
    expect(doc.type).toBe('Hunting');
    expect(doc.rba).toBeUndefined();
  });

  it('shortens a title longer than contentctl allows to 67 characters at a word, instead of dropping the rule', () => {
    const title = `${'Word '.repeat(20)}End`;
    const doc = load(escuDetectionYaml(makeRule({ title }), 'index=x')) as { name: string; search: string };
    expect(doc.name.length).toBeLessThanOrEqual(67);
    expect(title.startsWith(doc.name)).toBe(true);
    expect(doc.search).toContain(`\`${doc.name.toLowerCase().replace(/ /g, '_')}_filter\``);
  });
});

describe.skipIf(!HAS_SHARED)('Splunk pack against ../shared/formats/splunk', () => {
  /** Settings of conf-settings.facts.md (backticked names in its tables) and of the generated ESCU excerpt. */
  function allowedConfKeys(): Set<string> {
    const keys = new Set<string>();
    for (const line of sharedText('formats', 'splunk', 'conf-settings.facts.md').split('\n')) {
      if (!line.startsWith('| `')) continue;
      const firstCell = line.split('|')[1] ?? '';
      for (const m of firstCell.matchAll(/`([^`]+)`/g)) keys.add(m[1]!);
    }
    for (const stanza of parseConf(sharedText('formats', 'splunk', 'escu', 'escu-generated.savedsearches.excerpt.conf'))) {
      for (const key of stanza.settings.keys()) keys.add(key);
    }
    return keys;
  }

  const escuSettings = packSettings({ splunk: { flavour: 'escu', stanzaName: 'ESCU - {title} - Rule' } });

  it('reads the real ESCU excerpt with the test .conf parser (the parser itself is sound)', () => {
    const stanzas = parseConf(sharedText('formats', 'splunk', 'escu', 'escu-generated.savedsearches.excerpt.conf'));
    expect(stanzas.map((s) => s.name)).toEqual([
      'ESCU - Certutil exe certificate extraction - Rule',
      'ESCU - Malicious PowerShell Process - Encoded Command - Rule',
    ]);
    expect(stanzas[1]?.settings.get('description')).toContain('\nThe analytic identifies');
  });

  for (const [flavour, settings] of [
    ['core', packSettings({})],
    ['escu', escuSettings],
  ] as const) {
    it(`writes the seed rule with only documented settings (${flavour} flavour) and its ESCU search intact`, () => {
      const allowed = allowedConfKeys();
      const text = savedsearchesConf([converted(seedRule(), SEED_SPL_ESCU, 'splunk')], settings);
      const [stanza, ...rest] = parseConf(text);
      expect(rest).toEqual([]);
      expect(stanza).toBeDefined();
      for (const key of stanza!.settings.keys()) expect(allowed.has(key), key).toBe(true);
      expect(stanza!.settings.get('search')!.replace(/ \n/g, '\n')).toBe(SEED_SPL_ESCU);
      expect(stanza!.settings.get('cron_schedule')).toBe('0 * * * *');
      expect(stanza!.settings.get('dispatch.earliest_time')).toBe('-70m@m');
      expect(stanza!.settings.get('dispatch.latest_time')).toBe('-10m@m');
    });
  }

  it('fills the ESCU flavour like the generated ESCU stanzas: label, mappings, data models, RBA', () => {
    const [stanza] = parseConf(savedsearchesConf([converted(seedRule(), SEED_SPL_ESCU, 'splunk')], escuSettings));
    const s = stanza!.settings;
    expect(stanza!.name).toBe('ESCU - Certificate Exported Via PowerShell - Rule');
    expect(s.get('action.correlationsearch.label')).toBe(stanza!.name);
    expect(JSON.parse(s.get('action.escu.mappings')!)).toEqual({ mitre_attack: ['T1552.004', 'T1059.001'] });
    expect(JSON.parse(s.get('action.escu.data_models')!)).toEqual(['Endpoint']);
    const risk = JSON.parse(s.get('action.risk.param._risk')!) as Record<string, unknown>[];
    expect(risk.filter((r) => 'risk_object_field' in r).map((r) => r.risk_object_field)).toEqual(['user', 'dest']);
    expect(s.get('action.notable')).toBeUndefined();
  });

  it('writes one empty filter macro per rule in the form of the generated ESCU macros.conf', () => {
    const real = parseConf(sharedText('formats', 'splunk', 'escu', 'escu-generated.macros.excerpt.conf')).find((m) =>
      m.name.endsWith('_filter'),
    )!;
    const ours = parseConf(macrosConf([converted(seedRule(), SEED_SPL_ESCU, 'splunk')]));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.name).toBe('certificate_exported_via_powershell_filter');
    expect([...ours[0]!.settings.entries()]).toEqual([...real.settings.entries()]);
    expect(SEED_SPL_ESCU).toContain(`\`${ours[0]!.name}\``);
  });

  /** Rows of a markdown table whose first cell is a backticked key: key → cells. */
  function tableRows(markdown: string, heading: string): Map<string, string[]> {
    const section = markdown.split(heading)[1]?.split('\n## ')[0] ?? '';
    const rows = new Map<string, string[]>();
    for (const line of section.split('\n')) {
      const m = /^\| `([^`]+)` \|(.*)$/.exec(line);
      if (m)
        rows.set(
          m[1]!,
          m[2]!.split('|').map((c) => c.trim()),
        );
    }
    return rows;
  }

  it('writes the ESCU detection YAML with the contentctl fields and allowed values', () => {
    const fields = sharedText('formats', 'splunk', 'contentctl-detection.fields.md');
    const detectionRows = tableRows(fields, '## Detection');
    const tagRows = tableRows(fields, '## tags');
    expect(detectionRows.size).toBeGreaterThan(15);
    const doc = load(escuDetectionYaml(seedRule(), SEED_SPL_ESCU)) as Record<string, unknown>;
    for (const [key, cells] of detectionRows) if (cells[0]?.startsWith('yes')) expect(doc, key).toHaveProperty(key);
    for (const key of Object.keys(doc)) expect(detectionRows.has(key), key).toBe(true);
    const tags = doc.tags as Record<string, unknown>;
    for (const [key, cells] of tagRows) if (cells[0]?.startsWith('yes')) expect(tags, key).toHaveProperty(key);
    for (const key of Object.keys(tags)) expect(tagRows.has(key), key).toBe(true);

    expect(String(doc.name).length).toBeLessThanOrEqual(67);
    expect(doc.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(doc.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['production', 'experimental', 'deprecated']).toContain(doc.status);
    expect(doc.type).toBe('Anomaly');
    expect(doc.search).toBe(SEED_SPL_ESCU);
    expect(String(doc.search)).toContain('`certificate_exported_via_powershell_filter`');
    expect(tags.mitre_attack_id).toEqual(['T1552.004', 'T1059.001']);
    for (const id of tags.mitre_attack_id as string[]) expect(id).toMatch(/^T\d{4}(\.\d{3})?$/);
    expect(['endpoint', 'network', 'threat', 'identity', 'access', 'audit']).toContain(tags.security_domain);
    const rba = doc.rba as { message: string; risk_objects: { field: string; score: number }[]; threat_objects: { field: string }[] };
    for (const o of [...rba.risk_objects, ...rba.threat_objects]) expect(String(doc.search)).toContain(o.field);
    for (const m of rba.message.matchAll(/\$(\w+)\$/g)) expect(String(doc.search)).toContain(m[1]!);
    for (const r of rba.risk_objects) expect(r.score).toBeGreaterThanOrEqual(1);
  });

  it('orders and shapes the YAML like the real ESCU detections (the seed detection among them)', () => {
    const ours = load(escuDetectionYaml(seedRule(), SEED_SPL_ESCU)) as Record<string, unknown>;
    const v5 = load(sharedText('formats', 'splunk', 'contentctl', 'detection.anomalous_usage_of_7zip.yml')) as Record<string, unknown>;
    const seedDetection = load(
      sharedText('formats', 'splunk', 'escu', 'detection.windows_steal_authentication_certificates_export_certificate.yml'),
    ) as Record<string, unknown>;
    const realOrder = Object.keys(v5);
    const shared = Object.keys(ours).filter((k) => realOrder.includes(k));
    expect(shared).toEqual(realOrder.filter((k) => shared.includes(k)));
    expect(Object.keys(ours).every((k) => realOrder.includes(k))).toBe(true);
    for (const key of ['name', 'id', 'version', 'date', 'author', 'status', 'type', 'description', 'data_source', 'search']) {
      expect(typeof ours[key], key).toBe(typeof seedDetection[key]);
    }
    expect(ours.data_source).toEqual((seedDetection.data_source as string[]).slice(0, 2));
    expect(Object.keys(ours.rba as object)).toEqual(Object.keys(v5.rba as object));
  });

  it('builds the pack files: savedsearches.conf, macros.conf and one detection per rule', () => {
    const files = splunkPackFiles([converted(seedRule(), SEED_SPL_ESCU, 'splunk')], undefined, 'escu');
    expect(files.map((f) => f.path)).toEqual([
      'default/savedsearches.conf',
      'default/macros.conf',
      'detections/certificate_exported_via_powershell.yml',
      'README.md',
    ]);
    expect(savedsearchesConf([converted(seedRule(), SEED_SPL_ESCU, 'splunk')], undefined, 'escu')).toBe(files[0]!.content);
    expect(parseConf(files[0]!.content)[0]!.name).toBe('ESCU - Certificate Exported Via PowerShell - Rule');
    // the plain form: savedsearches.conf (and how to deploy it) only, no ESCU files
    expect(splunkPackFiles([converted(seedRule(), 'x=1', 'splunk')]).map((f) => f.path)).toEqual([
      'default/savedsearches.conf',
      'README.md',
    ]);
  });
});
