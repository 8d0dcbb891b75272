import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKustoAnalyzer } from '../support/kusto/analyzer.js';
import { measureInvalidRules } from '../support/kusto/measure.js';
import {
  PYSIGMA_DIR,
  TABLES_JSON,
  hasKustoReference,
  readInvalidList,
  readReferenceConversions,
  skipNote,
} from '../support/kusto/reference.js';

describe.skipIf(!hasKustoReference())(`Kusto analyzer over the sentinel_asim reference${skipNote()}`, () => {
  it('flags exactly the 23 rules of kusto.sentinel_asim.invalid.txt, with the same first error', () => {
    const analyzer = createKustoAnalyzer(TABLES_JSON);
    const conversions = readReferenceConversions(join(PYSIGMA_DIR, 'kusto.sentinel_asim.jsonl'));
    const expected = readInvalidList(join(PYSIGMA_DIR, 'kusto.sentinel_asim.invalid.txt'));

    const measured = measureInvalidRules(analyzer, conversions, 'sentinel_asim');
    console.info(`sentinel_asim: ${measured.queryCount} queries in ${Math.round(measured.milliseconds)} ms`);

    expect(expected.size).toBe(23);
    expect(Object.fromEntries(measured.invalid)).toEqual(Object.fromEntries(expected));
  });
});
