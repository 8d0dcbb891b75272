/**
 * `sigmaform pack` as a user runs it: what -f means in a pack, pack settings checked before any rule is read,
 * rules deployed disabled unless the settings enable them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import '../../src/index.js';
import { runCli } from '../support/cli-run.js';

const SEED = readFileSync(join(__dirname, '..', '..', 'examples', 'rules', 'proc_creation_win_powershell_export_certificate.yml'), 'utf8');

/** `sigmaform ...argv` in `cwd`, in-process (test/support/cli-run.ts: no stack trace, no internal error). */
const run = (argv: string[], cwd: string) => runCli(cwd, argv);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-pack-'));
  mkdirSync(join(dir, 'rules'), { recursive: true });
  writeFileSync(join(dir, 'rules', 'seed.yml'), SEED);
});

describe('sigmaform pack -f', () => {
  it('takes a Sentinel document format as the pack itself: every query is KQL, never a rule document', async () => {
    const plain = await run(['convert', '-t', 'kusto', '-p', 'sentinel_asim', 'rules'], dir);
    for (const format of ['sentinel_rule', 'arm']) {
      const r = await run(['pack', '-t', 'kusto', '-p', 'sentinel_asim', '-f', format, '-o', `p-${format}`, 'rules'], dir);
      expect(r.code, r.stderr).toBe(0);
      const [file] = readdirSync(join(dir, `p-${format}`, 'rules'));
      const doc = load(readFileSync(join(dir, `p-${format}`, 'rules', file!), 'utf8')) as { query: string };
      expect(`${doc.query}\n`).toBe(plain.stdout);
      const arm = JSON.parse(readFileSync(join(dir, `p-${format}`, 'azuredeploy.json'), 'utf8')) as {
        resources: { properties: { query: string } }[];
      };
      expect(`${arm.resources[0]!.properties.query}\n`).toBe(plain.stdout);
    }
  });

  it('takes siem_rule_ndjson as the Elastic pack itself: the query is EQL, not a JSON rule', async () => {
    const plain = await run(['convert', '-t', 'eql', '-p', 'ecs_windows', 'rules'], dir);
    const r = await run(['pack', '-t', 'eql', '-p', 'ecs_windows', '-f', 'siem_rule_ndjson', '-o', 'p-ndjson', 'rules'], dir);
    expect(r.code, r.stderr).toBe(0);
    const rule = JSON.parse(readFileSync(join(dir, 'p-ndjson', 'rules.ndjson'), 'utf8')) as { query: string; enabled: boolean };
    expect(`${rule.query}\n`).toBe(plain.stdout);
  });

  it('refuses a format that is no pack form (eqlapi) as a usage error naming what to use, writing nothing', async () => {
    const r = await run(['pack', '-t', 'eql', '-f', 'eqlapi', '-o', 'p-eqlapi', 'rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('convert -t eql -f eqlapi');
    expect(r.stderr).toContain('pack takes -f default, siem_rule_ndjson');
    expect(existsSync(join(dir, 'p-eqlapi'))).toBe(false);
  });
});

describe('sigmaform pack --config', () => {
  it('refuses a queryPeriod shorter than queryFrequency with exit 2 at the setting’s line, before any rule is read', async () => {
    writeFileSync(join(dir, 'window.yml'), 'defaultLevel: high\nsentinel:\n  queryFrequency: 2h\n  queryPeriod: 1h\n');
    const r = await run(['pack', '-t', 'kusto', '-p', 'sentinel_asim', '--config', 'window.yml', '-o', 'p-window', 'rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/window\.yml:4:3: .*queryPeriod/);
    expect(r.stderr).not.toMatch(/seed\.yml/);
    expect(existsSync(join(dir, 'p-window'))).toBe(false);
  });

  it('refuses an unknown key and a bad value at their line', async () => {
    writeFileSync(join(dir, 'unknown.yml'), 'splunk:\n  cronSchedule: "0 * * * *"\n  cron: x\n');
    const unknown = await run(['pack', '-t', 'splunk', '--config', 'unknown.yml', '-o', 'p-unknown', 'rules'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown\.yml:3:3: .*cron/);
    writeFileSync(join(dir, 'value.yml'), 'elastic:\n  maxSignals: lots\n');
    const value = await run(['pack', '-t', 'eql', '--config', 'value.yml', '-o', 'p-value', 'rules'], dir);
    expect(value.code).toBe(2);
    expect(value.stderr).toMatch(/value\.yml:2:3: .*maxSignals/);
  });

  it('deploys every pack’s rules disabled by default, and enabled with the one setting enabled: true', async () => {
    writeFileSync(join(dir, 'on.yml'), 'enabled: true\n');
    for (const [config, on] of [
      [undefined, false],
      ['on.yml', true],
    ] as const) {
      const extra = config ? ['--config', config] : [];
      const tag = on ? 'on' : 'off';
      expect((await run(['pack', '-t', 'splunk', ...extra, '-o', `s-${tag}`, 'rules'], dir)).code).toBe(0);
      expect(readFileSync(join(dir, `s-${tag}`, 'default', 'savedsearches.conf'), 'utf8')).toContain(`disabled = ${on ? 0 : 1}`);
      expect((await run(['pack', '-t', 'kusto', '-p', 'sentinel_asim', ...extra, '-o', `k-${tag}`, 'rules'], dir)).code).toBe(0);
      const arm = JSON.parse(readFileSync(join(dir, `k-${tag}`, 'azuredeploy.json'), 'utf8')) as {
        resources: { properties: { enabled: boolean } }[];
      };
      expect(arm.resources[0]!.properties.enabled).toBe(on);
      expect((await run(['pack', '-t', 'eql', '-p', 'ecs_windows', ...extra, '-o', `e-${tag}`, 'rules'], dir)).code).toBe(0);
      expect((JSON.parse(readFileSync(join(dir, `e-${tag}`, 'rules.ndjson'), 'utf8')) as { enabled: boolean }).enabled).toBe(on);
    }
  });
});
