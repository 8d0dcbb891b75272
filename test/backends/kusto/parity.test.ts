/**
 * Parity with pySigma-backend-kusto over the SigmaHQ corpus, per reference file: for every rule the reference
 * converts (except the rules whose reference query Microsoft's analyzer rejects, `kusto.*.invalid.txt`), our
 * queries equal the reference's after collapsing whitespace, or the rule is listed in differences.md with the
 * category that explains it. Deliberate differences (the reference query is wrong) do not count against the
 * rate; known gaps do.
 */
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_MISSING, collapse, invalidList, reference } from '../../support/corpus.js';
import { KUSTO_PIPELINES, convertedCorpus } from './corpus-run.js';
import { CATEGORIES, readDifferences } from './differences.js';

const PARITY = 0.995;

describe.skipIf(!HAS_SHARED)(`Kusto parity with pySigma${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
  const differences = HAS_SHARED ? readDifferences() : [];

  it('lists only known categories', () => {
    for (const d of differences) for (const c of d.categories) expect(Object.keys(CATEGORIES), `${d.path}`).toContain(c);
  });

  for (const pipeline of KUSTO_PIPELINES) {
    const name = `kusto.${pipeline}`;
    it(`gives the reference's queries for ≥ 99.5 % of the rules ${name} converts, every difference listed`, () => {
      const ref = reference(name);
      const invalid = invalidList(name);
      const listed = new Map(differences.filter((d) => d.reference === name).map((d) => [d.path, d.categories]));
      const ours = convertedCorpus(pipeline);
      let compared = 0;
      let matched = 0;
      let deliberate = 0;
      let weConvertTheyFail = 0;
      let theyConvertWeFail = 0;
      const unlisted: string[] = [];
      const misfiled: string[] = [];
      const stale: string[] = [];
      for (const [path, record] of ref) {
        const result = ours.get(path);
        if (!result) continue;
        if (!record.ok) {
          if (result.ok) weConvertTheyFail++;
          continue;
        }
        if (invalid.has(path)) continue;
        compared++;
        if (!result.ok && listed.get(path)?.includes('no-column') && /field name encountered: /.test(result.error.message)) {
          deliberate++;
          continue;
        }
        if (!result.ok) {
          theyConvertWeFail++;
          unlisted.push(`${path}: we fail: ${result.error.message}`);
          continue;
        }
        const a = result.queries.map(collapse).join('\n');
        const b = record.queries.map(collapse).join('\n');
        const categories = listed.get(path);
        if (a === b) {
          matched++;
          if (categories) stale.push(path);
          continue;
        }
        if (!categories) {
          unlisted.push(`${path}\n  ours: ${a.slice(0, 300)}\n  ref:  ${b.slice(0, 300)}`);
          continue;
        }
        const wrong = categories.filter((c) => !CATEGORIES[c]?.shows(a, b));
        if (wrong.length > 0) misfiled.push(`${path}: the queries show no ${wrong.join(', ')} difference`);
        if (categories.every((c) => CATEGORIES[c]?.deliberate)) deliberate++;
      }
      const rate = matched / (compared - deliberate);
      console.info(
        `${name}: ${compared} rules compared, ${matched} identical (${((100 * matched) / compared).toFixed(2)} % raw), ` +
          `${deliberate} deliberate differences, parity ${(100 * rate).toFixed(2)} %; ` +
          `we convert ${weConvertTheyFail} rules the reference fails on, fail on ${theyConvertWeFail} it converts`,
      );
      if (stale.length > 0) console.warn(`${name}: listed in differences.md but identical now:\n${stale.join('\n')}`);
      expect(unlisted).toEqual([]);
      expect(misfiled).toEqual([]);
      expect(rate).toBeGreaterThanOrEqual(PARITY);
    });
  }
});
