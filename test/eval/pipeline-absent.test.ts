/**
 * Selections a pipeline empties (every item dropped: the target has no column for them, e.g. microsoft_xdr drops
 * Sysmon's EventID) are left out of the condition by the text compiler: `sel1 or sel2` converts to `sel2`, `sel and
 * not filter` to `sel`, and a condition of nothing else gives no query. `match -p` must fire where that query
 * does: an emptied selection is absent, not true (which fired `sel1 or sel2` on every row and never fired
 * `sel and not filter`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { ruleFromText } from './helpers.js';
import type { SigmaRule } from '../../src/rule/ast.js';
import { createConverter } from '../../src/convert.js';
import { getNamedPipeline } from '../../src/backend.js';
import { applyPipelineForMatch, compilePipelineMatcher } from '../../src/eval/pipeline.js';
import { convertsToNothing } from '../../src/eval/match.js';
import { runMatch } from './cli-run.js';
import { HAVE_SHARED, loadCorpus } from './corpus.js';

const XDR = getNamedPipeline(undefined, 'microsoft_xdr');
const kusto = createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] });

function rule(detection: string): SigmaRule {
  return ruleFromText(`title: t\nlogsource: {product: windows, category: process_creation}\ndetection:\n${detection}\n`, 't.yml');
}

const CALC = { FolderPath: 'C:\\Windows\\System32\\calc.exe', ProcessCommandLine: 'calc', ActionType: 'ProcessCreated' };
const NOTEPAD = { FolderPath: 'C:\\Windows\\System32\\notepad.exe', ProcessCommandLine: 'notepad', ActionType: 'ProcessCreated' };
const CALC_ONLY = 'DeviceProcessEvents\n| where FolderPath endswith "\\\\calc.exe"';

describe('a selection the pipeline empties is left out of the condition, as in the converted query', () => {
  const cases: readonly [string, string][] = [
    ['sel1 or sel2, sel1 emptied', "  sel1: {EventID: 1}\n  sel2: {Image|endswith: '\\calc.exe'}\n  condition: sel1 or sel2"],
    [
      'sel and not filter, the filter emptied',
      "  sel: {Image|endswith: '\\calc.exe'}\n  filter: {EventID: 1}\n  condition: sel and not filter",
    ],
    ['1 of sel*, one emptied', "  sel_a: {EventID: 1}\n  sel_b: {Image|endswith: '\\calc.exe'}\n  condition: 1 of sel*"],
    ['all of sel*, one emptied', "  sel_a: {EventID: 1}\n  sel_b: {Image|endswith: '\\calc.exe'}\n  condition: all of sel*"],
    ['a list of maps, one map emptied', "  sel:\n    - EventID: 1\n    - Image|endswith: '\\calc.exe'\n  condition: sel"],
    [
      'not (emptied or not emptied) inside an and',
      "  sel: {Image|endswith: '\\calc.exe'}\n  f1: {EventID: 1}\n  f2: {EventID: 2}\n  condition: sel and not (f1 or not f2)",
    ],
  ];
  for (const [name, detection] of cases) {
    it(`${name}: the query searches calc.exe alone, and the rule fires on the calc row only`, () => {
      const r = rule(detection);
      expect(kusto.rule(r).queries).toEqual([CALC_ONLY]);
      const m = compilePipelineMatcher(r, XDR);
      expect(m.test(CALC)).toBe(true);
      expect(m.test(NOTEPAD)).toBe(false);
      // An absent selection is never among those that matched.
      expect(m(CALC).selections).not.toContain('sel1');
      expect(m(CALC).selections).not.toContain('sel_a');
      expect(m(NOTEPAD).selections).toEqual([]);
    });
  }

  it('a condition left with nothing gives no query, and the rule never fires', () => {
    const r = rule('  sel: {EventID: 4634}\n  condition: sel');
    expect(kusto.rule(r).queries).toEqual([]);
    expect(convertsToNothing(applyPipelineForMatch(r, XDR).rule)).toBe(true);
    const m = compilePipelineMatcher(r, XDR);
    expect(m.test(CALC)).toBe(false);
    expect(m(NOTEPAD)).toEqual({ match: false, selections: [] });
    // A rule as written never has an absent selection.
    expect(convertsToNothing(r)).toBe(false);
  });

  it('`match -p` warns that such a rule never fires, as `convert` warns it gives no query', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-absent-'));
    try {
      writeFileSync(
        join(dir, 'logoff.yml'),
        'title: Logoff\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {EventID: 4634}\n  condition: sel\n',
      );
      writeFileSync(join(dir, 'rows.jsonl'), `${JSON.stringify(CALC)}\n${JSON.stringify(NOTEPAD)}\n`);
      const { code, out, err } = await runMatch(['-p', 'microsoft_xdr', 'logoff.yml', 'rows.jsonl'], dir);
      expect(code).toBe(0);
      expect(err).toContain(
        "logoff.yml:1:1: rule 'Logoff' converted to no query (the pipeline left nothing to search for); it never fires",
      );
      expect(out).toContain('0 matches (1 rule × 2 events, 2 pairs)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!HAVE_SHARED)('over the corpus', () => {
  for (const [target, pipeline] of [
    ['kusto', 'microsoft_xdr'],
    ['kusto', 'sentinel_asim'],
    ['eql', 'ecs_windows'],
  ] as const) {
    it(`the rules that never fire under ${pipeline} are exactly those ${target} converts to no query`, () => {
      const converter = createConverter({ target, pipelines: [pipeline] });
      const p = getNamedPipeline(undefined, pipeline);
      const noQuery: string[] = [];
      const never: string[] = [];
      for (const { rule: r, path } of HAVE_SHARED ? loadCorpus().rules : []) {
        let queries: readonly string[];
        try {
          queries = converter.rule(r).queries;
        } catch {
          continue; // refused by the pipeline: match -p reports it as an error
        }
        if (queries.length === 0) noQuery.push(path);
        if (convertsToNothing(applyPipelineForMatch(r, p).rule)) never.push(path);
      }
      expect(never).toEqual(noQuery);
      if (pipeline !== 'ecs_windows') expect(noQuery.length).toBeGreaterThan(0);
    });
  }
});
