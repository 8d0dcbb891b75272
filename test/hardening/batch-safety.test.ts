/**
 * Issue 15 (batch safety): no single rule can stop, empty or silently shrink a run, in any command or format.
 * The CLI runs in-process (`main(argv, io)`) over small folders written here: a whole-run format (savedsearches,
 * arm) with a rule it cannot write, files of several rules where one does not load, rules that convert to no
 * query, `--split` with equal base names, empty inputs, pipelines for another target and bad `-O` options.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonLines, runCli, type Run } from '../support/cli-run.js';
import { buildPack } from '../../src/node/pack.js';
import { createConverter, type FileResult } from '../../src/convert.js';
import { writeIsolated } from '../../src/batch.js';
import { loadDocuments } from '../../src/rule/load.js';
import { SigmaError } from '../../src/errors.js';
import { checkBackendOptions, getBackend, type RuleResult } from '../../src/backend.js';

const rule = (title: string, n: number, selection: string, extra = ''): string =>
  [
    `title: ${title}`,
    `id: 0f9c2a4e-5b1d-4e7a-9c3f-1a2b3c4d5e${String(n).padStart(2, '0')}`,
    'status: test',
    'description: A rule of the batch-safety tests',
    'author: sigmaform tests',
    'date: 2024-01-01',
    'level: high',
    ...(extra ? [extra] : []),
    'logsource:',
    '    category: process_creation',
    '    product: windows',
    'detection:',
    '    sel:',
    `        ${selection}`,
    '    condition: sel',
    '',
  ].join('\n');

const GOOD = rule('Good mimikatz', 1, "CommandLine|contains: 'mimikatz'");
const GOOD2 = rule('Good whoami', 2, "Image|endswith: '\\whoami.exe'");
/** A description ending with a backslash: a .conf value Splunk would read as a line continuation. */
const BACKSLASH = rule('Trailing backslash', 3, "CommandLine|contains: 'evil'").replace(
  'description: A rule of the batch-safety tests',
  "description: 'Ends in a folder C:\\'",
);
/** A query of over 10,000 characters (Sentinel's limit for an analytic rule query). */
const LONG = rule(
  'Very long query',
  4,
  `CommandLine|contains: [${Array.from({ length: 400 }, (_, i) => `'needle-number-${String(i).padStart(4, '0')}-of-a-long-list'`).join(', ')}]`,
);
const UNKNOWN_MODIFIER = rule('Unknown modifier', 5, "CommandLine|containz: 'x'");
/** Only an EventID that the Defender XDR pipeline drops: the rule converts to no query. */
const NO_QUERY = [
  'title: Logoff only',
  'id: 0f9c2a4e-5b1d-4e7a-9c3f-1a2b3c4d5e06',
  'status: test',
  'logsource:',
  '    product: windows',
  '    service: security',
  'detection:',
  '    selection:',
  '        EventID: 4634',
  '    condition: selection',
  'level: informational',
  '',
].join('\n');

/** The line at which the n-th (0-based) document of a `---` joined text starts. */
const documentLine = (docs: readonly string[], n: number): number =>
  docs.slice(0, n).reduce((line, d) => line + d.split('\n').length - 1 + 1, 1);

let root = '';
const FILES: Readonly<Record<string, string>> = {
  'ss/good.yml': GOOD,
  'ss/backslash.yml': BACKSLASH,
  'ss/multi.yml': `${GOOD2}---\n${BACKSLASH}`,
  'arm/good.yml': GOOD,
  'arm/long.yml': LONG,
  'multi/mixed.yml': [GOOD, UNKNOWN_MODIFIER, GOOD2].join('---\n'),
  'noquery/logoff.yml': NO_QUERY,
  'noquery/good.yml': GOOD,
  'split/a/r.yml': GOOD,
  'split/b/r.yml': GOOD2,
  'collide/r.yml': GOOD,
  'collide/r.yaml': GOOD2,
  'empty-ish/notes.txt': 'not a rule\n',
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sigmaform-batch-safety-'));
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await mkdir(join(root, 'empty'), { recursive: true });
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Runs the CLI in-process in the test folder. */
const run = (...argv: string[]): Promise<Run> => runCli(root, argv);

/** The rule is in the output, or reported as an error at its line: never lost without a word. */
function writtenOrReported(output: string, stderr: string, needle: string, file: string, line: number): void {
  if (output.includes(needle)) return;
  expect(stderr, `${needle} neither written nor reported`).toMatch(new RegExp(`error: ${file.replace(/[./]/g, '\\$&')}:${line}:\\d+: `));
}

// ───────────────────────────── whole-run formats ─────────────────────────────

describe('a format that writes one file for the run: one rule it cannot write is an error record, the others are written', () => {
  it('convert -t splunk -f savedsearches: every other rule is a stanza; exit 0', async () => {
    const r = await run('convert', '-t', 'splunk', '-p', 'splunk_windows', '-f', 'savedsearches', 'ss');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[Good mimikatz]');
    expect(r.stdout).toContain('[Good whoami]');
    writtenOrReported(r.stdout, r.stderr, 'Trailing backslash', 'ss/backslash.yml', 1);
    writtenOrReported(r.stdout, r.stderr, 'Trailing backslash', 'ss/multi.yml', documentLine([GOOD2], 1));
  });

  it('convert -t kusto -f arm: the other rules are resources of the template; exit 0', async () => {
    const r = await run('convert', '-t', 'kusto', '-p', 'microsoft_xdr', '-f', 'arm', 'arm');
    expect(r.code).toBe(0);
    const template = JSON.parse(r.stdout) as { resources: { properties: { displayName: string } }[] };
    expect(template.resources.map((x) => x.properties.displayName)).toContain('Good mimikatz');
    writtenOrReported(r.stdout, r.stderr, 'Very long query', 'arm/long.yml', 1);
  });

  it('pack -t splunk: a file whose second rule the pack cannot hold keeps its first rule in the pack', async () => {
    const r = await run('pack', '-t', 'splunk', '-p', 'splunk_windows', '-o', 'pack-ss', 'ss');
    expect(r.code).toBe(0);
    const conf = await readFile(join(root, 'pack-ss', 'default', 'savedsearches.conf'), 'utf8');
    expect(conf).toContain('Good whoami');
    expect(conf).toContain('Good mimikatz');
    writtenOrReported(conf, r.stderr, 'Trailing backslash', 'ss/multi.yml', documentLine([GOOD2], 1));
  });

  it('writeIsolated: the rule a writer refuses becomes an error at its own document; the rest is written once more', () => {
    const converter = createConverter({ target: 'splunk' });
    const files = converter.files([
      { path: 'one.yml', text: GOOD },
      { path: 'two.yml', text: `${GOOD2}---\n${rule('Refused', 7, "CommandLine|contains: 'no'")}` },
    ]);
    const titles = (rules: readonly RuleResult[]): string[] => rules.map((x) => x.rule.title);
    const { output, results } = writeIsolated(files, (rules) => {
      if (titles(rules).includes('Refused')) throw new SigmaError('unsupported', 'this writer refuses it');
      return titles(rules);
    });
    expect(output).toEqual(['Good mimikatz', 'Good whoami']);
    const two = results[1] as Extract<FileResult, { ok: true }>;
    expect(titles(two.results)).toEqual(['Good whoami']);
    expect(two.errors?.map((e) => e.format())).toEqual([`two.yml:${documentLine([GOOD2], 1)}:1: this writer refuses it`]);
  });

  it('writeIsolated: a failure no single rule causes (a limit of the whole output) is thrown as it is', () => {
    const files = createConverter({ target: 'splunk' }).files([
      { path: 'one.yml', text: GOOD },
      { path: 'two.yml', text: GOOD2 },
    ]);
    expect(() =>
      writeIsolated(files, (rules) => {
        if (rules.length > 1) throw new SigmaError('limit', 'at most one rule per output');
        return rules.length;
      }),
    ).toThrow('at most one rule per output');
  });
});

// ───────────────────────────── files of several rules ─────────────────────────────

describe('a file of several rules where one does not load', () => {
  const docs = [GOOD, UNKNOWN_MODIFIER, GOOD2];
  const badLine = documentLine(docs, 1) + UNKNOWN_MODIFIER.split('\n').indexOf("        CommandLine|containz: 'x'");

  it('convert converts the ones that load and reports the other at its line (--jsonl)', async () => {
    const r = await run('convert', '-t', 'eql', '-p', 'ecs_windows', '--jsonl', 'multi');
    const [rec] = jsonLines(r.stdout);
    expect(rec).toMatchObject({ path: 'multi/mixed.yml', ok: true, errors: [{ line: badLine, column: expect.any(Number) }] });
    expect(rec?.['queries']).toEqual([expect.stringContaining('mimikatz'), expect.stringContaining('whoami.exe')]);
    expect(r.code).toBe(0);
  });

  it('convert --fail-on-error: the two queries on stdout, the error with file:line on stderr, exit 1', async () => {
    const r = await run('convert', '-t', 'splunk', '--fail-on-error', 'multi');
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(new RegExp(`error: multi/mixed\\.yml:${badLine}:\\d+: .*containz`));
    expect(r.code).toBe(1);
  });

  it('pack holds the two that load', async () => {
    const r = await run('pack', '-t', 'eql', '-p', 'ecs_windows', '-o', 'pack-multi', 'multi');
    expect(r.code).toBe(0);
    const names = jsonLines(await readFile(join(root, 'pack-multi', 'rules.ndjson'), 'utf8')).map((l) => l['name']);
    expect(names).toEqual(['Good mimikatz', 'Good whoami']);
  });

  it('check reports the bad document at its line and counts the two valid ones; exit 1', async () => {
    const r = await run('check', '--jsonl', 'multi');
    // The two valid documents are also validated: their findings come as `issues` on the same line.
    expect(jsonLines(r.stdout)).toMatchObject([
      { path: 'multi/mixed.yml', ok: false, error: expect.stringContaining('containz'), line: badLine, column: 9, rules: 2 },
    ]);
    expect(r.code).toBe(1);
  });

  it('match evaluates the two that load and reports the other; exit 1', async () => {
    await writeFile(join(root, 'event.json'), JSON.stringify({ CommandLine: 'run mimikatz', Image: 'C:\\w\\whoami.exe' }));
    const r = await run('match', '--ignore-logsource', '-r', 'multi', 'event.json');
    expect(r.stdout.match(/^MATCH /gm)).toHaveLength(2);
    expect(r.stderr).toContain(`multi/mixed.yml:${badLine}:`);
    expect(r.code).toBe(1);
  });
});

describe('a file of several rules where one is malformed YAML', () => {
  const broken =
    'title: Broken\nlogsource: {product: windows}\ndetection:\n    sel:\n        CommandLine: [unclosed, list\n    condition: sel\n';
  const docs = [GOOD, broken, GOOD2];
  const text = docs.join('---\n');

  it('loadDocuments loads the two others, each at its own line, and reports the broken one inside its document', () => {
    const { documents, errors } = loadDocuments(text, 'f.yml');
    expect(documents.map((d) => [d.title, d.source.line])).toEqual([
      ['Good mimikatz', 1],
      ['Good whoami', documentLine(docs, 2)],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('yaml');
    expect(errors[0]?.line).toBeGreaterThanOrEqual(documentLine(docs, 1));
    expect(errors[0]?.line).toBeLessThan(documentLine(docs, 2));
  });

  it('a document that is not YAML alone stays one error for the file (nothing to split)', () => {
    const { documents, errors } = loadDocuments(broken, 'f.yml');
    expect(documents).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['yaml']);
  });
});

// ───────────────────────────── rules with no query ─────────────────────────────

describe('a rule that converts to no query', () => {
  it('is a warning at its place in the summary and not counted as converted', async () => {
    const r = await run('convert', '-t', 'kusto', '-p', 'microsoft_xdr', 'noquery');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: noquery\/logoff\.yml:1:1: rule 'Logoff only' converted to no query/);
    expect(r.stderr).toContain('1 of 2 files converted (1 rule), 1 rule converted to no query, 0 failed');
  });

  it('--jsonl: ok (as the reference), with noQuery and a located warning', async () => {
    const r = await run('convert', '-t', 'kusto', '-p', 'microsoft_xdr', '--jsonl', 'noquery/logoff.yml');
    expect(jsonLines(r.stdout)).toEqual([
      {
        path: 'noquery/logoff.yml',
        ok: true,
        queries: [],
        noQuery: true,
        warnings: [{ warning: expect.stringContaining('converted to no query'), line: 1, column: 1 }],
      },
    ]);
  });

  it('pack: a run where no rule converts to a query writes no pack and exits 1', async () => {
    const r = await run('pack', '-t', 'kusto', '-p', 'microsoft_xdr', '-o', 'pack-none', 'noquery/logoff.yml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no pack written');
    expect(existsSync(join(root, 'pack-none'))).toBe(false);
  });
});

// ───────────────────────────── --split ─────────────────────────────

describe('convert --split', () => {
  it('keeps the paths below the folder the rule files share: a/r.yml and b/r.yml do not overwrite each other', async () => {
    const r = await run('convert', '-t', 'splunk', '--split', '-o', 'split-out', 'split');
    expect(r.code).toBe(0);
    expect(await readFile(join(root, 'split-out', 'a', 'r.txt'), 'utf8')).toContain('mimikatz');
    expect(await readFile(join(root, 'split-out', 'b', 'r.txt'), 'utf8')).toContain('whoami.exe');
  });

  it('refuses two rule files that would write one output (r.yml and r.yaml) before writing anything; exit 2', async () => {
    const r = await run('convert', '-t', 'splunk', '--split', '-o', 'collide-out', 'collide');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('collide/r.yaml and collide/r.yml would both be written to r.txt');
    expect(existsSync(join(root, 'collide-out'))).toBe(false);
  });
});

// ───────────────────────────── empty input ─────────────────────────────

describe('an input with no rule files is a clear message and exit 2', () => {
  for (const [what, path] of [
    ['an empty folder', 'empty'],
    ['a glob matching nothing', 'nothing/**/*.yml'],
    ['a folder without *.yml', 'empty-ish'],
  ] as const) {
    it(`${what}: convert, check and pack (no pack written)`, async () => {
      for (const argv of [
        ['convert', '-t', 'splunk', path],
        ['check', path],
        ['pack', '-t', 'splunk', '-o', 'pack-empty', path],
      ]) {
        const r = await run(...argv);
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.stderr).toContain(`no rule files in '${path}'`);
      }
      expect(existsSync(join(root, 'pack-empty'))).toBe(false);
    });
  }

  it('among inputs that name rules too: a glob that matches nothing or an empty folder is named, nothing converted', async () => {
    for (const argv of [
      ['convert', '-t', 'splunk', 'ss/good.yml', 'nothing/**/*.yml', 'empty'],
      ['check', 'ss/good.yml', 'empty'],
      ['match', '-r', 'ss/good.yml', '-r', 'nothing/**/*.yml', 'events.json'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/no rule files in ('nothing\/\*\*\/\*\.yml', 'empty'|'empty'|'nothing\/\*\*\/\*\.yml')/);
      expect(r.stdout, argv.join(' ')).toBe('');
    }
  });

  it('buildPack rejects it too', async () => {
    await expect(buildPack({ rules: 'empty', target: 'eql', out: 'pack-empty-lib', cwd: root })).rejects.toThrow(
      /no rule files in 'empty'/,
    );
  });
});

// ───────────────────────────── pipelines and options ─────────────────────────────

describe('pipelines declare their targets', () => {
  for (const [target, pipeline, targets] of [
    ['splunk', 'sentinel_asim', 'kusto'],
    ['splunk', 'microsoft_xdr', 'kusto'],
    ['kusto', 'splunk_windows', 'splunk'],
    ['eql', 'splunk_cim', 'splunk'],
    ['kusto', 'ecs_windows', 'eql, esql'],
  ] as const) {
    it(`-t ${target} -p ${pipeline} is a usage error naming the pipeline and its targets`, async () => {
      const r = await run('convert', '-t', target, '-p', pipeline, 'split');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`pipeline '${pipeline}' is for target${targets.includes(',') ? 's' : ''} ${targets}, not ${target}`);
      expect(r.stdout).toBe('');
    });
  }

  it('--disable-pipeline-check uses it anyway (sigma-cli)', async () => {
    const r = await run('convert', '-t', 'splunk', '-p', 'sentinel_asim', '--disable-pipeline-check', 'split/a/r.yml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imProcessCreate');
  });

  it('a pipeline file with allowed_backends is checked at its line; one without is allowed anywhere', async () => {
    await writeFile(join(root, 'kusto-only.yml'), 'name: mine\nallowed_backends: [kusto]\ntransformations: []\n');
    await writeFile(join(root, 'anywhere.yml'), 'name: mine\ntransformations: []\n');
    const refused = await run('convert', '-t', 'eql', '-p', 'kusto-only.yml', 'split/a/r.yml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("kusto-only.yml:1:1: pipeline 'kusto-only.yml' is for target kusto, not eql");
    expect((await run('convert', '-t', 'eql', '-p', 'anywhere.yml', 'split/a/r.yml')).code).toBe(0);
    expect((await run('pack', '-t', 'splunk', '-p', 'kusto-only.yml', '-o', 'pack-refused', 'split')).code).toBe(2);
    expect(existsSync(join(root, 'pack-refused'))).toBe(false);
  });
});

describe('-O backend options', () => {
  it('an unknown key is exit 2 before any rule is read, listing the valid keys', async () => {
    const r = await run('convert', '-t', 'eql', '-O', 'unknown=1', 'does-not-exist');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option 'unknown' for target 'eql' (valid keys: categoryPrefix (boolean), keywordField (string))");
    const splunk = await run('pack', '-t', 'splunk', '-O', 'x=1', '-o', 'pack-opt', 'split');
    expect(splunk.code).toBe(2);
    expect(splunk.stderr).toContain("target 'splunk' takes no options");
    expect(existsSync(join(root, 'pack-opt'))).toBe(false);
  });

  it('a bad value is exit 2 naming the type', async () => {
    const r = await run('convert', '-t', 'eql', '-O', 'categoryPrefix=maybe', 'split');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option 'categoryPrefix' of target 'eql' must be a boolean, not 'maybe'");
  });

  it('good values are typed as the backend declares them (text from the command line included)', async () => {
    const r = await run('convert', '-t', 'eql', '-p', 'ecs_windows', '-O', 'categoryPrefix=true', '-O', 'keywordField=42', 'split/a/r.yml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^process where /);
    expect(checkBackendOptions(getBackend('eql'), { categoryPrefix: 'false', keywordField: 42 })).toEqual({
      categoryPrefix: false,
      keywordField: '42',
    });
  });
});
