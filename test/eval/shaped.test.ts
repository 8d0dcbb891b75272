/**
 * SigmaHQ's regression events shaped as the rows of each target's tables (test/eval/shapes): every rule fires
 * where its converted query lands, and a near miss does not. One file, so the corpus and events load once.
 */
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED, shapedRun, type Shape } from './shapes/suite.js';
import { xdrRow } from './shapes/microsoft-xdr.js';
import { asimRow } from './shapes/sentinel-asim.js';

const TARGETS: readonly { pipeline: string; rows: string; shape: Shape; refused: readonly string[] }[] = [
  // Its filter needs Signed/SignatureStatus, which DeviceImageLoadEvents lacks; a filter under NOT cannot be left out.
  { pipeline: 'microsoft_xdr', rows: 'Defender XDR', shape: xdrRow, refused: ['image_load_side_load_vcruntime140.yml'] },
  { pipeline: 'sentinel_asim', rows: 'Sentinel ASIM', shape: asimRow, refused: [] },
];

for (const t of TARGETS) {
  describe.skipIf(!HAVE_SHARED)(`regression events shaped as ${t.rows} rows (${t.pipeline})`, () => {
    const run = HAVE_SHARED ? shapedRun(t.pipeline, t.shape) : { cases: [], refused: [], matchers: new Map() };

    it(`fires every rule on the ${t.rows} row of each event it fires on`, () => {
      const missed = run.cases
        .filter((c) => !run.matchers.get(c.rulePath)?.test(c.row))
        .map((c) => `${c.name} → ${c.table} ${JSON.stringify(c.row)}`);
      console.info(`${t.pipeline}: ${run.cases.length - missed.length}/${run.cases.length} shaped events fire`);
      expect(run.cases.length).toBeGreaterThan(200);
      expect(missed).toEqual([]);
    });

    it('refuses only the rules whose log source has no table there', () => {
      expect(run.refused.map((r) => r.rulePath.split('/').pop())).toEqual(t.refused);
    });

    it('does not fire on the row of a near miss (one field the rule reads changed)', () => {
      const fired = run.cases
        .filter((c) => c.nearMiss && run.matchers.get(c.rulePath)?.test(c.nearMiss.row))
        .map((c) => `${c.name} (${c.nearMiss?.field})`);
      expect(run.cases.filter((c) => c.nearMiss).length).toBeGreaterThan(run.cases.length * 0.9);
      expect(fired).toEqual([]);
    });
  });
}
