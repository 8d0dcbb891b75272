/**
 * `sigmaform test` (src/cli/commands/test.ts): SigmaHQ's regression data passes case by case, sigmaform test
 * files (rules and correlations, must / must not match) report failures, and the JUnit XML it writes is read
 * back by a JUnit parser (junit2json) with the same counts.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type TestSuites } from 'junit2json';
import { testCommand } from '../../src/cli/commands/test.js';
import { HAVE_SHARED, SHARED } from './corpus.js';

let dir = '';
async function run(argv: string[], cwd = dir): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await testCommand(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}

const RULE = String.raw`title: Whoami
id: 6a1e1c1a-0000-4000-8000-000000000001
logsource: {category: process_creation, product: windows}
detection:
    selection:
        Image|endswith: '\whoami.exe'
    condition: selection
`;
const CORRELATION = `title: Failed logon
name: failed_logon
logsource: {product: windows, service: security}
detection:
  sel: {EventID: 4625}
  condition: sel
---
title: Brute force
correlation:
  type: event_count
  rules: [failed_logon]
  group-by: [User]
  timespan: 5m
  condition: {gte: 3}
`;
const at = (m: number, User: string) => ({ '@timestamp': `2026-01-01T10:0${m}:00Z`, EventID: 4625, User });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-test-'));
  mkdirSync(join(dir, 'suite'));
  writeFileSync(join(dir, 'suite', 'whoami.yml'), RULE);
  writeFileSync(join(dir, 'suite', 'brute.yml'), CORRELATION);
  writeFileSync(
    join(dir, 'suite', 'samples.jsonl'),
    `{"Image": "C:\\\\x\\\\WHOAMI.exe"}\n{"Image": "C:\\\\x\\\\whoami.exe"}\n{"Image": "calc.exe"}\n`,
  );
  writeFileSync(
    join(dir, 'suite', 'whoami.test.yml'),
    `rule: whoami.yml
tests:
  - name: fires on whoami
    match: true
    event: {Image: 'C:\\Windows\\System32\\whoami.exe'}
  - name: not on a near miss
    match: false
    events:
      - {Image: 'C:\\Windows\\System32\\whoami.exe.bak'}
      - {CommandLine: 'whoami.exe'}
  - name: counts from a file
    events_file: samples.jsonl
    match_count: 2
  - name: a wrong expectation fails
    match: true
    event: {Image: 'notepad.exe'}
`,
  );
  writeFileSync(
    join(dir, 'suite', 'brute.test.yml'),
    `rule: brute.yml
tests:
  - name: three failures in five minutes fire
    match: true
    events: ${JSON.stringify([at(0, 'alice'), at(1, 'alice'), at(2, 'alice')])}
  - name: two users never reach three
    match: false
    events: ${JSON.stringify([at(0, 'alice'), at(1, 'bob'), at(2, 'alice')])}
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function junit(file: string): Promise<TestSuites> {
  return (await parse(readFileSync(file, 'utf8'))) as TestSuites;
}

describe('sigmaform test', () => {
  it('runs test files of rules and correlations, reports the failing case with its events, exits 1', async () => {
    const { code, out } = await run(['suite', '--junit', 'report.xml']);
    expect(code).toBe(1);
    expect(out).toContain(
      'FAIL   suite/whoami.test.yml › a wrong expectation fails: 0 of 1 event(s) matched, expected every event to match',
    );
    expect(out).toContain('5 passed, 1 failed, 0 errors, 0 skipped (6 cases)');
    const report = await junit(join(dir, 'report.xml'));
    expect(report).toMatchObject({ tests: 6, failures: 1, errors: 0 });
    const cases = report.testsuite?.flatMap((s) => s.testcase ?? []) ?? [];
    expect(cases.map((c) => c.name)).toContain('three failures in five minutes fire');
    expect(cases.find((c) => c.name === 'a wrong expectation fails')?.failure?.[0]?.message).toMatch(/expected every event to match/);
  });

  it('reports a malformed test file as an error case, and a usage error without paths', async () => {
    writeFileSync(join(dir, 'bad.test.yml'), 'tests: []\n');
    const { code, out } = await run(['bad.test.yml']);
    expect(code).toBe(1);
    expect(out).toMatch(/ERROR {2}bad\.test\.yml › read test file: bad\.test\.yml: .*'rule'/);
    expect((await run([])).code).toBe(2);
  });
});

describe('sigmaform test -p: test files of target-shaped events', () => {
  it('evaluates the rules (and correlations) as the pipeline converts them, on rows of the target tables', async () => {
    mkdirSync(join(dir, 'xdr'), { recursive: true });
    writeFileSync(join(dir, 'xdr', 'whoami.yml'), RULE);
    writeFileSync(
      join(dir, 'xdr', 'brute.yml'),
      CORRELATION.replace('logsource: {product: windows, service: security}', 'logsource: {product: windows, category: process_creation}')
        .replace('sel: {EventID: 4625}', "sel: {Image|endswith: '\\\\whoami.exe'}")
        .replace('group-by: [User]', 'group-by: [Computer]'),
    );
    // DeviceProcessEvents rows: FolderPath for Image; the correlation groups by Computer, which is DeviceName there.
    const row = (m: number, device: string, path: string) => ({
      Timestamp: `2026-01-01T10:0${m}:00Z`,
      DeviceName: device,
      FolderPath: path,
    });
    writeFileSync(
      join(dir, 'xdr', 'whoami.test.yml'),
      `rule: whoami.yml
tests:
  - name: fires on the DeviceProcessEvents row of whoami
    match: true
    event: ${JSON.stringify(row(0, 'pc1', 'C:\\Windows\\System32\\whoami.exe'))}
  - name: not on a near miss
    match: false
    event: ${JSON.stringify(row(0, 'pc1', 'C:\\Windows\\System32\\whoami.exe.bak'))}
`,
    );
    writeFileSync(
      join(dir, 'xdr', 'brute.test.yml'),
      `rule: brute.yml
tests:
  - name: three on one device fire
    match: true
    events: ${JSON.stringify([row(0, 'pc1', 'C:\\w\\whoami.exe'), row(1, 'pc1', 'C:\\w\\whoami.exe'), row(2, 'pc1', 'C:\\w\\whoami.exe')])}
  - name: spread over devices they do not
    match: false
    events: ${JSON.stringify([row(0, 'pc1', 'C:\\w\\whoami.exe'), row(1, 'pc2', 'C:\\w\\whoami.exe'), row(2, 'pc1', 'C:\\w\\whoami.exe')])}
`,
    );
    const piped = await run(['-p', 'microsoft_xdr', 'xdr']);
    expect(piped.err).toBe('');
    expect(piped.out).toContain('4 passed, 0 failed, 0 errors, 0 skipped (4 cases)');
    expect(piped.code).toBe(0);
    // The same rows read with Sigma's field names: the cases that must fire do not.
    const plain = await run(['xdr']);
    expect(plain.out).toContain('2 passed, 2 failed, 0 errors, 0 skipped (4 cases)');
    expect(plain.code).toBe(1);
    expect((await run(['-p', 'no_such_pipeline', 'xdr'])).code).toBe(2);
    expect((await run(['--logsource', 'windows', 'xdr'])).code).toBe(2);
  });
});

describe('sigmaform test: events files', () => {
  it('reads an events_file in CSV (a SIEM export) as JSON events files are read', async () => {
    mkdirSync(join(dir, 'csv'), { recursive: true });
    writeFileSync(join(dir, 'csv', 'whoami.yml'), RULE);
    writeFileSync(
      join(dir, 'csv', 'export.csv'),
      'Image,CommandLine\nC:\\x\\whoami.exe,"whoami, /all"\nC:\\x\\calc.exe,calc\nC:\\y\\WHOAMI.EXE,\n',
    );
    writeFileSync(
      join(dir, 'csv', 'whoami.test.yml'),
      'rule: whoami.yml\ntests:\n  - name: two of three\n    events_file: export.csv\n    match_count: 2\n',
    );
    const { code, out } = await run(['csv']);
    expect(out).toContain('1 passed, 0 failed, 0 errors, 0 skipped (1 case)');
    expect(code).toBe(0);
  });
});

describe.skipIf(!HAVE_SHARED)("sigmaform test on SigmaHQ's regression data", () => {
  it('passes every case, and the JUnit report says so', async () => {
    const sigma = join(SHARED, 'sigma');
    const report = join(dir, 'regression.xml');
    const { code, out } = await run(['-r', 'rules', 'regression_data', '--junit', report], sigma);
    expect(out).toMatch(/^192 passed, 0 failed, 0 errors, 1 skipped \(193 cases\)$/m);
    expect(code).toBe(0);
    const parsed = await junit(report);
    expect(parsed).toMatchObject({ tests: 193, failures: 0, errors: 0 });
    expect(parsed.testsuite?.length).toBe(193);
  });
});
