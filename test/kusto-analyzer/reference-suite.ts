/**
 * The analyzer over one pipeline's reference conversions must flag exactly the rules of its `*.invalid.txt`
 * list, with the same first error. One test file per pipeline, so that the two slow runs go in parallel.
 */
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

export function referenceInvalidSuite(pipeline: 'sentinel_asim' | 'microsoft_xdr', invalidCount: number): void {
  describe.skipIf(!hasKustoReference())(`Kusto analyzer over the ${pipeline} reference${skipNote()}`, () => {
    it(`flags exactly the ${invalidCount} rules of kusto.${pipeline}.invalid.txt, with the same first error`, () => {
      const analyzer = createKustoAnalyzer(TABLES_JSON);
      const conversions = readReferenceConversions(join(PYSIGMA_DIR, `kusto.${pipeline}.jsonl`));
      const expected = readInvalidList(join(PYSIGMA_DIR, `kusto.${pipeline}.invalid.txt`));

      const measured = measureInvalidRules(analyzer, conversions, pipeline);
      console.info(`${pipeline}: ${measured.queryCount} queries in ${Math.round(measured.milliseconds)} ms`);

      expect(expected.size).toBe(invalidCount);
      expect(Object.fromEntries(measured.invalid)).toEqual(Object.fromEntries(expected));
    });
  });
}
