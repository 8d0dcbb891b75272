/**
 * The checker against the measurement in ../shared: run over every query pySigma produced
 * for the SigmaHQ corpus, it must reject exactly the rules of the matching `*.invalid.txt`
 * (measured with a parser generated from Elasticsearch's EqlBase.g4), with the same first
 * error message, and accept every other query.
 */
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  EQL_REFERENCES,
  eqlSkipNote,
  hasEqlReference,
  readEqlConversions,
  readEqlInvalidList,
  readSigmaRule,
} from '../support/eql/reference.js';
import { findBareValueConditions, findUnquotedNonIdentifierFields, validateEql } from '../support/eql/validate.js';

interface DetectionShape {
  readonly fields: ReadonlySet<string>;
  readonly keywords: boolean;
}
const shapes = new Map<string, DetectionShape>();

/** Field names used in a Sigma rule's detection (`field|modifier` keys), and whether it has keyword lists. */
function detectionShape(path: string): DetectionShape {
  const known = shapes.get(path);
  if (known) return known;
  const rule = load(readSigmaRule(path)) as { detection?: Record<string, unknown> };
  const fields = new Set<string>();
  let keywords = false;
  const visitItem = (item: unknown): void => {
    if (item === null || typeof item !== 'object') keywords = true;
    else if (Array.isArray(item)) item.forEach(visitItem);
    else {
      for (const key of Object.keys(item)) {
        const field = key.split('|')[0] ?? '';
        if (field === '')
          keywords = true; // `'|all': [...]`: a keyword list with a modifier
        else fields.add(field);
      }
    }
  };
  for (const [name, value] of Object.entries(rule.detection ?? {})) {
    if (name !== 'condition' && name !== 'timeframe') visitItem(value);
  }
  const shape = Object.freeze({ fields, keywords });
  shapes.set(path, shape);
  return shape;
}

describe.skipIf(!hasEqlReference())(`EQL checker over the pySigma reference${eqlSkipNote()}`, () => {
  for (const name of EQL_REFERENCES) {
    describe(`${name}.jsonl`, () => {
      const conversions = hasEqlReference() ? readEqlConversions(name) : [];
      const invalid = hasEqlReference() ? readEqlInvalidList(name) : new Map<string, string>();

      it(`rejects exactly the rules listed in ${name}.invalid.txt, with the same first error`, () => {
        const rejected = new Map<string, string>();
        for (const { path, queries } of conversions) {
          for (const query of queries) {
            const result = validateEql(query);
            if (!result.ok && !rejected.has(path)) rejected.set(path, result.message);
          }
        }
        expect(invalid.size).toBe(95);
        expect([...rejected.keys()].sort()).toEqual([...invalid.keys()].sort());
        for (const [path, message] of invalid) expect(`${path}: ${rejected.get(path)}`).toBe(`${path}: ${message}`);
      });

      it('checks the whole reference (~3,100 queries) in well under two seconds', () => {
        const queries = conversions.flatMap((c) => c.queries);
        expect(queries.length).toBeGreaterThan(3000);
        const started = performance.now();
        for (const query of queries) validateEql(query);
        expect(performance.now() - started).toBeLessThan(2000);
      });

      it('finds an unquoted hyphenated field exactly where the Sigma rule names one', () => {
        for (const { path, queries } of conversions) {
          const sigmaFields = [...detectionShape(path).fields].filter((f) => f.includes('-')).sort();
          const flagged = [...new Set(queries.flatMap((q) => findUnquotedNonIdentifierFields(q).map((h) => h.field)))];
          expect({ path, fields: flagged.sort() }).toEqual({ path, fields: sigmaFields });
        }
      });

      it('finds a bare value used as a condition exactly where the Sigma rule has a keyword list', () => {
        for (const { path, queries } of conversions) {
          if (invalid.has(path)) continue; // not parseable: nothing to inspect
          const flagged = queries.some((q) => findBareValueConditions(q).length > 0);
          expect({ path, bare: flagged }).toEqual({ path, bare: detectionShape(path).keywords });
        }
      });
    });
  }
});
