/**
 * The correlation examples of the Sigma specification (../shared/sigma/spec/examples/correlation) with the base
 * rules they name (fixtures/spec-base-rules.yml, Windows logon, process and network rules as the examples
 * describe), and the specification's complete chained example (fixtures/failed-then-successful.yml), on every
 * target: each KQL query passes Microsoft's Kusto analyzer (tables.json, ASIM tables with their common fields),
 * each EQL query the EQL grammar; what a target cannot express is a located `unsupported` error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { createConverter, type FileResult } from '../../src/convert.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../support/corpus.js';
import { validateEql } from '../support/eql/validate.js';
import { createAsimCommonAnalyzer, type KustoAnalyzer } from '../support/kusto/analyzer.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const BASE = readFileSync(join(FIXTURES, 'spec-base-rules.yml'), 'utf8');
const CHAIN = readFileSync(join(FIXTURES, 'failed-then-successful.yml'), 'utf8');
const EXAMPLES = [
  'event_count',
  'event_count_ecs',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
];
const TARGETS = [
  ['splunk', []],
  ['kusto', ['sentinel_asim']],
  ['kusto', ['microsoft_xdr']],
  ['eql', ['ecs_windows']],
] as const;

let cached: KustoAnalyzer | undefined;
const analyzer = (): KustoAnalyzer => (cached ??= createAsimCommonAnalyzer(join(SHARED, 'reference/tables.json')));

function convertText(text: string, target: string, pipelines: readonly string[] = []): FileResult {
  const [r] = createConverter({ target, pipelines }).files([{ text, path: 'c.yml' }]);
  if (!r) throw new Error('no result');
  return r;
}
const queries = (r: FileResult): readonly string[] => (r.ok ? r.queries : [r.error.format()]);

/** Every example on every target, converted once for the file. */
const converted = new Map<string, FileResult>();
if (HAS_SHARED) {
  for (const [target, pipelines] of TARGETS) {
    const converter = createConverter({ target, pipelines });
    for (const name of EXAMPLES) {
      const text = readFileSync(join(SHARED, 'sigma/spec/examples/correlation', `${name}.yml`), 'utf8');
      const [, r] = converter.files([
        { text: BASE, path: 'spec-base-rules.yml' },
        { text, path: `${name}.yml` },
      ]);
      if (r) converted.set(`${target} ${pipelines.join()} ${name}`, r);
    }
    const [r] = converter.files([{ text: CHAIN, path: 'failed-then-successful.yml' }]);
    if (r) converted.set(`${target} ${pipelines.join()} chain`, r);
  }
}
const result = (target: string, pipeline: string, name: string): FileResult => {
  const r = converted.get(`${target} ${pipeline} ${name}`);
  if (!r) throw new Error(`${target} ${pipeline} ${name} not converted`);
  return r;
};

/** Cannot be expressed: the value field has no column (Defender XDR has no byte counts), ECS field names on KQL. */
const KQL_REFUSED: Readonly<Record<string, readonly string[]>> = {
  sentinel_asim: ['event_count_ecs'],
  microsoft_xdr: ['event_count_ecs', 'value_sum', 'value_avg'],
};
const EQL_EXPRESSES = ['event_count', 'event_count_ecs', 'temporal_ordered'];

describe.skipIf(!HAS_SHARED)(`correlation examples of the specification on every target${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
  it.each(EXAMPLES)('Splunk converts the %s example', (name) => {
    const r = result('splunk', '', name);
    expect(r.ok && r.queries.length, r.ok ? '' : r.error.format()).toBe(1);
  });

  for (const pipeline of ['sentinel_asim', 'microsoft_xdr']) {
    it.each(EXAMPLES)(`KQL ${pipeline}: the %s example passes the analyzer, or names the field no column holds`, (name) => {
      const r = result('kusto', pipeline, name);
      if (KQL_REFUSED[pipeline]?.includes(name)) {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.message).toMatch(
          /correlation field '(dns\.question\.name|BytesOut|bytes_sent)' cannot be used with rule '[^']+' \(spec-base-rules\.yml:\d+\)/,
        );
        // located at the correlation, which names the field
        expect(r.error.location).toMatchObject({ file: `${name}.yml`, line: 1 });
        return;
      }
      const q = r.ok ? (r.queries[0] ?? '') : r.error.format();
      expect(q).toContain('| summarize');
      expect(
        analyzer()
          .diagnose(q, { database: pipeline })
          .map((d) => `${d.message} @${d.start}`),
      ).toEqual([]);
    });
  }

  it.each(EXAMPLES)('EQL: the %s example is a valid sequence, or an unsupported error pointing to ES|QL', (name) => {
    const r = result('eql', 'ecs_windows', name);
    if (EQL_EXPRESSES.includes(name)) {
      expect(r.ok, r.ok ? '' : r.error.format()).toBe(true);
      expect(validateEql(r.ok ? (r.queries[0] ?? '') : '')).toEqual({ ok: true });
      return;
    }
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unsupported');
    expect(r.error.message).toContain(`EQL cannot express a ${name} correlation`);
    expect(r.error.message).toContain('-t esql');
    expect(r.error.location).toMatchObject({ file: `${name}.yml`, line: 1 });
  });

  it('groups logon events by the host logged on to and the account: imAuthentication and DeviceLogonEvents', () => {
    const asim = queries(result('kusto', 'sentinel_asim', 'value_count'))[0];
    expect(asim).toBe(
      'imAuthentication\n| where EventOriginalType =~ "4625"\n| extend sigma_rule = "5638f7c0-ac70-491d-8465-2a65075e0d86"\n| summarize value_count = dcount(TargetUsername) by bin(TimeGenerated, 1d), TargetHostname, SrcHostname\n| where value_count >= 100',
    );
    const xdr = queries(result('kusto', 'microsoft_xdr', 'value_count'))[0];
    expect(xdr).toBe(
      'DeviceLogonEvents\n| where ActionType =~ "LogonFailed"\n| extend sigma_rule = "5638f7c0-ac70-491d-8465-2a65075e0d86"\n| summarize value_count = dcount(AccountName) by bin(Timestamp, 1d), DeviceName, RemoteDeviceName\n| where value_count >= 100',
    );
  });

  it('the chained example: only the outer correlation is output, on Splunk and both KQL pipelines', () => {
    for (const [target, pipeline] of [
      ['splunk', ''],
      ['kusto', 'sentinel_asim'],
      ['kusto', 'microsoft_xdr'],
    ] as const) {
      const r = result(target, pipeline, 'chain');
      expect(r.ok && r.queries.length, `${target} ${pipeline}`).toBe(1);
      if (target === 'kusto') expect(analyzer().diagnose(queries(r)[0] ?? '', { database: pipeline })).toEqual([]);
    }
    const xdr = queries(result('kusto', 'microsoft_xdr', 'chain'))[0] ?? '';
    expect(xdr).toContain(
      '| summarize event_count = count() by bin(Timestamp, 10m), AccountName\n| where event_count >= 10\n| extend sigma_rule = "multiple_failed_login"),',
    );
    expect(xdr).toContain(
      '(DeviceLogonEvents\n| where ActionType in~ ("LogonSuccess", "LogonSuccess")\n| extend sigma_rule = "successful_login")',
    );
    const eql = result('eql', 'ecs_windows', 'chain');
    expect(eql.ok).toBe(false);
  });
});

describe.skipIf(!HAS_SHARED)(
  `extended conditions and chains: KQL through Microsoft's analyzer${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`,
  () => {
    const PROCESS = `title: Whoami
name: whoami
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
---
title: Net
name: net
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\net.exe'}
  condition: sel
---
title: Ipconfig
name: ipconfig
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\ipconfig.exe'}
  condition: sel
`;
    const correlation = (type: string, condition: string) =>
      `${PROCESS}---\ntitle: Recon\ncorrelation:\n  type: ${type}\n  group-by: [ComputerName, User]\n  timespan: 10m\n  condition: ${condition}\n`;

    it.each(['microsoft_xdr', 'sentinel_asim'])('%s: temporal with and/or/not tests the set of rules seen', (pipeline) => {
      const q = queries(convertText(correlation('temporal', 'whoami and (net or not ipconfig)'), 'kusto', [pipeline]))[0] ?? '';
      expect(q).toMatch(
        /\| summarize rules = make_set\(sigma_rule\) by .*\n\| where set_has_element\(rules, "whoami"\) and \(set_has_element\(rules, "net"\) or not\(set_has_element\(rules, "ipconfig"\)\)\)$/,
      );
      expect(analyzer().diagnose(q, { database: pipeline })).toEqual([]);
    });

    it.each(['microsoft_xdr', 'sentinel_asim'])('%s: temporal_ordered with not orders the present named rules', (pipeline) => {
      const q = queries(convertText(correlation('temporal_ordered', 'whoami and net and not ipconfig'), 'kusto', [pipeline]))[0] ?? '';
      expect(q).toContain(
        '| where (array_index_of(rules, "whoami") >= 0 and array_index_of(rules, "net") >= 0 and not(array_index_of(rules, "ipconfig") >= 0)) and (array_index_of(rules, "whoami") < 0 or array_index_of(rules, "net") < 0 or array_index_of(rules, "whoami") < array_index_of(rules, "net"))',
      );
      expect(analyzer().diagnose(q, { database: pipeline })).toEqual([]);
    });
  },
);
