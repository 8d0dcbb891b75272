/** Correlation rules through the Kusto backend: the base query, then `summarize … by bin(<time column>, span)`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerBackend } from '../../../src/backend.js';
import { createConverter } from '../../../src/convert.js';
import { kustoBackend } from '../../../backends/kusto/index.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../../support/corpus.js';
import { createKustoAnalyzer } from '../../support/kusto/analyzer.js';

const TEXT = `title: Whoami
name: whoami
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
---
title: Many whoami
correlation:
  type: event_count
  rules: [whoami]
  group-by: [User]
  timespan: 1h
  condition: {gte: 5}
`;

function correlationQuery(pipeline: string): string {
  registerBackend(kustoBackend);
  const [result] = createConverter({ target: 'kusto', pipelines: [pipeline] }).files([{ text: TEXT, path: 'c.yml' }]);
  if (!result?.ok) throw result?.error ?? new Error('no result');
  return result.queries[result.queries.length - 1] as string;
}

describe('Kusto correlations', () => {
  it("bins Defender XDR events on Timestamp and Sentinel's on TimeGenerated", () => {
    const xdr = correlationQuery('microsoft_xdr');
    expect(xdr.startsWith('DeviceProcessEvents\n| where FolderPath endswith "\\\\whoami.exe"')).toBe(true);
    // The group-by field goes through each pipeline's mapping: User → AccountName (XDR), TargetUsername (ASIM).
    expect(xdr).toContain('| summarize event_count = count() by bin(Timestamp, 1h), AccountName\n| where event_count >= 5');
    expect(correlationQuery('sentinel_asim')).toContain('by bin(TimeGenerated, 1h), TargetUsername');
  });

  describe.skipIf(!HAS_SHARED)(`analyzer${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
    it('writes a Defender XDR correlation that the analyzer accepts', () => {
      const analyzer = createKustoAnalyzer(join(SHARED, 'reference', 'tables.json'));
      expect(analyzer.diagnose(correlationQuery('microsoft_xdr'), { database: 'microsoft_xdr' })).toEqual([]);
    });
  });
});
