/**
 * Issue 10: a batch with some bad rules converts all the good ones and reports each bad one with its file and
 * line; exit codes say so; nothing ever prints a stack trace. The CLI is run in-process (`main(argv, io)` with a
 * captured io) over a folder of good rules and bad ones: malformed YAML, an unknown modifier, a bad condition, a
 * rule the target cannot express (a field reference, for EQL) and hostile files (binary garbage, an alias bomb,
 * duplicate keys, wrong types), for `convert` (with and without `--jsonl`, `--fail-on-error`, `--split`),
 * `check`, `pack` and `match`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonLines, runCli, type Run } from '../support/cli-run.js';

// ───────────────────────────── the folder ─────────────────────────────

const rule = (title: string, id: string, level: string, selection: string): string =>
  [
    `title: ${title}`,
    `id: ${id}`,
    'status: test',
    'date: 2024-01-01',
    `level: ${level}`,
    'logsource:',
    '    category: process_creation',
    '    product: windows',
    'detection:',
    '    sel:',
    `        ${selection}`,
    '    condition: sel',
    '',
  ].join('\n');

const GOOD: Readonly<Record<string, { text: string; title: string; needle: string }>> = {
  'rules/good1.yml': {
    text: rule('Good one', '0f9c2a4e-5b1d-4e7a-9c3f-1a2b3c4d5e01', 'high', "CommandLine|contains: 'mimikatz'"),
    title: 'Good one',
    needle: 'mimikatz',
  },
  'rules/sub/good2.yml': {
    text: rule('Good two', '0f9c2a4e-5b1d-4e7a-9c3f-1a2b3c4d5e02', 'medium', "Image|endswith: '\\whoami.exe'"),
    title: 'Good two',
    needle: 'whoami.exe',
  },
};

/** A bad file, the line its error must point at (a range for YAML syntax: the parser stops after the mistake). */
interface Bad {
  readonly text: string;
  readonly lines: readonly number[];
  readonly code: string;
  /** Bad for every target (a load error), or only for EQL (the target cannot express it). */
  readonly scope: 'load' | 'eql';
}
const ALIAS_BOMB =
  'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n' +
  Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]\n`).join('') +
  'title: bomb\nlogsource: {product: windows}\ndetection:\n  s:\n    f: *a9\n  condition: s\n';
const BAD: Readonly<Record<string, Bad>> = {
  'rules/bad-yaml.yml': {
    text: 'title: Broken YAML\nlogsource:\n    product: windows\ndetection:\n    sel:\n        CommandLine: [unclosed, list\n    condition: sel\n',
    lines: [6, 7],
    code: 'yaml',
    scope: 'load',
  },
  'rules/bad-modifier.yml': {
    text: "title: Unknown modifier\nlogsource:\n    category: process_creation\n    product: windows\ndetection:\n    sel:\n        CommandLine|containz: 'x'\n    condition: sel\n",
    lines: [7],
    code: 'modifier',
    scope: 'load',
  },
  'rules/bad-condition.yml': {
    text: "title: Bad condition\nlogsource:\n    category: process_creation\n    product: windows\ndetection:\n    sel:\n        CommandLine: 'x'\n    condition: sel and (\n",
    lines: [8],
    code: 'condition',
    scope: 'load',
  },
  'rules/unsupported.yml': {
    text: 'title: Field reference\nlogsource:\n    category: process_creation\n    product: windows\ndetection:\n    sel:\n        User|fieldref: ParentUser\n    condition: sel\n',
    lines: [7],
    code: 'unsupported',
    scope: 'eql',
  },
  'rules/hostile/garbage.yml': {
    text: 'title: x\n\u0000\u0001\u00ff\u00fe garbage \u001b[31m\n',
    lines: [1, 2],
    code: 'yaml',
    scope: 'load',
  },
  'rules/hostile/duplicate.yml': {
    text: 'title: dup\ntitle: again\nlogsource: {product: windows}\ndetection: {s: {f: 1}, condition: s}\n',
    lines: [2],
    code: 'yaml',
    scope: 'load',
  },
  'rules/hostile/types.yml': {
    text: 'title: types\nlogsource: [1, 2]\ndetection:\n    s:\n        f: 1\n    condition: s\n',
    lines: [2],
    code: 'schema',
    scope: 'load',
  },
};
/** An alias bomb is refused once its document is read: reported at the start of that document (line 1). */
const BOMB = 'rules/hostile/bomb.yml';

const EVENT = {
  Event: {
    System: { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' },
    EventData: { CommandLine: 'run mimikatz now', Image: 'C:\\x\\whoami.exe' },
  },
};

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sigmaform-batch-'));
  const files: Record<string, string> = {
    ...Object.fromEntries(Object.entries(GOOD).map(([p, g]) => [p, g.text])),
    ...Object.fromEntries(Object.entries(BAD).map(([p, b]) => [p, b.text])),
    [BOMB]: ALIAS_BOMB,
    'events/event.json': JSON.stringify(EVENT),
    'events/broken.json': '{"a": 1\n',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

// ───────────────────────────── running the CLI ─────────────────────────────

/** Runs the CLI in-process in the test folder. */
const run = (...argv: string[]): Promise<Run> => runCli(root, argv);

const badFor = (target: string): [string, Bad][] => Object.entries(BAD).filter(([, b]) => b.scope === 'load' || b.scope === target);
const ALL_FILES = Object.keys(GOOD).length + Object.keys(BAD).length + 1;

/** stderr names the file with `file:line:` at one of the expected lines. */
function expectReported(stderr: string, path: string, lines: readonly number[]): void {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}:(\\d+):\\d+: `).exec(stderr);
  expect(m, `${path} not reported with a line in:\n${stderr}`).not.toBeNull();
  expect(lines).toContain(Number(m?.[1]));
}

// ───────────────────────────── convert ─────────────────────────────

describe('convert: a batch with bad rules', () => {
  const EQL = ['-t', 'eql', '-p', 'ecs_windows'];

  it('--jsonl: one record per file; every good rule converted, every bad one with its line; exit 0', async () => {
    const r = await run('convert', ...EQL, '--jsonl', 'rules');
    expect(r.code).toBe(0);
    const records = new Map(jsonLines(r.stdout).map((rec) => [rec['path'], rec]));
    expect(records.size).toBe(ALL_FILES);
    for (const [path, good] of Object.entries(GOOD)) {
      const rec = records.get(path);
      expect(rec?.['ok'], path).toBe(true);
      expect(rec?.['queries']).toEqual([expect.stringContaining(good.needle)]);
    }
    for (const [path, bad] of badFor('eql')) {
      const rec = records.get(path);
      expect(rec?.['ok'], path).toBe(false);
      expect(rec?.['error'], path).toEqual(expect.any(String));
      expect(bad.lines, `${path}: ${JSON.stringify(rec)}`).toContain(rec?.['line']);
    }
    expect(records.get(BOMB)).toMatchObject({ ok: false, error: expect.stringMatching(/alias/), line: 1, column: 1 });
  });

  it('plain: the good queries on stdout, each bad file as file:line: message on stderr, a summary; exit 0', async () => {
    const r = await run('convert', ...EQL, 'rules');
    expect(r.code).toBe(0);
    const queries = r.stdout.trim().split('\n');
    expect(queries).toHaveLength(Object.keys(GOOD).length);
    for (const good of Object.values(GOOD)) expect(r.stdout).toContain(good.needle);
    for (const [path, bad] of badFor('eql')) expectReported(r.stderr, path, bad.lines);
    expect(r.stderr).toContain(`error: ${BOMB}:1:1: `);
    const failed = badFor('eql').length + 1;
    expect(r.stderr).toContain(`${ALL_FILES - failed} of ${ALL_FILES} files converted`);
    expect(r.stderr).toContain(`${failed} failed`);
  });

  it('--fail-on-error: the same output, exit 1 (with and without --jsonl)', async () => {
    const plain = await run('convert', ...EQL, '--fail-on-error', 'rules');
    expect(plain.code).toBe(1);
    for (const good of Object.values(GOOD)) expect(plain.stdout).toContain(good.needle);
    const jsonl = await run('convert', ...EQL, '--jsonl', '--fail-on-error', 'rules');
    expect(jsonl.code).toBe(1);
    expect(jsonLines(jsonl.stdout).filter((rec) => rec['ok'] === true)).toHaveLength(Object.keys(GOOD).length);
  });

  it('--fail-on-error exits 0 when every rule converts', async () => {
    const r = await run('convert', ...EQL, '--fail-on-error', 'rules/good1.yml', 'rules/sub');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 of 2 files converted');
  });

  it('--split: one output file per good rule file (at its path below rules/), none for the bad ones', async () => {
    const r = await run('convert', ...EQL, '--split', '-o', 'split-out', 'rules');
    expect(r.code).toBe(0);
    expect((await readdir(join(root, 'split-out'))).sort()).toEqual(['good1.txt', 'sub']);
    expect(await readdir(join(root, 'split-out', 'sub'))).toEqual(['good2.txt']);
    expect(await readFile(join(root, 'split-out', 'good1.txt'), 'utf8')).toContain('mimikatz');
  });

  for (const [target, pipeline] of [
    ['splunk', 'splunk_windows'],
    ['kusto', 'microsoft_xdr'],
  ] as const) {
    it(`${target}: every good rule converts, every load error is reported with its line`, async () => {
      const r = await run('convert', '-t', target, '-p', pipeline, '--jsonl', 'rules');
      expect(r.code).toBe(0);
      const records = new Map(jsonLines(r.stdout).map((rec) => [rec['path'], rec]));
      for (const [path, good] of Object.entries(GOOD))
        expect(records.get(path)).toMatchObject({ ok: true, queries: [expect.stringContaining(good.needle)] });
      for (const [path, bad] of badFor(target)) {
        expect(records.get(path)?.['ok'], path).toBe(false);
        expect(bad.lines, path).toContain(records.get(path)?.['line']);
      }
    });
  }
});

// ───────────────────────────── check ─────────────────────────────

describe('check: a batch with bad rules', () => {
  it('exits 1 and reports each invalid file with its line; the valid ones are counted', async () => {
    const r = await run('check', 'rules');
    expect(r.code).toBe(1);
    for (const [path, bad] of badFor('load')) expectReported(r.stderr, path, bad.lines);
    const invalid = badFor('load').length + 1;
    expect(r.stdout).toContain(`${ALL_FILES - invalid} of ${ALL_FILES} files valid`);
  });

  it('--jsonl: one record per file with line and column for the invalid ones; exit 1', async () => {
    const r = await run('check', '--jsonl', 'rules');
    expect(r.code).toBe(1);
    const records = new Map(jsonLines(r.stdout).map((rec) => [rec['path'], rec]));
    expect(records.size).toBe(ALL_FILES);
    for (const [path, bad] of badFor('load')) {
      expect(records.get(path)).toMatchObject({ ok: false, column: expect.any(Number) });
      expect(bad.lines, path).toContain(records.get(path)?.['line']);
    }
    for (const path of [...Object.keys(GOOD), 'rules/unsupported.yml']) expect(records.get(path)).toMatchObject({ ok: true, rules: 1 });
  });

  it('exits 0 when every file is valid', async () => {
    expect((await run('check', 'rules/good1.yml', 'rules/sub')).code).toBe(0);
  });
});

// ───────────────────────────── pack ─────────────────────────────

describe('pack: a batch with bad rules', () => {
  it('eql: the pack holds exactly the good rules; each bad one is reported with its line; exit 0', async () => {
    const r = await run('pack', '-t', 'eql', '-p', 'ecs_windows', '-o', 'pack-eql', 'rules');
    expect(r.code).toBe(0);
    const lines = jsonLines(await readFile(join(root, 'pack-eql', 'rules.ndjson'), 'utf8'));
    expect(lines.map((l) => l['name']).sort()).toEqual(
      Object.values(GOOD)
        .map((g) => g.title)
        .sort(),
    );
    for (const [path, bad] of badFor('eql')) expectReported(r.stderr, path, bad.lines);
  });

  it('--fail-on-error: the pack is still written with the good rules, exit 1', async () => {
    const r = await run('pack', '-t', 'eql', '-p', 'ecs_windows', '-o', 'pack-eql-strict', '--fail-on-error', 'rules');
    expect(r.code).toBe(1);
    const lines = jsonLines(await readFile(join(root, 'pack-eql-strict', 'rules.ndjson'), 'utf8'));
    expect(lines).toHaveLength(Object.keys(GOOD).length);
  });

  it('splunk: savedsearches.conf has a search for every rule that converts and none for the bad ones', async () => {
    const r = await run('pack', '-t', 'splunk', '-p', 'splunk_windows', '-o', 'pack-splunk', 'rules');
    expect(r.code).toBe(0);
    const conf = await readFile(join(root, 'pack-splunk', 'default', 'savedsearches.conf'), 'utf8');
    for (const g of Object.values(GOOD)) expect(conf).toContain(g.title);
    for (const title of ['Broken YAML', 'Unknown modifier', 'Bad condition']) expect(conf).not.toContain(title);
    for (const [path, bad] of badFor('splunk')) expectReported(r.stderr, path, bad.lines);
  });

  it('kusto: one Sentinel rule file per rule that converts', async () => {
    const r = await run('pack', '-t', 'kusto', '-p', 'microsoft_xdr', '-o', 'pack-kusto', 'rules');
    expect(r.code).toBe(0);
    const written = await readdir(join(root, 'pack-kusto', 'rules'));
    // good1, good2 and the field reference (KQL can compare two columns)
    expect(written).toHaveLength(Object.keys(GOOD).length + 1);
    for (const [path, bad] of badFor('kusto')) expectReported(r.stderr, path, bad.lines);
  });
});

// ───────────────────────────── match ─────────────────────────────

describe('match: a batch with bad rules and a bad events file', () => {
  it('evaluates every good rule, reports every bad rule and the bad events file with a line; exit 1', async () => {
    const r = await run('match', '-r', 'rules', 'events');
    expect(r.code).toBe(1);
    for (const path of Object.keys(GOOD))
      expect(r.stdout).toMatch(new RegExp(`^MATCH +${path.replace(/[./]/g, '\\$&')} +events/event\\.json#0`, 'm'));
    for (const [path, bad] of badFor('load')) expectReported(r.stderr, path, bad.lines);
    expect(r.stderr).toContain(`${BOMB}:1:1: `);
    expectReported(r.stderr, 'events/broken.json', [1, 2]);
  });

  it('--jsonl: one record per rule and event pair', async () => {
    const r = await run('match', '--jsonl', '--all', '-r', 'rules', 'events/event.json');
    expect(r.code).toBe(1);
    const records = jsonLines(r.stdout);
    // good1, good2 and the field reference rule (valid Sigma: the evaluator handles it)
    expect(records).toHaveLength(Object.keys(GOOD).length + 1);
    for (const path of Object.keys(GOOD))
      expect(records).toContainEqual(expect.objectContaining({ rule: path, event: 'events/event.json', index: 0, match: true }));
  });

  it('exits 0 when every rule and event file is fine', async () => {
    const r = await run('match', 'rules/good1.yml', 'events/event.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MATCH');
  });
});

describe('a file with several rules', () => {
  beforeAll(async () => {
    await writeFile(join(root, 'two-rules.yml'), `${GOOD['rules/good1.yml']?.text}---\n${BAD['rules/unsupported.yml']?.text}`);
  });

  it('a rule the target cannot express does not take the other rules of its file with it', async () => {
    const r = await run('convert', '-t', 'eql', '-p', 'ecs_windows', '--jsonl', 'two-rules.yml');
    const [rec] = jsonLines(r.stdout);
    expect(JSON.stringify(rec)).toContain('mimikatz');
    expect(rec).toMatchObject({ ok: true, errors: [{ line: expect.any(Number) }] });
  });

  it('the summary names the failed rule and counts it, and --fail-on-error exits 1', async () => {
    const r = await run('convert', '-t', 'eql', '-p', 'ecs_windows', '--fail-on-error', 'two-rules.yml');
    expect(r.stdout).toContain('mimikatz');
    expect(r.stderr).toMatch(/error: two-rules\.yml:\d+:\d+: /);
    expect(r.stderr).toContain('1 rule failed in 1 file that converted otherwise');
    expect(r.code).toBe(1);
  });
});
