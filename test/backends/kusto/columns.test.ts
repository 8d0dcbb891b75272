/** The column types the dialect embeds are those of ../shared/reference/tables.json, as the analyzer reads them. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnType, nonStringColumns } from '../../../backends/kusto/columns.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../../support/corpus.js';
import { readKustoSchema } from '../../support/kusto/schema.js';

describe('Kusto column types', () => {
  it('knows the type of a column of a documented table, and nothing of other tables', () => {
    expect(columnType('DeviceNetworkEvents', 'RemotePort')).toBe('int');
    expect(columnType('DeviceNetworkEvents', 'RemoteUrl')).toBe('string');
    expect(columnType('SomeCustomTable', 'RemotePort')).toBeUndefined();
    expect(columnType(undefined, 'RemotePort')).toBeUndefined();
  });

  describe.skipIf(!HAS_SHARED)(`match tables.json${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
    it('has every non-string column of every table, with its type', () => {
      const schema = readKustoSchema(join(SHARED, 'reference', 'tables.json'));
      const expected: Record<string, Record<string, string>> = {};
      for (const tables of Object.values(schema)) {
        for (const [table, columns] of Object.entries(tables)) {
          expected[table] = Object.fromEntries(Object.entries(columns).filter(([, type]) => type !== 'string'));
        }
      }
      expect(nonStringColumns()).toEqual(expected);
    });
  });
});
