/**
 * Every SigmaHQ rule that has regression data fires on its true-positive events (SigmaHQ's own proof that a
 * rule means what it says): 100 %. Files with several events need not match them all (some hold the
 * surrounding activity too), but every file has a match and at least info.yml's match_count events match.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/eval/match.js';
import { HAVE_SHARED, loadCorpus, loadRegression } from './corpus.js';

describe.skipIf(!HAVE_SHARED)('regression data (../shared/sigma/regression_data)', () => {
  const corpus = HAVE_SHARED ? loadCorpus() : undefined;
  const cases = HAVE_SHARED ? loadRegression() : [];

  it('has a rule in the corpus for every regression case with events', () => {
    const missing = cases.filter((c) => c.files.length > 0 && c.ruleIds.some((id) => !corpus?.byId.has(id))).map((c) => c.dir);
    expect(missing).toEqual([]);
  });

  const withEvents = cases.filter((c) => c.files.length > 0);
  it.each(withEvents.map((c) => [c.dir, c] as const))('%s: the rule matches its true-positive events', (_dir, c) => {
    for (const id of c.ruleIds) {
      const entry = corpus?.byId.get(id);
      expect(entry, `rule ${id}`).toBeDefined();
      if (!entry) continue;
      const matcher = compileMatcher(entry.rule);
      const results = c.files.flatMap((f) => f.events.map((e, i) => ({ file: f.path, index: i, result: matcher(e) })));
      const matched = results.filter((r) => r.result.match).length;
      const detail = results.map((r) => `${r.file}#${r.index}: ${JSON.stringify(r.result)}`).join('\n');
      // info.yml's match_count counts what SigmaHQ's harness reported; some files hold more events that the rule
      // rightly matches too (e.g. three writes to AnyDesk's user.conf), so the count is a lower bound.
      expect(matched, `${entry.path}\n${detail}`).toBeGreaterThanOrEqual(Math.max(1, c.matchCount ?? 1));
      for (const f of c.files) {
        expect(
          results.some((r) => r.file === f.path && r.result.match),
          `${f.path} has no matching event\n${detail}`,
        ).toBe(true);
      }
    }
  });
});
