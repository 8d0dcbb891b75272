/**
 * Pack defects of issue 15, one test each, without ../shared: ARM limits, per-rule Sentinel limits, ESCU names
 * and status, .conf escaping in convert.
 */
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { createConverter } from '../../src/convert.js';
import { SigmaError } from '../../src/errors.js';
import { ARM_LIMITS, sentinelArmTemplate, sentinelArmTemplates } from '../../backends/kusto/pack/sentinel.js';
import { splunkPackFiles } from '../../backends/splunk/pack/index.js';
import { escuDetectionYaml } from '../../backends/splunk/pack/escu-yaml.js';
import { packSettings } from '../../src/packs/settings.js';
import { contentctlProblems } from './contentctl.js';
import { makeRule, parseConf } from './helpers.js';
import { chunkBySize, numberedNames } from '../../src/packs/chunks.js';
import { KIBANA_IMPORT_LIMITS } from '../../backends/eql/pack/index.js';

const kql = (i: number) => ({
  rule: makeRule({ title: `Rule ${i}`, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
  queries: [`DeviceProcessEvents\n| where ProcessCommandLine has "x${i}"`],
  target: 'kusto',
});

describe('Sentinel ARM templates', () => {
  it('split at 800 resources, in rule order, and convert -f arm says to use pack when they do not fit one', () => {
    const rules = Array.from({ length: ARM_LIMITS.resources + 1 }, (_, i) => kql(i));
    const templates = sentinelArmTemplates(rules).map((t) => JSON.parse(t) as { resources: { properties: { displayName: string } }[] });
    expect(templates.map((t) => t.resources.length)).toEqual([800, 1]);
    expect(templates[1]!.resources[0]!.properties.displayName).toBe('Rule 800');
    expect(() => sentinelArmTemplate(rules)).toThrow(/use 'sigmaform pack -t kusto'/);
    expect(() => sentinelArmTemplate(rules.slice(0, 800))).not.toThrow();
  });

  it('split before 4 MB', () => {
    const big = Array.from({ length: 600 }, (_, i) => ({
      ...kql(i),
      queries: [`DeviceProcessEvents\n| where X has "${'a'.repeat(9000)}${i}"`],
    }));
    const templates = sentinelArmTemplates(big);
    expect(templates.length).toBeGreaterThan(1);
    for (const t of templates) expect(Buffer.byteLength(t, 'utf8')).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(templates.reduce((n, t) => n + (JSON.parse(t) as { resources: unknown[] }).resources.length, 0)).toBe(600);
  });

  it('convert -f arm: a query over 10,000 characters is one error record and the other rules are written', () => {
    const long = `title: Long\nid: 11111111-2222-4333-8444-555555555556\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|contains:\n${Array.from({ length: 900 }, (_, i) => `      - 'value-number-${i}'`).join('\n')}\n  condition: sel\n`;
    const short = `title: Short\nid: 11111111-2222-4333-8444-555555555557\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel: {CommandLine|contains: whoami}\n  condition: sel\n`;
    const c = createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'], format: 'arm' });
    const results = c.files([
      { path: 'long.yml', text: long },
      { path: 'short.yml', text: short },
    ]);
    expect(results[0]!.ok).toBe(false);
    if (!results[0]!.ok) expect(results[0]!.error.code).toBe('limit');
    expect(results[1]!.ok).toBe(true);
  });
});

describe('Splunk packs', () => {
  const spl = (title: string, id: string) => ({ rule: makeRule({ title, id }), queries: ['index=main x=1'], target: 'splunk' });

  it('name duplicate titles apart once: ESCU stanza, filter macro, detection name and file agree', () => {
    const rules = [spl('Same Title', '11111111-2222-4333-8444-000000000001'), spl('Same Title', '11111111-2222-4333-8444-000000000002')];
    const files = splunkPackFiles(rules, undefined, 'escu');
    const stanzas = parseConf(files.find((f) => f.path === 'default/savedsearches.conf')!.content);
    const macros = parseConf(files.find((f) => f.path === 'default/macros.conf')!.content);
    expect(stanzas.map((s) => s.name)).toEqual(['ESCU - Same Title - Rule', 'ESCU - Same Title 2 - Rule']);
    expect(macros.map((m) => m.name)).toEqual(['same_title_filter', 'same_title_2_filter']);
    const docs = files.filter((f) => f.path.startsWith('detections/'));
    expect(docs.map((d) => d.path)).toEqual(['detections/same_title.yml', 'detections/same_title_2.yml']);
    expect((load(docs[1]!.content) as { search: string }).search).toBe('index=main x=1 | `same_title_2_filter`');
    expect(stanzas[1]!.settings.get('search')).toBe('index=main x=1 | `same_title_2_filter`');
  });

  it('keeps a rule with a title over 67 characters in every form: shortened in ESCU, whole in savedsearches.conf', () => {
    const title = `Potentially Suspicious Child Process Of Some Very Long Named Parent Application Binary`;
    const rules = [spl(title, '11111111-2222-4333-8444-000000000003')];
    expect(parseConf(splunkPackFiles(rules)[0]!.content).map((s) => s.name)).toEqual([title]);
    const escu = splunkPackFiles(rules, undefined, 'escu');
    const doc = load(escu.find((f) => f.path.startsWith('detections/'))!.content) as { name: string };
    expect(doc.name.length).toBeLessThanOrEqual(67);
    // The notable's title is ESCU's `%name%`: the detection's (shortened) name, not the Sigma title.
    const tstats = '| tstats count from datamodel=Endpoint.Processes where Processes.process="*x*" by Processes.user Processes.dest';
    const ttp = {
      rule: makeRule({ title, id: '11111111-2222-4333-8444-000000000003', level: 'high' }),
      queries: [tstats],
      target: 'splunk',
    };
    const high = splunkPackFiles([ttp], undefined, 'escu');
    const [stanza] = parseConf(high.find((f) => f.path === 'default/savedsearches.conf')!.content);
    expect(stanza!.settings.get('action.notable.param.rule_title')).toBe(doc.name);
    expect(
      contentctlProblems(
        escu.find((f) => f.path.startsWith('detections/'))!.content,
        escu.find((f) => f.path.startsWith('detections/'))!.path.slice(11),
        new Set(),
      ),
    ).toEqual([]);
  });

  it('writes a production-looking rule as experimental without tests, production with tests, and both pass contentctl’s rules', () => {
    const rule = makeRule({ status: 'stable', falsepositives: ['-'] });
    const query =
      '| tstats count from datamodel=Endpoint.Processes where Processes.process="*x*" by Processes.user Processes.dest | `test_rule_filter`';
    const plain = load(escuDetectionYaml(rule, query)) as Record<string, unknown>;
    expect(plain['status']).toBe('experimental');
    expect(plain['known_false_positives']).toBe('Unknown');
    const tests = [
      {
        name: 'True Positive Test',
        attack_data: [{ data: 'https://example.com/a.log', source: 'XmlWinEventLog', sourcetype: 'xmlwineventlog' }],
      },
    ];
    const withTests = escuDetectionYaml(rule, query, packSettings({ splunk: { escu: { tests } } }));
    const prod = load(withTests) as Record<string, unknown>;
    expect(prod['status']).toBe('production');
    expect(prod['type']).toBe('TTP');
    expect((prod['drilldown_searches'] as unknown[]).length).toBe(2);
    expect(contentctlProblems(withTests, 'test_rule.yml', new Set())).toEqual([]);
    expect(contentctlProblems(escuDetectionYaml(rule, query), 'test_rule.yml', new Set())).toEqual([]);
  });

  it('refuses status production without tests as a settings error', () => {
    expect(() => packSettings({ splunk: { escu: { status: 'production' } } })).toThrow(SigmaError);
  });

  it('convert -f savedsearches writes every rule when a description ends with a backslash', () => {
    const rule = (title: string, description: string) =>
      `title: ${title}\nid: 11111111-2222-4333-8444-55555555555${title.length % 10}\ndescription: '${description}'\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel: {CommandLine|contains: x}\n  condition: sel\n`;
    const c = createConverter({ target: 'splunk', format: 'savedsearches' });
    const results = c.files([
      { path: 'a.yml', text: rule('Ends', 'a path C:\\') },
      { path: 'b.yml', text: rule('Other', 'fine') },
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const conf = c.backend.formats['savedsearches']!.finalizeOutput!(results.flatMap((r) => (r.ok ? r.results : [])));
    const stanzas = parseConf(conf);
    expect(stanzas.map((s) => s.name)).toEqual(['Ends', 'Other']);
    expect(stanzas[0]!.settings.get('description')).toBe('a path C:\\ ');
  });
});

describe('Kibana NDJSON files', () => {
  it('hold at most 10,000 rules and 26,000,000 bytes each, in order, named rules-1.ndjson …', () => {
    const lines = Array.from({ length: 20_001 }, (_, i) => `{"rule_id":"${i}"}`);
    const chunks = chunkBySize(lines, (l) => l.length + 1, { maxItems: KIBANA_IMPORT_LIMITS.rules, maxBytes: KIBANA_IMPORT_LIMITS.bytes });
    expect(chunks.map((c) => c.length)).toEqual([10_000, 10_000, 1]);
    expect(chunks.flat()).toEqual(lines);
    expect(numberedNames('rules', 'ndjson', 3)).toEqual(['rules-1.ndjson', 'rules-2.ndjson', 'rules-3.ndjson']);
    expect(numberedNames('rules', 'ndjson', 1)).toEqual(['rules.ndjson']);
    const big = chunkBySize(['a'.repeat(15_000_000), 'b'.repeat(15_000_000)], (l) => l.length + 1, {
      maxItems: KIBANA_IMPORT_LIMITS.rules,
      maxBytes: KIBANA_IMPORT_LIMITS.bytes,
    });
    expect(big).toHaveLength(2);
  });
});
