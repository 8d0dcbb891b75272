/**
 * Issue 15, against the built package in dist/ (run `npm run build` first; skipped without it): the binary ends
 * quietly when the reader of its output goes away (EPIPE), `sigmaform` and `sigmaform/node` are one library in
 * CommonJS and in ESM (one backend registry, one SigmaError class), the runtime does not load peggy, and the
 * types of `sigmaform/node` resolve under TypeScript's `node10` module resolution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/corpus.js';

const DIST = ['cli.js', 'index.js', 'index.cjs', 'node.js', 'node.cjs', 'node.d.ts'].map((f) => join(REPO, 'dist', f));
const HAS_DIST = DIST.every((f) => existsSync(f));

/** A consumer project with sigmaform installed (a link to this repository) in its node_modules. */
let consumer = '';
beforeAll(() => {
  if (!HAS_DIST) return;
  consumer = mkdtempSync(join(tmpdir(), 'sigmaform-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(REPO, join(consumer, 'node_modules', 'sigmaform'), 'dir');
});
afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

const node = (file: string, text: string): string => {
  writeFileSync(join(consumer, file), text);
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', timeout: 30_000 });
};

/** `sigmaform ARGS | head -1`: the binary run, its first output read and the pipe closed; how it ended. */
async function headOne(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((done) => {
    child.stdout.once('data', () => {
      child.stdout.destroy();
      done();
    });
  });
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  return { code, stderr };
}

/**
 * `sigmaform match ARGS - --jsonl --stats` with `lines` on standard input: the first thousand, a pause of two
 * seconds (a worker is ready long before), then the rest in slices 100 ms apart (three seconds more). Run with
 * `-j 1` and `-j 2`: checks the two print the same bytes and gives what `-j 2` did (threads it reports, lines it
 * printed, rules among them).
 */
async function streamed(
  args: readonly string[],
  lines: readonly string[],
): Promise<{ threads: number; lines: number; rules: Set<string> }> {
  const run = async (jobs: string, pause: number): Promise<{ stdout: string; stderr: string }> => {
    const child = spawn(process.execPath, [join(REPO, 'dist', 'cli.js'), 'match', ...args, '-', '--jsonl', '--stats', '-j', jobs], {
      cwd: consumer,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const closed = new Promise<void>((done) => child.on('close', () => done()));
    child.stdin.write(lines.slice(0, 1000).join('\n') + '\n');
    if (pause > 0) {
      // Then the rest in slices, 100 ms apart: batches keep arriving for a while, so a worker that is slow to start
      // (a loaded CI machine) still gets some.
      await new Promise((r) => setTimeout(r, pause));
      for (let at = 1000; at < lines.length; at += 2000) {
        child.stdin.write(lines.slice(at, at + 2000).join('\n') + '\n');
        await new Promise((r) => setTimeout(r, 100));
      }
      child.stdin.end();
    } else child.stdin.end(lines.slice(1000).join('\n') + '\n');
    await closed;
    return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  };
  const [one, two] = [await run('1', 0), await run('2', 2000)];
  expect(one.stderr).toMatch(/1 thread\)/);
  expect(two.stdout).toBe(one.stdout);
  const printed = two.stdout.split('\n').filter(Boolean);
  return {
    threads: Number(/(\d+) threads?\)/.exec(two.stderr)?.[1] ?? 0),
    lines: printed.length,
    rules: new Set(printed.map((l) => (JSON.parse(l) as { rule: string }).rule)),
  };
}

describe.skipIf(!HAS_DIST)('the built package (dist/; `npm run build` first)', () => {
  it('`sigmaform convert … | head -1`: the reader closes the pipe, the binary exits 0 without a stack trace', async () => {
    const rules = Array.from({ length: 400 }, (_, i) =>
      [
        `title: Rule ${i}`,
        'logsource: {category: process_creation, product: windows}',
        'detection:',
        `  sel: {CommandLine|contains: ['${'x'.repeat(4000)}${i}']}`,
        '  condition: sel',
      ].join('\n'),
    ).join('\n---\n');
    writeFileSync(join(consumer, 'many.yml'), rules);
    const { code, stderr } = await headOne(['convert', '-t', 'splunk', 'many.yml']);
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(code).toBe(0);
  });

  it('`sigmaform match … | head -1`: the run ends when the reader goes, not after the last event', async () => {
    writeFileSync(
      join(consumer, 'head-rule.yml'),
      ['title: Any', 'logsource: {product: windows}', 'detection:', "  sel: {Image|endswith: '.exe'}", '  condition: sel'].join('\n'),
    );
    const line = (i: number) => JSON.stringify({ Channel: 'Security', EventID: 4688, Image: `C:\\x\\${i}.exe` });
    writeFileSync(join(consumer, 'many.jsonl'), Array.from({ length: 300_000 }, (_, i) => line(i)).join('\n') + '\n');
    const { code, stderr } = await headOne(['match', '-r', 'head-rule.yml', 'many.jsonl', '--jsonl', '--stats']);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    // It stopped there: a run to the end would have printed its statistics.
    expect(stderr).not.toMatch(/read and matched/);
  }, 60_000);

  it('`sigmaform match -j 2`: a worker thread evaluates batches too, and the output is the same bytes as with one thread', async () => {
    const rule = (name: string, image: string): string =>
      [`title: ${name}`, 'logsource: {product: windows}', 'detection:', `  sel: {Image|endswith: '${image}'}`, '  condition: sel'].join(
        '\n',
      );
    writeFileSync(join(consumer, 'r1.yml'), rule('Whoami', '\\whoami.exe'));
    writeFileSync(join(consumer, 'r2.yml'), rule('Calc', '\\calc.exe'));
    writeFileSync(
      join(consumer, 'r3.yml'),
      [
        'title: Net',
        'logsource: {product: windows, category: network_connection}',
        'detection:',
        "  sel: {Image|endswith: '\\calc.exe'}",
        '  condition: sel',
      ].join('\n'),
    );
    const images = ['C:\\Windows\\whoami.exe', 'C:\\Windows\\calc.exe', 'C:\\x.exe'];
    const lines = Array.from({ length: 60_000 }, (_, i) =>
      i === 30_001 ? '{"Image": }' : JSON.stringify({ Channel: 'Security', EventID: 4688, Image: images[i % 3], n: i }),
    );
    // From a file, one thread and two give the same bytes, and the bad line is reported once, where it is. Whether
    // the worker took a batch depends on how soon it is ready (this thread may read all 60,000 events first).
    writeFileSync(join(consumer, 'events.jsonl'), lines.join('\n') + '\n');
    const run = (jobs: string) =>
      spawnSync(
        process.execPath,
        [join(REPO, 'dist', 'cli.js'), 'match', '-r', 'r1.yml', '-r', 'r2.yml', 'events.jsonl', '--jsonl', '--stats', '-j', jobs],
        { cwd: consumer, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000 },
      );
    const [one, two] = [run('1'), run('2')];
    expect(one.stderr).toMatch(/1 thread\)/);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.split('\n').filter(Boolean)).toHaveLength(40_000 - 1);
    for (const r of [one, two]) expect(r.stderr.match(/events\.jsonl:30002:1: .*malformed JSON event/g)).toHaveLength(1);
    expect(two.status).toBe(1);
    // Streamed on standard input with a pause after the first thousand events, the worker is ready before the rest
    // arrive, so it does evaluate some: each case below checks that it says two threads and prints what one does.
    const streamedLines = lines.map((l, i) => (i === 30_001 ? JSON.stringify({ Image: images[0] }) : l));
    expect(await streamed(['-r', 'r1.yml', '-r', 'r2.yml'], streamedLines)).toMatchObject({ threads: 2, lines: 40_000 });
    // With a pipeline the workers apply it too: ECS rows (process.executable) fire the rules written for Image.
    const ecs = Array.from({ length: 60_000 }, (_, i) =>
      JSON.stringify({ event: { category: 'process' }, process: { executable: images[i % 3], pid: i } }),
    );
    expect(await streamed(['-p', 'ecs_windows', '-r', 'r1.yml', '-r', 'r2.yml'], ecs)).toMatchObject({ threads: 2, lines: 40_000 });
    // With --logsource the workers take events that do not say theirs as this thread does: a network rule does not
    // fire on flat process events said to be process_creation (and does without the option).
    const flat = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ Image: images[i % 3], n: i }));
    const three = ['-r', 'r1.yml', '-r', 'r2.yml', '-r', 'r3.yml'];
    const open = await streamed(three, flat);
    const said = await streamed([...three, '--logsource', 'product=windows,category=process_creation'], flat);
    expect(open.rules).toEqual(new Set(['r1.yml', 'r2.yml', 'r3.yml']));
    expect(said).toMatchObject({ threads: 2, lines: 40_000, rules: new Set(['r1.yml', 'r2.yml']) });
    // With --table the workers route rows that do not say their table as this thread does: Defender rows of
    // DeviceFileEvents meet the file rule, not the process rule that reads the same FolderPath.
    writeFileSync(
      join(consumer, 'r5.yml'),
      [
        'title: Calc',
        'logsource: {product: windows, category: process_creation}',
        'detection:',
        "  sel: {Image|endswith: '\\calc.exe'}",
        '  condition: sel',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'r4.yml'),
      [
        'title: Drop',
        'logsource: {product: windows, category: file_event}',
        'detection:',
        "  sel: {TargetFilename|endswith: '\\calc.exe'}",
        '  condition: sel',
      ].join('\n'),
    );
    const rows = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ FolderPath: images[i % 3], FileName: 'x.exe', n: i }));
    const xdr = ['-p', 'microsoft_xdr', '-r', 'r4.yml', '-r', 'r5.yml'];
    expect((await streamed(xdr, rows)).rules).toEqual(new Set(['r4.yml', 'r5.yml']));
    expect(await streamed([...xdr, '--table', 'DeviceFileEvents'], rows)).toMatchObject({
      threads: 2,
      lines: 20_000,
      rules: new Set(['r4.yml']),
    });
  }, 120_000);

  it('CommonJS: require("sigmaform") and require("sigmaform/node") share registries and the SigmaError class', () => {
    const out = node(
      'one.cjs',
      `const core = require('sigmaform');
const nodeApi = require('sigmaform/node');
core.registerBackend({ name: 'third', description: 'a third-party target', pipelines: {}, formats: { default: { description: 'd' } },
  convert: (rule) => ({ rule, queries: ['q'], state: {} }), pack: () => [] });
let instance = false;
try { nodeApi.getBackend('nope'); } catch (e) { instance = e instanceof core.SigmaError; }
console.log(JSON.stringify({ known: nodeApi.getBackend('third').name, instance, same: core.SigmaError === nodeApi.SigmaError }));`,
    );
    expect(JSON.parse(out)).toEqual({ known: 'third', instance: true, same: true });
  });

  it('ESM: import of "sigmaform" and "sigmaform/node" share them too', () => {
    const out = node(
      'one.mjs',
      `import * as core from 'sigmaform';
import * as nodeApi from 'sigmaform/node';
core.registerBackend({ name: 'third', description: 'x', pipelines: {}, formats: { default: { description: 'd' } },
  convert: (rule) => ({ rule, queries: ['q'], state: {} }) });
console.log(JSON.stringify({ known: nodeApi.getBackend('third').name, same: core.SigmaError === nodeApi.SigmaError }));`,
    );
    expect(JSON.parse(out)).toEqual({ known: 'third', same: true });
  });

  it('peggy is needed only to build: no runtime file loads it, and it is a devDependency', () => {
    for (const f of DIST.filter((p) => /\.c?js$/.test(p)))
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/require\(["']peggy["']\)|from ["']peggy["']/);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg['dependencies']).not.toHaveProperty('peggy');
    expect(pkg['devDependencies']).toHaveProperty('peggy');
  });

  it('TypeScript with moduleResolution node10 finds the types of sigmaform/node', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'commonjs', moduleResolution: 'node10', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['use.ts'],
      }),
    );
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { buildPack, SigmaError } from 'sigmaform/node';
import { createConverter } from 'sigmaform';
const pack: Promise<{ readonly files: readonly string[] }> = buildPack({ rules: 'rules', target: 'splunk', out: 'out' });
const error: SigmaError = new SigmaError('io', 'message');
export { pack, error, createConverter };
`,
    );
    const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
