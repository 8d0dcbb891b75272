import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/index.js';
import { runCli } from '../support/cli-run.js';

const SEED = readFileSync(join(__dirname, '..', '..', 'examples', 'rules', 'proc_creation_win_powershell_export_certificate.yml'), 'utf8');
const OTHER = `title: Whoami
id: 11111111-2222-4333-8444-555555555555
date: 2024-01-01
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
level: low
`;

/** `sigmaform ...argv` in `cwd`, in-process (test/support/cli-run.ts: no stack trace, no internal error). */
const run = (argv: string[], cwd: string) => runCli(cwd, argv);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-cli-'));
  mkdirSync(join(dir, 'rules', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'rules', 'seed.yml'), SEED);
  writeFileSync(join(dir, 'rules', 'sub', 'whoami.yml'), OTHER);
});

describe('sigmaform list', () => {
  it('lists targets with descriptions', async () => {
    const r = await run(['list', 'targets'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^eql\s+\S/m);
    expect(r.stdout).toMatch(/^kusto\s+\S/m);
    expect(r.stdout).toMatch(/^splunk\s+\S/m);
  });
  it('lists the five named pipelines', async () => {
    const r = await run(['list', 'pipelines'], dir);
    for (const p of ['splunk_windows', 'splunk_cim', 'sentinel_asim', 'microsoft_xdr', 'ecs_windows']) expect(r.stdout).toContain(p);
  });
  it('lists formats per target', async () => {
    const r = await run(['list', 'formats'], dir);
    for (const f of ['splunk escu', 'splunk data_model', 'kusto sentinel_rule', 'kusto arm', 'eql siem_rule_ndjson', 'eql eqlapi'])
      expect(r.stdout).toContain(f);
  });
  it('an unknown list is a usage error', async () => expect((await run(['list', 'nope'], dir)).code).toBe(2));
});

describe('sigmaform convert', () => {
  it('converts a folder recursively, one query per line, with a summary on stderr', async () => {
    const r = await run(['convert', '-t', 'kusto', '-p', 'microsoft_xdr', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('DeviceProcessEvents\n| where ProcessCommandLine contains "Export-PfxCertificate "');
    expect(r.stdout).toContain('FolderPath endswith "\\\\whoami.exe"');
    expect(r.stderr).toMatch(/2 of 2 files converted \(2 rules\), 0 failed in \d+\.\d\d s/);
  });
  it('--jsonl prints the reference shape, paths relative to the working folder', async () => {
    const r = await run(['convert', '-t', 'splunk', '--jsonl', 'rules/seed.yml'], dir);
    expect(JSON.parse(r.stdout.trim())).toEqual({
      path: 'rules/seed.yml',
      ok: true,
      queries: ['CommandLine IN ("*Export-PfxCertificate *", "*Export-Certificate *")'],
    });
  });
  it('-o FILE writes the output to a file', async () => {
    const r = await run(['convert', '-t', 'eql', '-p', 'ecs_windows', '-o', 'out/q.eql', 'rules/seed.yml'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'q.eql'), 'utf8')).toBe(
      'any where process.command_line like~ ("*Export-PfxCertificate *", "*Export-Certificate *")\n',
    );
  });
  it('--split with -o FOLDER writes one file per rule file, at its path below the folder the rule files share', async () => {
    const r = await run(['convert', '-t', 'splunk', '--split', '-o', 'split', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'split')).sort()).toEqual(['seed.txt', 'sub']);
    expect(readdirSync(join(dir, 'split', 'sub'))).toEqual(['whoami.txt']);
  });
  it('a pipeline YAML file works like a named pipeline', async () => {
    writeFileSync(
      join(dir, 'mine.yml'),
      'name: mine\npriority: 10\ntransformations:\n  - id: cl\n    type: field_name_mapping\n    mapping:\n      CommandLine: cmdline\n',
    );
    const r = await run(['convert', '-t', 'splunk', '-p', 'mine.yml', 'rules/seed.yml'], dir);
    expect(r.stdout).toBe('cmdline IN ("*Export-PfxCertificate *", "*Export-Certificate *")\n');
  });
  it("a pipeline's finalizers make the output of the whole run", async () => {
    writeFileSync(
      join(dir, 'concat.yml'),
      "name: one search\nfinalizers:\n  - type: concat\n    separator: ' OR '\n    prefix: 'search '\n",
    );
    const r = await run(['convert', '-t', 'splunk', '-p', 'concat.yml', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('search CommandLine IN ("*Export-PfxCertificate *", "*Export-Certificate *") OR ')).toBe(true);
    expect(r.stdout.split('\n')).toHaveLength(2); // one line and its line break
    writeFileSync(join(dir, 'json.yml'), 'name: json\nfinalizers:\n  - type: json\n');
    const j = await run(['convert', '-t', 'splunk', '-p', 'json.yml', 'rules'], dir);
    const list = JSON.parse(j.stdout) as string[];
    expect(list).toHaveLength(2);
    expect(list[0]).toBe('CommandLine IN ("*Export-PfxCertificate *", "*Export-Certificate *")');
  });
  it("pack notes that it does not run the pipeline's finalizers, and writes the pack", async () => {
    const r = await run(['pack', '-t', 'splunk', '-p', 'concat.yml', '-o', 'pack-fin', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("note: the pipeline's finalizers (concat) shape convert output");
    expect(existsSync(join(dir, 'pack-fin'))).toBe(true);
  });
  it('finalizers with a format that writes a file of its own are a usage error', async () => {
    const r = await run(['convert', '-t', 'splunk', '-p', 'concat.yml', '-f', 'savedsearches', 'rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the pipeline's finalizers (concat)");
  });
  it('an unknown target, pipeline or format is a usage error naming the known ones', async () => {
    const t = await run(['convert', '-t', 'qradar', 'rules'], dir);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/unknown target 'qradar' \(known: splunk, kusto, eql/);
    expect((await run(['convert', '-t', 'splunk', '-p', 'nope', 'rules'], dir)).stderr).toMatch(/unknown pipeline 'nope'/);
    expect((await run(['convert', '-t', 'splunk', '-f', 'nope', 'rules'], dir)).stderr).toMatch(/no format 'nope'/);
  });
  it('every command has --help', async () => {
    for (const c of ['convert', 'pack', 'check', 'match', 'list']) {
      const r = await run([c, '--help'], dir);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(/^Usage: sigmaform/);
    }
  });
});

describe('sigmaform pack', () => {
  it('writes a Splunk pack with project settings from --config and per-rule overrides from custom attributes', async () => {
    writeFileSync(join(dir, 'pack.yml'), 'splunk:\n  cronSchedule: "*/15 * * * *"\n');
    writeFileSync(join(dir, 'rules', 'sub', 'whoami.yml'), `${OTHER}splunk_cron_schedule: '*/5 * * * *'\n`);
    const r = await run(['pack', '-t', 'splunk', '-o', 'pack-splunk', '--config', 'pack.yml', 'rules'], dir);
    expect(r.code).toBe(0);
    const conf = readFileSync(join(dir, 'pack-splunk', 'default', 'savedsearches.conf'), 'utf8');
    const stanza = (title: string) => conf.slice(conf.indexOf(`[${title}]`)).split('\n\n')[0] ?? '';
    expect(stanza('Certificate Exported Via PowerShell')).toContain('cron_schedule = */15 * * * *');
    expect(stanza('Whoami')).toContain('cron_schedule = */5 * * * *');
    // ESCU filter macros belong to the ESCU form (-f escu) only
    expect(existsSync(join(dir, 'pack-splunk', 'default', 'macros.conf'))).toBe(false);
    writeFileSync(join(dir, 'rules', 'sub', 'whoami.yml'), OTHER);
  });
  it('writes a Sentinel pack (rule YAML files and one ARM template) and an Elastic NDJSON pack', async () => {
    expect((await run(['pack', '-t', 'kusto', '-p', 'sentinel_asim', '-o', 'pack-sentinel', 'rules'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'pack-sentinel', 'rules')).length).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'pack-sentinel', 'azuredeploy.json'), 'utf8')).resources).toHaveLength(2);
    expect((await run(['pack', '-t', 'eql', '-p', 'ecs_windows', '-o', 'pack-elastic', 'rules'], dir)).code).toBe(0);
    expect(
      readFileSync(join(dir, 'pack-elastic', 'rules.ndjson'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
  });
});

describe('sigmaform check', () => {
  it('--jsonl prints one line per file with the number of documents, or the error with line and column', async () => {
    writeFileSync(join(dir, 'bad.yml'), 'title: x\nlogsource: {}\ndetection:\n  s:\n    A|nope: 1\n  condition: s\n');
    const r = await run(['check', '--jsonl', 'rules/seed.yml', 'bad.yml'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ path: 'rules/seed.yml', ok: true, rules: 1, issues: expect.any(Array) });
    expect(lines[1]).toEqual({ path: 'bad.yml', ok: false, error: "unknown modifier 'nope' in 'A|nope'", line: 5, column: 5, rules: 0 });
  });
});

describe('sigmaform match', () => {
  it('applies a filter document from the rules folder to the rules it names', async () => {
    mkdirSync(join(dir, 'mrules'), { recursive: true });
    writeFileSync(join(dir, 'mrules', 'whoami.yml'), OTHER);
    writeFileSync(
      join(dir, 'mrules', 'filter.yml'),
      `title: Not the admin
logsource: {category: process_creation, product: windows}
filter:
  rules: [11111111-2222-4333-8444-555555555555]
  selection: {User: admin}
  condition: selection
`,
    );
    writeFileSync(
      join(dir, 'events.jsonl'),
      '{"Image": "C:\\\\Windows\\\\whoami.exe", "User": "admin"}\n{"Image": "C:\\\\Windows\\\\whoami.exe", "User": "eve"}\n',
    );
    const r = await run(['match', '--jsonl', '--all', '--ignore-logsource', '-r', 'mrules', 'events.jsonl'], dir);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.index, x.match])).toEqual([
      [0, false],
      [1, true],
    ]);
  });
});
