/**
 * Test helpers over ../shared: the SigmaHQ rule corpus and its regression events. Loaded once per test
 * file; absent ../shared means the tests that need it skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { loadRules } from '../../src/rule/load.js';
import type { SigmaRule } from '../../src/rule/ast.js';
import { parseEvents } from '../../src/eval/events.js';

export const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
export const RULES_DIR = join(SHARED, 'sigma', 'rules');
export const REGRESSION_DIR = join(SHARED, 'sigma', 'regression_data', 'rules');
export const HAVE_SHARED = existsSync(RULES_DIR) && existsSync(REGRESSION_DIR);

export function* walk(dir: string, accept: (name: string) => boolean): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, accept);
    else if (accept(entry.name)) yield path;
  }
}

export interface CorpusRule {
  readonly rule: SigmaRule;
  /** Path relative to the rules folder. */
  readonly path: string;
}

export interface Corpus {
  readonly rules: readonly CorpusRule[];
  readonly byId: ReadonlyMap<string, CorpusRule>;
  /** Files the loader rejected, with its message. */
  readonly loadErrors: readonly { readonly path: string; readonly message: string }[];
}

export function loadCorpus(): Corpus {
  const rules: CorpusRule[] = [];
  const loadErrors: { path: string; message: string }[] = [];
  for (const file of walk(RULES_DIR, (n) => /\.ya?ml$/.test(n))) {
    const path = relative(RULES_DIR, file);
    try {
      for (const doc of loadRules(readFileSync(file, 'utf8'), path).documents) if (doc.kind === 'rule') rules.push({ rule: doc, path });
    } catch (e) {
      loadErrors.push({ path, message: e instanceof Error ? e.message : String(e) });
    }
  }
  const byId = new Map<string, CorpusRule>();
  for (const r of rules) if (r.rule.id !== undefined) byId.set(r.rule.id, r);
  return { rules, byId, loadErrors };
}

export interface RegressionFile {
  /** Path of the JSON file relative to the regression folder. */
  readonly path: string;
  readonly events: readonly unknown[];
}

export interface RegressionCase {
  /** Folder relative to the regression folder. */
  readonly dir: string;
  readonly ruleIds: readonly string[];
  /** How many of the folder's events the rule should match, when info.yml says. */
  readonly matchCount?: number;
  readonly files: readonly RegressionFile[];
}

interface Info {
  rule_metadata?: { id?: string }[];
  regression_tests_info?: { match_count?: number }[];
}

export function loadRegression(): RegressionCase[] {
  const cases: RegressionCase[] = [];
  for (const info of walk(REGRESSION_DIR, (n) => n === 'info.yml')) {
    const dir = info.slice(0, -'/info.yml'.length);
    const data = (load(readFileSync(info, 'utf8')) ?? {}) as Info;
    const ruleIds = (data.rule_metadata ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
    const counts = (data.regression_tests_info ?? []).map((t) => t.match_count).filter((c): c is number => typeof c === 'number');
    const files = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => ({ path: relative(REGRESSION_DIR, join(dir, n)), events: parseEvents(readFileSync(join(dir, n), 'utf8'), n) }));
    cases.push({
      dir: relative(REGRESSION_DIR, dir),
      ruleIds,
      ...(counts.length > 0 ? { matchCount: counts.reduce((a, b) => a + b, 0) } : {}),
      files,
    });
  }
  return cases;
}
