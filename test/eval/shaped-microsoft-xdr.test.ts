/** SigmaHQ's regression events as Defender XDR rows: every rule fires where its microsoft_xdr query lands. */
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED, shapedRun } from './shapes/suite.js';
import { xdrRow } from './shapes/microsoft-xdr.js';

describe.skipIf(!HAVE_SHARED)('regression events shaped as Defender XDR rows (microsoft_xdr)', () => {
  const run = HAVE_SHARED ? shapedRun('microsoft_xdr', xdrRow) : { cases: [], refused: [], matchers: new Map() };

  it('fires every rule on the XDR row of each event it fires on', () => {
    const missed = run.cases
      .filter((c) => !run.matchers.get(c.rulePath)?.test(c.row))
      .map((c) => `${c.name} → ${c.table} ${JSON.stringify(c.row)}`);
    console.log(
      `microsoft_xdr: ${run.cases.length - missed.length}/${run.cases.length} shaped events fire; refused rules: ${run.refused.length}`,
    );
    expect(missed).toEqual([]);
  });

  it('does not fire on the row of a near miss (one field the rule reads changed)', () => {
    const fired = run.cases
      .filter((c) => c.nearMiss && run.matchers.get(c.rulePath)?.test(c.nearMiss.row))
      .map((c) => `${c.name} (${c.nearMiss?.field})`);
    expect(run.cases.filter((c) => c.nearMiss).length).toBeGreaterThan(run.cases.length * 0.9);
    expect(fired).toEqual([]);
  });
});
