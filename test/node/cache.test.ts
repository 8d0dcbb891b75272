import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/index.js';
import { openRuleCache } from '../../src/node/cache.js';
import { runCli } from '../support/cli-run.js';

const RULE = (tool: string) => `title: Tool
id: 11111111-2222-4333-8444-555555555555
logsource: {category: process_creation, product: windows}
detection:
  sel: {Image|endswith: '\\\\${tool}.exe'}
  condition: sel
level: low
`;

/** `sigmaform ...argv` in `cwd`, in-process (test/support/cli-run.ts: no stack trace, no internal error). */
const run = (argv: string[], cwd: string) => runCli(cwd, argv);

describe('the rule cache (--cache)', () => {
  it('serves unchanged files from the cache and loads changed ones again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-cache-'));
    const first = await openRuleCache('c.bin', dir);
    const docs = first.documents('a.yml', RULE('whoami'));
    expect(docs?.[0]?.kind).toBe('rule');
    expect(first.stats).toEqual({ hits: 0, misses: 1 });
    await first.save();
    const second = await openRuleCache('c.bin', dir);
    expect(second.documents('a.yml', RULE('whoami'))).toEqual(docs);
    expect(second.documents('a.yml', RULE('net'))?.[0]).not.toEqual(docs?.[0]);
    expect(second.stats).toEqual({ hits: 1, misses: 1 });
  });

  it('does not keep a file that does not load, so its located error comes back every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-cache-'));
    const cache = await openRuleCache('c.bin', dir);
    expect(cache.documents('bad.yml', 'title: [unclosed')).toBeUndefined();
  });

  it('ignores a cache file it cannot read and writes a good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-cache-'));
    writeFileSync(join(dir, 'c.bin'), 'not a cache');
    const cache = await openRuleCache('c.bin', dir);
    cache.documents('a.yml', RULE('whoami'));
    await cache.save();
    expect((await openRuleCache('c.bin', dir)).documents('a.yml', RULE('whoami'))).toBeDefined();
  });

  it('gives the same output with and without the cache, on the first run and the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-cache-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'a.yml'), RULE('whoami'));
    writeFileSync(join(dir, 'rules', 'b.yml'), RULE('net').replace('endswith', 'bogus'));
    const plain = await run(['convert', '-t', 'splunk', 'rules'], dir);
    const cold = await run(['convert', '--cache', '-t', 'splunk', 'rules'], dir);
    expect(existsSync(join(dir, '.sigmaformcache'))).toBe(true);
    const warm = await run(['convert', '--cache', '-t', 'splunk', 'rules'], dir);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    // The broken rule is reported with its location on the cached run too.
    expect(warm.stderr).toMatch(/b\.yml:5:\d+: .*bogus/);
    expect(readFileSync(join(dir, '.sigmaformcache')).length).toBeGreaterThan(0);
  });

  it('refuses --cache-location without --cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-cache-'));
    const r = await run(['convert', '--cache-location', 'x', '-t', 'splunk', 'rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cache-location goes with --cache/);
  });
});

describe('--jobs', () => {
  it('refuses a number of threads that is not a whole number of 1 or more, before reading any rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-jobs-'));
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const r = await run(['convert', `--jobs=${bad}`, '-t', 'splunk', 'missing-folder'], dir);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--jobs takes a whole number/);
    }
  });
});
