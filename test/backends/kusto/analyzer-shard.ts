/**
 * Issue 5: every query the Kusto backend emits for the corpus passes Microsoft's own Kusto analyzer
 * (`@kusto/language-service-next`, tables.json as schema) with zero errors. The corpus is split into shards,
 * one test file each, so the files run in parallel and each stays short.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAsimCommonAnalyzer } from '../../support/kusto/analyzer.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../../support/corpus.js';
import { convertedCorpus, type KustoPipeline } from './corpus-run.js';

export const ANALYZER_SHARDS = 4;

export function analyzerShardSuite(pipeline: KustoPipeline, shard: number): void {
  describe.skipIf(!HAS_SHARED)(
    `Kusto analyzer over every ${pipeline} query, shard ${shard + 1}/${ANALYZER_SHARDS}${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`,
    () => {
      it('finds no error in any query', () => {
        // ASIM tables with their common fields (DvcHostname …, see identity-mappings.ts); XDR tables as in tables.json.
        const analyzer = createAsimCommonAnalyzer(join(SHARED, 'reference', 'tables.json'));
        const errors: string[] = [];
        let queries = 0;
        let index = 0;
        for (const [path, result] of convertedCorpus(pipeline)) {
          if (index++ % ANALYZER_SHARDS !== shard || !result.ok) continue;
          for (const query of result.queries) {
            queries++;
            const first = analyzer.diagnose(query, { database: pipeline })[0];
            if (first)
              errors.push(`${path}: ${first.message} @${first.start}: …${query.slice(Math.max(0, first.start - 40), first.start + 40)}…`);
          }
        }
        console.info(`${pipeline} shard ${shard + 1}: ${queries} queries, ${errors.length} with analyzer errors`);
        expect(queries).toBeGreaterThan(300);
        expect(errors).toEqual([]);
      });
    },
  );
}
