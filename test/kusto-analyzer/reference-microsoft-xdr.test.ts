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

describe.skipIf(!hasKustoReference())(`Kusto analyzer over the microsoft_xdr reference${skipNote()}`, () => {
  it('flags exactly the 16 rules of kusto.microsoft_xdr.invalid.txt, with the same first error', () => {
    const analyzer = createKustoAnalyzer(TABLES_JSON);
    const conversions = readReferenceConversions(join(PYSIGMA_DIR, 'kusto.microsoft_xdr.jsonl'));
    const expected = readInvalidList(join(PYSIGMA_DIR, 'kusto.microsoft_xdr.invalid.txt'));

    const measured = measureInvalidRules(analyzer, conversions, 'microsoft_xdr');
    console.info(`microsoft_xdr: ${measured.queryCount} queries in ${Math.round(measured.milliseconds)} ms`);

    expect(expected.size).toBe(16);
    expect(Object.fromEntries(measured.invalid)).toEqual(Object.fromEntries(expected));
  });
});
