/**
 * The analyzer over one pipeline's reference conversions must flag exactly the rules of its `*.invalid.txt`
 * list, with the same first error. The rules are split into shards, one test file each, so that the slow runs go
 * in parallel and none holds up the end of the suite; every shard also checks that each listed rule is one the
 * reference converts (so that some shard measures it).
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

export const REFERENCE_SHARDS = 2;

export function referenceInvalidSuite(pipeline: 'sentinel_asim' | 'microsoft_xdr', invalidCount: number, shard: number): void {
  const title = `Kusto analyzer over the ${pipeline} reference, shard ${shard + 1}/${REFERENCE_SHARDS}${skipNote()}`;
  describe.skipIf(!hasKustoReference())(title, () => {
    it(`flags exactly the rules of kusto.${pipeline}.invalid.txt (${invalidCount} in all) among its rules, with the same first error`, () => {
      const analyzer = createKustoAnalyzer(TABLES_JSON);
      const conversions = readReferenceConversions(join(PYSIGMA_DIR, `kusto.${pipeline}.jsonl`));
      const expected = readInvalidList(join(PYSIGMA_DIR, `kusto.${pipeline}.invalid.txt`));
      expect(expected.size).toBe(invalidCount);
      const converted = new Set(conversions.map((c) => c.path));
      expect([...expected.keys()].filter((path) => !converted.has(path))).toEqual([]);

      const mine = conversions.filter((_, index) => index % REFERENCE_SHARDS === shard);
      const paths = new Set(mine.map((c) => c.path));
      const measured = measureInvalidRules(analyzer, mine, pipeline);
      console.info(`${pipeline} shard ${shard + 1}: ${measured.queryCount} queries in ${Math.round(measured.milliseconds)} ms`);

      expect(Object.fromEntries(measured.invalid)).toEqual(Object.fromEntries([...expected].filter(([path]) => paths.has(path))));
    });
  });
}
