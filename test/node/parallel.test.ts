import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/index.js';
import { SigmaError } from '../../src/errors.js';
import { contextFiles, fromWire, toWire } from '../../src/node/parallel.js';
import type { FileResult } from '../../src/convert.js';

const root = join(__dirname, '..', '..');
const DIST = join(root, 'dist', 'node.js');
const CORPUS = join(root, '..', 'shared', 'sigma', 'rules');

const rule = (i: number, extra = '') => `title: Rule ${i}
id: 00000000-0000-4000-8000-${String(i).padStart(12, '0')}
name: rule_${i}
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\\\tool${i}.exe'${extra}}
  condition: sel
level: low
`;

describe('the first pass that finds what every batch must see', () => {
  it('finds filter and correlation files and, transitively, the files of the rules they name', () => {
    const texts = [
      rule(1),
      rule(2),
      `title: c\ncorrelation:\n  type: event_count\n  rules: [rule_2, inner]\n  group-by: [User]\n  timespan: 5m\n  condition: {gte: 3}\n`,
      `title: inner\nname: inner\ncorrelation:\n  type: event_count\n  rules: [rule_3]\n  timespan: 1m\n  condition: {gte: 2}\n`,
      rule(3),
      rule(4),
      undefined,
    ];
    expect([...contextFiles(texts)].sort()).toEqual([1, 2, 3, 4]);
  });
  it('finds nothing in a batch of plain rules', () => {
    expect(contextFiles([rule(1), rule(2)]).size).toBe(0);
  });
});

describe('results crossing a thread', () => {
  it('keep SigmaError as a SigmaError with its code and location', () => {
    const error = new SigmaError('modifier', 'unknown modifier', { file: 'a.yml', line: 3, column: 7 });
    const wire = structuredClone(toWire({ path: 'a.yml', ok: false, error }));
    const back = fromWire(wire) as Extract<FileResult, { ok: false }>;
    expect(back.error).toBeInstanceOf(SigmaError);
    expect(back.error.format()).toBe('a.yml:3:7: unknown modifier');
    expect(back.error.code).toBe('modifier');
  });
  it('keep the warnings of a file and of its rules (alternatives left out) with their code and location', () => {
    const warning = new SigmaError('unsupported', "'IMPHASH' has no column; left out", { file: 'a.yml', line: 26, column: 11 });
    const rule = { queries: ['q'], warnings: [warning] } as unknown as Extract<FileResult, { ok: true }>['results'][number];
    const result: FileResult = { path: 'a.yml', ok: true, queries: ['q'], results: [rule], warnings: [warning] };
    const back = fromWire(structuredClone(toWire(result))) as Extract<FileResult, { ok: true }>;
    for (const w of [back.warnings?.[0], back.results[0]?.warnings?.[0]]) {
      expect(w).toBeInstanceOf(SigmaError);
      expect(w?.format()).toBe("a.yml:26:11: 'IMPHASH' has no column; left out");
      expect(w?.code).toBe('unsupported');
    }
  });
});

// The worker script exists only in the build (`npm ci` builds it); from source alone there is nothing to test.
const built = existsSync(join(root, 'dist', 'worker.js'));
describe.skipIf(!built)('conversion on several threads (built library)', () => {
  const load = async () =>
    (await import(DIST)) as {
      createConverter: (r: object) => unknown;
      convertFiles: (c: unknown, spec: object | undefined, paths: string[], o: object) => Promise<FileResult[]>;
      expandPaths: (p: string[], cwd: string) => Promise<string[]>;
    };
  const summary = (rs: FileResult[]) =>
    rs.map((r) =>
      r.ok
        ? { path: r.path, queries: r.queries, errors: r.errors?.map((e) => e.format()), warnings: r.warnings?.map((e) => e.format()) }
        : { path: r.path, error: r.error.format() },
    );

  it('gives the same results in the same order as one thread, with a correlation and a filter across batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-parallel-'));
    mkdirSync(join(dir, 'rules'));
    for (let i = 0; i < 300; i++)
      writeFileSync(join(dir, 'rules', `r${String(i).padStart(3, '0')}.yml`), rule(i, i === 7 ? ', CommandLine|bogus: x' : ''));
    writeFileSync(
      join(dir, 'rules', 'r150c.yml'),
      `title: many\ncorrelation:\n  type: event_count\n  rules: [rule_3, rule_290]\n  group-by: [User]\n  timespan: 5m\n  condition: {gte: 3}\nlevel: high\n`,
    );
    writeFileSync(
      join(dir, 'rules', 'r299f.yml'),
      `title: not on the build server\nlogsource: {category: process_creation, product: windows}\nfilter:\n  rules: [rule_200]\n  selection: {User: builder}\n  condition: not selection\n`,
    );
    const lib = await load();
    const paths = await lib.expandPaths(['rules'], dir);
    const spec = { target: 'splunk', pipelines: ['splunk_windows'], cwd: dir };
    const converter = lib.createConverter({ target: 'splunk', pipelines: ['splunk_windows'] });
    const one = await lib.convertFiles(converter, spec, paths, { jobs: 1 });
    const two = await lib.convertFiles(converter, spec, paths, { jobs: 2 });
    expect(summary(two)).toEqual(summary(one));
    // The parallel run saw the correlation and the filter: rule_3 is hidden behind it, rule_200 filtered.
    const byPath = new Map(two.map((r) => [r.path, r]));
    const correlation = byPath.get(join('rules', 'r150c.yml'));
    expect(correlation?.ok && correlation.queries[0]).toMatch(/count/);
    const filtered = byPath.get(join('rules', 'r200.yml'));
    expect(filtered?.ok && filtered.queries[0]).toMatch(/builder/);
    const broken = byPath.get(join('rules', 'r007.yml'));
    expect(broken?.ok).toBe(false);
  });

  it.skipIf(!existsSync(CORPUS))('gives byte-identical queries over the corpus for every target', async () => {
    const lib = await load();
    const paths = await lib.expandPaths([CORPUS], root);
    for (const [target, pipelines] of [
      ['splunk', ['splunk_windows']],
      ['kusto', ['sentinel_asim']],
      ['eql', ['ecs_windows']],
    ] as const) {
      const converter = lib.createConverter({ target, pipelines });
      const spec = { target, pipelines, cwd: root };
      const one = await lib.convertFiles(converter, spec, paths, { jobs: 1 });
      const two = await lib.convertFiles(converter, spec, paths, { jobs: 2 });
      expect(summary(two), target).toEqual(summary(one));
    }
  });
});
