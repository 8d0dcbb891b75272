import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../src/index.js';
import { createConverter } from '../../src/convert.js';
import { SigmaError } from '../../src/errors.js';
import { HAS_SHARED, SHARED } from '../support/corpus.js';
import { validateEql } from '../support/eql/validate.js';
import { createKustoAnalyzer } from '../support/kusto/analyzer.js';

/** Base rules for the spec's correlation examples (written here; the examples name them by id or name). */
const BASE_RULES = `title: Failed logon
id: 5638f7c0-ac70-491d-8465-2a65075e0d86
logsource: {product: windows, category: process_creation}
detection:
  selection: {CommandLine|contains: 'logon /fail'}
  condition: selection
---
title: Recon A
name: recon_cmd_a
logsource: {product: windows, category: process_creation}
detection:
  selection: {CommandLine|contains: whoami}
  condition: selection
---
title: Recon B
name: recon_cmd_b
logsource: {product: windows, category: process_creation}
detection:
  selection: {CommandLine|contains: ipconfig}
  condition: selection
---
title: Recon C
name: recon_cmd_c
logsource: {product: windows, category: process_creation}
detection:
  selection: {CommandLine|contains: 'net user'}
  condition: selection
---
title: Rule A
name: rule_a_id
logsource: {product: windows, category: process_creation}
detection:
  selection: {Image|endswith: '\\curl.exe'}
  condition: selection
---
title: Process creation
name: process_creation
logsource: {product: windows, category: process_creation}
detection:
  selection: {Image|endswith: '.exe'}
  condition: selection
---
title: Website access
name: website_access
logsource: {product: windows, category: process_creation}
detection:
  selection: {Image|endswith: '\\browser.exe'}
  condition: selection
`;

const EXAMPLES = ['event_count', 'value_count', 'temporal', 'temporal_ordered', 'value_sum', 'value_avg', 'value_percentile'];
const example = (name: string) => readFileSync(join(SHARED, 'sigma/spec/examples/correlation', `${name}.yml`), 'utf8');

function convertExample(name: string, target: string, pipelines: string[] = []) {
  const results = createConverter({ target, pipelines }).files([
    { text: BASE_RULES, path: 'base.yml' },
    { text: example(name), path: `${name}.yml` },
  ]);
  const r = results[1];
  if (!r) throw new Error('no result');
  return r;
}

describe.skipIf(!HAS_SHARED)('correlation examples of the specification', () => {
  it('Splunk: event_count in the reference form (bin, stats count, search)', () => {
    const r = convertExample('event_count', 'splunk');
    expect(r.ok && r.queries).toEqual([
      'CommandLine="*logon /fail*"\n\n| bin _time span=1h\n| stats count as event_count by _time ComputerName\n\n| search event_count >= 100',
    ]);
  });
  it('Splunk: temporal over three rules is a multisearch labelled by event_type', () => {
    const r = convertExample('temporal', 'splunk');
    expect(r.ok && r.queries).toEqual([
      '| multisearch\n[ search CommandLine="*whoami*" | eval event_type="recon_cmd_a" ]\n[ search CommandLine="*ipconfig*" | eval event_type="recon_cmd_b" ]\n[ search CommandLine="*net user*" | eval event_type="recon_cmd_c" ]\n\n| bin _time span=5m\n| stats dc(event_type) as event_type_count by _time ComputerName User\n\n| search event_type_count >= 3',
    ]);
  });
  it('Splunk: value_count counts distinct values of the condition field', () => {
    const r = convertExample('value_count', 'splunk');
    expect(r.ok && r.queries[0]).toContain(
      '| stats dc(User) as value_count by _time ComputerName WorkstationName\n\n| search value_count >= 100',
    );
  });
  it.each(EXAMPLES)('Splunk converts the %s example', (name) => {
    const r = convertExample(name, 'splunk');
    expect(r.ok, r.ok ? '' : r.error.format()).toBe(true);
  });

  it.each(EXAMPLES)(
    'KQL (Defender XDR): the %s example gives a query the Kusto analyzer accepts, or a clear error naming the unmapped field',
    (name) => {
      const analyzer = createKustoAnalyzer(join(SHARED, 'reference/tables.json'));
      const r = convertExample(name, 'kusto', ['microsoft_xdr']);
      if (!r.ok) {
        // The examples group by Sigma fields (ComputerName, SourceIP …) that DeviceProcessEvents has no column for.
        expect(r.error.code).toBe('unsupported');
        expect(r.error.message).toMatch(/correlation field '\w+' cannot be used/);
        return;
      }
      const query = r.queries[0] as string;
      expect(query).toMatch(/summarize/);
      expect(analyzer.diagnose(query).map((d) => `${d.message} @${d.start}`)).toEqual([]);
    },
  );
  it('KQL: group-by and value fields go through the pipeline (User → SysmonUser, DOMAIN\\user computed in each rule query; Image → FolderPath) and the analyzer accepts the query', () => {
    const analyzer = createKustoAnalyzer(join(SHARED, 'reference/tables.json'));
    const correlation = `title: Many processes per user
correlation:
  type: value_count
  rules: [recon_cmd_a, recon_cmd_b]
  group-by: [User]
  timespan: 1h
  condition: {field: Image, gte: 10}
`;
    const [, r] = createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] }).files([
      { text: BASE_RULES, path: 'base.yml' },
      { text: correlation, path: 'c.yml' },
    ]);
    expect(r?.ok, r && !r.ok ? r.error.format() : '').toBe(true);
    const q = r?.ok ? (r.queries[0] as string) : '';
    expect(q).toContain('| summarize value_count = dcount(FolderPath) by bin(Timestamp, 1h), SysmonUser');
    expect(q.split('| extend SysmonUser = ').length - 1).toBe(2);
    expect(analyzer.diagnose(q).map((d) => d.message)).toEqual([]);
  });
  it('KQL: temporal union-s the labelled rules and checks the set of rules seen', () => {
    // ComputerName is the device's name: DeviceName (XDR), DvcHostname (ASIM's common field). On XDR process
    // events User is Sysmon's DOMAIN\user, computed from AccountDomain and AccountName (issue 21).
    const r = convertExample('temporal', 'kusto', ['microsoft_xdr']);
    expect(r.ok && r.queries[0]).toContain('by bin(Timestamp, 5m), DeviceName, SysmonUser');
    const asim = convertExample('temporal', 'kusto', ['sentinel_asim']);
    expect(asim.ok && asim.queries[0]).toContain('by bin(TimeGenerated, 5m), DvcHostname, TargetUsername');
    const plain = createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] }).files([
      { text: BASE_RULES, path: 'base.yml' },
      {
        text: 'title: Recon\ncorrelation:\n  type: temporal\n  rules: [recon_cmd_a, recon_cmd_b, recon_cmd_c]\n  group-by: [User]\n  timespan: 5m\n',
        path: 't.yml',
      },
    ])[1];
    const q = plain?.ok ? (plain.queries[0] as string) : '';
    expect(q.startsWith('union (DeviceProcessEvents')).toBe(true);
    expect(q).toContain('| summarize rules = make_set(sigma_rule) by bin(Timestamp, 5m), SysmonUser');
    expect(q).toContain('| where rule_count >= 3');
  });

  it('EQL: temporal_ordered is a sequence by the group-by fields (ECS names from the pipeline) with maxspan', () => {
    const r = convertExample('temporal_ordered', 'eql', ['ecs_windows']);
    expect(r.ok && r.queries).toEqual([
      'sequence by winlog.computer_name, user.name with maxspan=5m\n  [any where process.command_line:"*whoami*"]\n  [any where process.command_line:"*ipconfig*"]\n  [any where process.command_line:"*net user*"]',
    ]);
    expect(validateEql(r.ok ? (r.queries[0] as string) : '')).toEqual({ ok: true });
  });
  it('EQL: event_count (at least N) is a run of the rule', () => {
    const r = convertExample('event_count', 'eql', ['ecs_windows']);
    expect(r.ok && r.queries[0]).toBe(
      'sequence by winlog.computer_name with maxspan=1h\n  [any where process.command_line:"*logon /fail*"] with runs=100',
    );
    expect(validateEql(r.ok ? (r.queries[0] as string) : '')).toEqual({ ok: true });
  });
  it.each(['value_count', 'temporal', 'value_sum', 'value_avg', 'value_percentile'])(
    'EQL: %s is a clear unsupported error naming the type',
    (name) => {
      const r = convertExample(name, 'eql', ['ecs_windows']);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toBeInstanceOf(SigmaError);
      expect(r.error.code).toBe('unsupported');
      expect(r.error.message).toContain(name);
    },
  );
});
