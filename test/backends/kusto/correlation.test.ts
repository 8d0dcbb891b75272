/** Correlation rules through the Kusto backend: the base query, then `summarize … by bin(<time column>, span)`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerBackend } from '../../../src/backend.js';
import { createConverter } from '../../../src/convert.js';
import { kustoBackend } from '../../../backends/kusto/index.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../../support/corpus.js';
import { createKustoAnalyzer, createKustoAnalyzerForSchema, type KustoAnalyzer } from '../../support/kusto/analyzer.js';
import { readKustoSchema, type KustoSchema } from '../../support/kusto/schema.js';

const WHOAMI = `title: Whoami
name: whoami
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
`;

const TEXT = `${WHOAMI}---
title: Many whoami
correlation:
  type: event_count
  rules: [whoami]
  group-by: [User]
  timespan: 1h
  condition: {gte: 5}
`;

/** Two base rules and a correlation of `type` over them (`condition` as YAML flow, or none). */
function correlationOf(type: string, condition?: string): string {
  return `${WHOAMI}---
title: Net
name: net
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\net.exe'}
  condition: sel
---
title: Correlated
correlation:
  type: ${type}
  rules: [whoami, net]
  group-by: [User]
  timespan: 10m
${condition ? `  condition: ${condition}\n` : ''}`;
}

const EVERY_TYPE: readonly [string, string | undefined][] = [
  ['event_count', '{gte: 5}'],
  ['value_count', '{field: CommandLine, gt: 2}'],
  ['temporal', undefined],
  ['temporal_ordered', undefined],
  ['value_sum', '{field: ProcessId, gt: 100}'],
  ['value_avg', '{field: ProcessId, gt: 100}'],
  ['value_median', '{field: ProcessId, lt: 10}'],
  ['value_percentile', '{field: ProcessId, percentile: 95, gte: 50}'],
];

function correlationQuery(pipeline: string, text = TEXT): string {
  registerBackend(kustoBackend);
  const [result] = createConverter({ target: 'kusto', pipelines: [pipeline] }).files([{ text, path: 'c.yml' }]);
  if (!result?.ok) throw result?.error ?? new Error('no result');
  return result.queries[result.queries.length - 1] as string;
}

describe('Kusto correlations', () => {
  it("bins Defender XDR events on Timestamp and Sentinel's on TimeGenerated", () => {
    const xdr = correlationQuery('microsoft_xdr');
    expect(xdr.startsWith('DeviceProcessEvents\n| extend SysmonUser = ')).toBe(true);
    expect(xdr).toContain('\n| where FolderPath endswith "\\\\whoami.exe"');
    // The group-by field goes through each pipeline's mapping: User → TargetUsername (ASIM, DOMAIN\user); on XDR
    // Sysmon's DOMAIN\user is AccountDomain + AccountName, computed in the rule's query as SysmonUser.
    expect(xdr).toContain('| extend SysmonUser = iff(isempty(AccountDomain), AccountName, strcat(AccountDomain, "\\\\", AccountName))\n');
    expect(xdr).toContain('| summarize event_count = count() by bin(Timestamp, 1h), SysmonUser\n| where event_count >= 5');
    expect(correlationQuery('sentinel_asim')).toContain('by bin(TimeGenerated, 1h), TargetUsername');
  });

  it('sums a numeric column as it is and a column ASIM documents as a string through toreal()', () => {
    const text = correlationOf('value_sum', '{field: ProcessId, gt: 100}');
    expect(correlationQuery('microsoft_xdr', text)).toContain('| summarize value_sum = sum(ProcessId) by bin(Timestamp, 10m), SysmonUser');
    expect(correlationQuery('sentinel_asim', text)).toContain(
      '| summarize value_sum = sum(toreal(TargetProcessId)) by bin(TimeGenerated, 10m)',
    );
  });

  describe.skipIf(!HAS_SHARED)(`analyzer${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
    /**
     * An analyzer whose ASIM tables have TimeGenerated: a built-in Log Analytics column of every ASIM schema
     * (its common fields), which tables.json, scraped from the schema-specific field lists, leaves out.
     */
    let asimAnalyzer: KustoAnalyzer | undefined;
    const withTimeGenerated = (): KustoAnalyzer => {
      if (asimAnalyzer) return asimAnalyzer;
      const schema = readKustoSchema(join(SHARED, 'reference', 'tables.json'));
      const asim = Object.fromEntries(
        Object.entries(schema.sentinel_asim ?? {}).map(([table, columns]) => [table, { TimeGenerated: 'datetime' as const, ...columns }]),
      );
      return (asimAnalyzer = createKustoAnalyzerForSchema({ ...schema, sentinel_asim: asim } satisfies KustoSchema));
    };

    it('writes a Defender XDR correlation that the analyzer accepts', () => {
      const analyzer = createKustoAnalyzer(join(SHARED, 'reference', 'tables.json'));
      expect(analyzer.diagnose(correlationQuery('microsoft_xdr'), { database: 'microsoft_xdr' })).toEqual([]);
    });

    it('writes an ASIM correlation that the analyzer accepts once the ASIM tables have TimeGenerated', () => {
      const analyzer = withTimeGenerated();
      const query = correlationQuery('sentinel_asim');
      expect(query).toContain('bin(TimeGenerated, 1h)');
      expect(analyzer.diagnose(query, { database: 'sentinel_asim' })).toEqual([]);
      // and without the column, the analyzer does object to it: the check above is not vacuous
      const plain = createKustoAnalyzer(join(SHARED, 'reference', 'tables.json'));
      expect(
        plain
          .diagnose(query, { database: 'sentinel_asim' })
          .map((d) => d.message)
          .join('\n'),
      ).toContain('TimeGenerated');
    });

    it.each(EVERY_TYPE)('writes a %s correlation that the analyzer accepts on both pipelines', (type, condition) => {
      const analyzer = withTimeGenerated();
      for (const pipeline of ['microsoft_xdr', 'sentinel_asim']) {
        const query = correlationQuery(pipeline, correlationOf(type, condition));
        expect(query).toContain('summarize');
        expect(analyzer.diagnose(query, { database: pipeline }), `${pipeline}:\n${query}`).toEqual([]);
      }
    });
  });
});
