/**
 * Negative check: every corpus rule against every regression event. A rule firing on another rule's event is a
 * cross-match; the set of cross-matches must equal the explained set in cross-matches.md (each row says why:
 * a broad rule or overlapping sibling rules; evaluator bugs are fixed, not listed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Matcher } from '../../src/eval/match.js';
import { indexEvent } from '../../src/eval/fields.js';
import { HAVE_SHARED, loadCorpus, loadRegression } from './corpus.js';

const EXPLAINED = new URL('./cross-matches.md', import.meta.url);

/** `rule <- event#index` for every row of the table in cross-matches.md. */
function explainedPairs(): string[] {
  const rows = readFileSync(EXPLAINED, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| `'));
  return rows.map((row) => {
    const m = /^\| `([^`]+)` \| `([^`]+)` \| (.+) \|$/.exec(row);
    if (!m || (m[3] ?? '').trim() === '') throw new Error(`malformed row in cross-matches.md (rule, event and a reason needed): ${row}`);
    return `${m[1]} <- ${m[2]}`;
  });
}

describe.skipIf(!HAVE_SHARED)('cross-matches: every corpus rule against every regression event', () => {
  it('fires on another rule’s event only where cross-matches.md explains why', () => {
    const corpus = loadCorpus();
    const events = loadRegression().flatMap((c) =>
      c.files.flatMap((f) => f.events.map((e, i) => ({ owners: c.ruleIds, name: `${f.path}#${i}`, event: indexEvent(e) }))),
    );
    const matchers: { path: string; id?: string; matcher: Matcher }[] = [];
    const compileErrors: string[] = [];
    for (const r of corpus.rules) {
      try {
        matchers.push({ path: r.path, ...(r.rule.id ? { id: r.rule.id } : {}), matcher: compileMatcher(r.rule) });
      } catch (e) {
        compileErrors.push(`${r.path}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(compileErrors).toEqual([]);

    const cross: string[] = [];
    for (const { path, id, matcher } of matchers) {
      for (const e of events) {
        if (id !== undefined && e.owners.includes(id)) continue;
        if (matcher.test(e.event)) cross.push(`${path} <- ${e.name}`);
      }
    }
    cross.sort();
    console.log(`${matchers.length} rules × ${events.length} events: ${cross.length} cross-matches\n${cross.join('\n')}`);
    expect(cross).toEqual([...explainedPairs()].sort());
  });
});
