/** `sigmaform test`: runs rule test suites (SigmaHQ's regression layout and sigmaform test files). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { load } from 'js-yaml';
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from '../../rule/ast.js';
import { loadRules } from '../../rule/load.js';
import { SigmaError, toSigmaError } from '../../errors.js';
import { parseEvents } from '../../eval/events.js';
import { isCsvFile, parseCsvEvents } from '../../eval/csv.js';
import { runCase, type CaseOutcome, type Expectation, type TestCase } from '../../eval/suite.js';
import { toJUnitXml } from '../../eval/junit.js';
import type { Command } from '../io.js';
import { asList, parse } from '../args.js';
import { plural } from '../summary.js';
import { expandPaths, readUserFileSync, writeUserFile } from '../../node/files.js';
import { evaluationOptions } from '../match-options.js';
import { matchOptionsOf } from '../../node/match-eval.js';
import type { CaseOptions } from '../../eval/suite.js';

const HELP = `Usage: sigmaform test [OPTIONS] PATHS...

Runs rule test suites without any SIEM. PATHS are files or folders (searched recursively) holding:
  info.yml                SigmaHQ's regression layout: the rule id(s) under rule_metadata, each test under
                          regression_tests_info (match_count, and the event file's name: the .json beside
                          the .evtx it names). The case passes when at least match_count events (and at
                          least one) fire the rule. Rules are found by id in the -r folders.
  *.test.yml, *.test.yaml sigmaform test files: events a rule or a correlation must or must not fire on
                          (the format is in the README, "Testing rules").

Options:
  -r, --rules PATH      rule file or folder where rules named by id are found; repeatable
  --junit FILE          also write the results as JUnit XML (for CI)
  -p, --pipeline NAME|FILE
                        the events are rows of a target's tables (DeviceProcessEvents, ECS …): the rules are
                        evaluated as the pipeline converts them, as \`match -p\` does (repeatable); a rule the
                        pipeline refuses is an error case
  --ignore-logsource    evaluate rules even on events from another log source
  --logsource product=P,category=C,service=S
                        what events that do not say their log source are (as \`match --logsource\`)
  --table T             with -p: the table rows that do not say theirs come from (as \`match --table\`)
  -h, --help            this help

Exit status: 0 when every case passed, 1 when a case failed or could not be run, 2 on a usage error.
`;

interface RuleIndex {
  readonly byId: ReadonlyMap<string, { readonly doc: SigmaRule | SigmaCorrelation; readonly documents: readonly SigmaDocument[] }>;
  readonly all: readonly SigmaDocument[];
}

function indexRules(files: readonly string[], cwd: string, errors: CaseOutcome[]): RuleIndex {
  const byId = new Map<string, { doc: SigmaRule | SigmaCorrelation; documents: readonly SigmaDocument[] }>();
  const all: SigmaDocument[] = [];
  for (const file of files) {
    try {
      const documents = loadRules(readUserFileSync(file, cwd), file).documents;
      all.push(...documents);
      for (const doc of documents) if (doc.kind !== 'filter' && doc.id !== undefined) byId.set(doc.id, { doc, documents });
    } catch (e) {
      errors.push({ suite: file, name: 'load rules', status: 'error', message: toSigmaError(e, { file }).format(), ms: 0 });
    }
  }
  return { byId, all };
}

function findSuites(path: string, out: string[]): void {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) throw new SigmaError('io', `cannot read ${path}: no such file or folder`, { file: path });
  if (!info.isDirectory()) {
    out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) findSuites(child, out);
    else if (name === 'info.yml' || /\.test\.ya?ml$/.test(name)) out.push(child);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

interface RegressionInfo {
  rule_metadata?: { id?: unknown; title?: unknown }[];
  regression_tests_info?: { name?: unknown; match_count?: unknown; path?: unknown }[];
}

/** SigmaHQ's regression folder → cases (or outcomes for what cannot be run). */
function regressionCases(file: string, shown: string, rules: RuleIndex, cases: TestCase[], outcomes: CaseOutcome[], cwd: string): void {
  const dir = dirname(file);
  const suite = dirname(shown);
  const info = (load(readUserFileSync(file, cwd)) ?? {}) as RegressionInfo;
  const tests = Array.isArray(info.regression_tests_info) ? info.regression_tests_info : [];
  for (const meta of Array.isArray(info.rule_metadata) ? info.rule_metadata : []) {
    const id = String(meta.id);
    const name = `${typeof meta.title === 'string' ? meta.title : id} (${id})`;
    if (tests.length === 0) {
      outcomes.push({ suite, name, status: 'skipped', message: 'info.yml has no regression_tests_info', ms: 0 });
      continue;
    }
    const found = rules.byId.get(id);
    for (const test of tests) {
      const caseName = `${name}: ${typeof test.name === 'string' ? test.name : 'regression test'}`;
      if (found === undefined) {
        outcomes.push({
          suite,
          name: caseName,
          status: 'error',
          message: `rule ${id} is not among the rules (give its folder with -r)`,
          ms: 0,
        });
        continue;
      }
      const named = typeof test.path === 'string' ? join(dir, `${basename(test.path, extname(test.path))}.json`) : undefined;
      const eventFiles =
        named !== undefined && existsSync(resolve(cwd, named))
          ? [named]
          : readdirSync(resolve(cwd, dir))
              .filter((n) => n.endsWith('.json'))
              .sort()
              .map((n) => join(dir, n));
      if (eventFiles.length === 0) {
        outcomes.push({ suite, name: caseName, status: 'error', message: `no JSON events beside ${shown}`, ms: 0 });
        continue;
      }
      const count = typeof test.match_count === 'number' ? test.match_count : 1;
      const events = eventFiles.flatMap((f) => parseEvents(readUserFileSync(f, cwd), f));
      cases.push({
        suite,
        name: caseName,
        target: found.doc,
        documents: found.documents,
        events,
        expect: { kind: 'count', count: Math.max(1, count), atLeast: true },
      });
    }
  }
}

/** A sigmaform test file → cases. */
function testFileCases(file: string, shown: string, rules: RuleIndex, cases: TestCase[], cwd: string): void {
  const data: unknown = load(readUserFileSync(file, cwd));
  const fail = (message: string): never => {
    throw new SigmaError('value', message, { file: shown });
  };
  if (!isObject(data) || typeof data['rule'] !== 'string' || !Array.isArray(data['tests']))
    fail("a test file is a map with 'rule' (a rule file or a rule id) and 'tests' (a list)");
  const d = data as { rule: string; tests: unknown[] };
  let target: { doc: SigmaRule | SigmaCorrelation; documents: readonly SigmaDocument[] } | undefined = rules.byId.get(d.rule);
  if (target === undefined) {
    const ruleFile = join(dirname(file), d.rule);
    if (!existsSync(resolve(cwd, ruleFile)))
      fail(`rule '${d.rule}' is neither a rule file next to the test file nor a rule id found with -r`);
    const documents = loadRules(readUserFileSync(ruleFile, cwd), ruleFile).documents;
    const doc = documents.find((x) => x.kind === 'correlation') ?? documents.find((x) => x.kind === 'rule');
    if (doc === undefined) return fail(`${d.rule} holds no rule or correlation`);
    // A correlation's rules may live in the -r folders too.
    target = { doc, documents: [...documents, ...rules.all] };
  }
  d.tests.forEach((t, i) => {
    if (!isObject(t)) fail(`test ${i + 1} is not a map`);
    const test = t as Record<string, unknown>;
    const name = typeof test['name'] === 'string' ? test['name'] : `test ${i + 1}`;
    let events: unknown[];
    if (isObject(test['event'])) events = [test['event']];
    else if (Array.isArray(test['events'])) events = test['events'];
    else if (typeof test['events_file'] === 'string') {
      const f = join(dirname(file), test['events_file']);
      const text = readUserFileSync(f, cwd, 'events file');
      events = isCsvFile(f) ? parseCsvEvents(text, f) : parseEvents(text, f);
    } else return fail(`test '${name}' needs 'event', 'events' or 'events_file'`);
    let expect: Expectation;
    if (typeof test['match_count'] === 'number') expect = { kind: 'count', count: test['match_count'] };
    else if (typeof test['match'] === 'boolean') expect = { kind: 'each', match: test['match'] };
    else return fail(`test '${name}' needs 'match: true|false' or 'match_count: N'`);
    cases.push({ suite: shown, name, target: target.doc, documents: target.documents, events, expect });
  });
}

export const testCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    rules: { type: 'string', short: 'r', multiple: true },
    junit: { type: 'string' },
    pipeline: { type: 'string', short: 'p', multiple: true },
    'ignore-logsource': { type: 'boolean' },
    logsource: { type: 'string', multiple: true },
    table: { type: 'string' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr('sigmaform test: give the test files or folders to run (see --help)\n');
    return 2;
  }
  let options: CaseOptions;
  try {
    const { pipeline, checks } = await evaluationOptions(values, io.cwd);
    options = { ...matchOptionsOf(checks), ...(pipeline !== undefined ? { pipeline } : {}) };
  } catch (e) {
    io.stderr(`sigmaform test: ${toSigmaError(e).format()}\n`);
    return 2;
  }
  const outcomes: CaseOutcome[] = [];
  const rules = indexRules(await expandPaths(asList(values.rules), io.cwd), io.cwd, outcomes);
  const cases: TestCase[] = [];
  for (const p of positionals) {
    const files: string[] = [];
    findSuites(resolve(io.cwd, p), files);
    for (const abs of files) {
      const shown = p.startsWith('/') ? abs : relative(io.cwd, abs);
      try {
        if (basename(abs) === 'info.yml') regressionCases(abs, shown, rules, cases, outcomes, io.cwd);
        else testFileCases(abs, shown, rules, cases, io.cwd);
      } catch (e) {
        outcomes.push({ suite: shown, name: 'read test file', status: 'error', message: toSigmaError(e, { file: shown }).format(), ms: 0 });
      }
    }
  }
  for (const c of cases) outcomes.push(runCase(c, options, () => performance.now()));

  const count = (s: CaseOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  for (const o of outcomes) {
    if (o.status === 'passed') continue;
    const label = o.status === 'failed' ? 'FAIL ' : o.status === 'error' ? 'ERROR' : 'SKIP ';
    io.stdout(`${label}  ${o.suite} › ${o.name}: ${o.message ?? ''}\n`);
    if (o.status === 'failed' && o.detail) io.stdout(`${o.detail.replace(/^/gm, '         ')}\n`);
  }
  io.stdout(
    `${count('passed')} passed, ${count('failed')} failed, ${plural(count('error'), 'error')}, ${count('skipped')} skipped (${plural(outcomes.length, 'case')})\n`,
  );
  if (typeof values.junit === 'string') await writeUserFile(values.junit, toJUnitXml(outcomes), io.cwd);
  return count('failed') + count('error') > 0 ? 1 : 0;
};
