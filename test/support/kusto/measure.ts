/**
 * Runs the analyzer over a set of converted rules, as the reference's `*.invalid.txt`
 * measurement does: a rule is invalid when one of its queries has an error; its first
 * error is reported.
 */
import type { KustoAnalyzer } from './analyzer.js';
import { formatLikeInvalidList, type ReferenceConversion } from './reference.js';

export interface InvalidMeasurement {
  /** rule path → first error, formatted like the `*.invalid.txt` lists. */
  readonly invalid: ReadonlyMap<string, string>;
  readonly queryCount: number;
  readonly milliseconds: number;
}

export function measureInvalidRules(
  analyzer: KustoAnalyzer,
  conversions: readonly ReferenceConversion[],
  database: string,
): InvalidMeasurement {
  const invalid = new Map<string, string>();
  let queryCount = 0;
  const started = performance.now();
  for (const { path, queries } of conversions) {
    for (const query of queries) {
      queryCount++;
      const first = analyzer.diagnose(query, { database })[0];
      if (first) {
        invalid.set(path, formatLikeInvalidList(first));
        break;
      }
    }
  }
  return { invalid, queryCount, milliseconds: performance.now() - started };
}
