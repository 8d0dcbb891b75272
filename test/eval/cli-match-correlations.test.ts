/** `sigmaform match` with correlation rules (src/cli/commands/match-correlations.ts), on files in a temporary folder. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchCommand } from '../../src/cli/commands/match.js';

let dir = '';
async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const input = stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) };
  const code = await matchCommand(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, isTTY: false, ...input });
  return { code, out, err };
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
// alice fails 3 times then logs on; bob fails twice. Events carry their time in `ts` (not a default field).
const EVENTS = [
  [0, 'alice', 4625],
  [1, 'alice', 4625],
  [2, 'alice', 4625],
  [3, 'bob', 4625],
  [4, 'alice', 4624],
  [5, 'bob', 4625],
].map(([m, User, EventID]) => JSON.stringify({ ts: at(m as number), User, EventID }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-match-corr-'));
  // The specification's chained example, with 3 failures instead of 10.
  const chain = join(import.meta.dirname, '..', 'correlation', 'fixtures', 'failed-then-successful.yml');
  writeFileSync(join(dir, 'chain.yml'), readFileSync(chain, 'utf8').replace('gte: 10', 'gte: 3'));
  writeFileSync(join(dir, 'logons.jsonl'), EVENTS.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sigmaform match with correlation rules', () => {
  it('evaluates the correlations over events read from standard input too (the stream keeps them)', async () => {
    const { code, out, err } = await run(
      ['-r', 'chain.yml', '--ignore-logsource', '--timestamp-field', 'ts', '-'],
      EVENTS.join('\n') + '\n',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      `CORRELATION  multiple_failed_login  chain.yml  event_count User="alice"  ${at(0)} … ${at(2)}  value 3\n    -#0\n    -#1\n    -#2\n`,
    );
    expect(out).toContain('2 correlation windows fired (2 correlation rules)\n');
  });

  it('prints each correlation that fires with its group, window and events (time from --timestamp-field)', async () => {
    const { code, out, err } = await run(['-r', 'chain.yml', '--ignore-logsource', '--timestamp-field', 'ts', 'logons.jsonl']);
    expect(err).toBe('');
    expect(code).toBe(0);
    // The inner event_count fires for alice (3 failures), and so does the outer temporal_ordered (then a logon).
    expect(out).toContain(
      `CORRELATION  multiple_failed_login  chain.yml  event_count User="alice"  ${at(0)} … ${at(2)}  value 3\n    logons.jsonl#0\n    logons.jsonl#1\n    logons.jsonl#2\n`,
    );
    expect(out).toContain(
      `CORRELATION  b180ead8-d58f-40b2-ae54-c8940995b9b6  chain.yml  temporal_ordered User="alice"  ${at(0)} … ${at(4)}  value 2\n    logons.jsonl#0\n    logons.jsonl#1\n    logons.jsonl#2\n    logons.jsonl#4\n`,
    );
    expect(out).not.toContain('User="bob"');
    expect(out).toContain('2 correlation windows fired (2 correlation rules)\n');
  });

  it('writes one JSON line per window with --jsonl', async () => {
    const { out } = await run(['-r', 'chain.yml', '--ignore-logsource', '--timestamp-field', 'ts', '--jsonl', 'logons.jsonl']);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const outer = lines.find((l) => l.correlation === 'b180ead8-d58f-40b2-ae54-c8940995b9b6');
    expect(outer).toEqual({
      correlation: 'b180ead8-d58f-40b2-ae54-c8940995b9b6',
      title: 'Correlation - Multiple Failed Logins Followed by Successful Login',
      rule: 'chain.yml',
      type: 'temporal_ordered',
      group: { User: 'alice' },
      start: at(0),
      end: at(4),
      value: 2,
      events: [0, 1, 2, 4].map((index) => ({ event: 'logons.jsonl', index })),
    });
  });

  it('-p: evaluates the correlations as the pipeline converts them, on rows of the target table', async () => {
    // The converted query (kusto, microsoft_xdr): DeviceProcessEvents | extend SysmonUser = iff(isempty(AccountDomain),
    // AccountName, strcat(AccountDomain, "\\", AccountName)) | where FolderPath endswith "\\calc.exe" | summarize
    // event_count = count() by bin(Timestamp, 5m), SysmonUser | where event_count >= 2.
    writeFileSync(
      join(dir, 'calc.yml'),
      [
        'title: calc',
        'name: calc_rule',
        'logsource: {product: windows, category: process_creation}',
        'detection:',
        "  sel: {Image|endswith: '\\calc.exe'}",
        '  condition: sel',
        '---',
        'title: many calcs',
        'correlation:',
        '  type: event_count',
        '  rules: [calc_rule]',
        '  group-by: [User]',
        '  timespan: 5m',
        '  condition: {gte: 2}',
      ].join('\n'),
    );
    const row = (minute: number, device: string, account: string) =>
      JSON.stringify({
        Timestamp: at(minute),
        DeviceName: device,
        FolderPath: 'C:\\Windows\\System32\\calc.exe',
        AccountDomain: 'corp',
        AccountName: account,
      });
    writeFileSync(join(dir, 'xdr.jsonl'), [row(0, 'pc1', 'bob'), row(1, 'pc2', 'bob'), row(2, 'pc2', 'alice')].join('\n') + '\n');
    const { code, out, err } = await run(['-p', 'microsoft_xdr', '-r', 'calc.yml', 'xdr.jsonl']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`CORRELATION  many calcs  calc.yml  event_count SysmonUser="corp\\\\bob"  ${at(0)} … ${at(1)}  value 2\n`);
    expect(out).toContain('1 correlation window fired (1 correlation rule)\n');
    // Without the pipeline the rule reads Image and User, which these rows do not have: nothing fires.
    const plain = await run(['-r', 'calc.yml', 'xdr.jsonl']);
    expect(plain.out).toContain('0 correlation windows fired (1 correlation rule)\n');
  });

  it("reads the time of Windows event JSON (SigmaHQ's regression data) without --timestamp-field", async () => {
    // Event.System.TimeCreated's SystemTime attribute, as the regression data's .json exports hold it.
    const evtx = (minute: number, user: string) =>
      JSON.stringify({
        Event: {
          System: { EventID: 4625, Channel: 'Security', TimeCreated: { '#attributes': { SystemTime: at(minute) } } },
          EventData: { TargetUserName: user },
        },
      });
    writeFileSync(
      join(dir, 'evtx-chain.yml'),
      readFileSync(join(dir, 'chain.yml'), 'utf8').replace(/group-by:\n(\s+)- User/g, 'group-by:\n$1- TargetUserName'),
    );
    writeFileSync(join(dir, 'evtx.jsonl'), [evtx(0, 'alice'), evtx(1, 'alice'), evtx(2, 'alice'), evtx(3, 'bob')].join('\n') + '\n');
    const { code, out, err } = await run(['-r', 'evtx-chain.yml', 'evtx.jsonl']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      `CORRELATION  multiple_failed_login  evtx-chain.yml  event_count TargetUserName="alice"  ${at(0)} … ${at(2)}  value 3`,
    );
  });

  it('reports events without a time in the fields it was told to read, and exits 1', async () => {
    const { code, err } = await run(['-r', 'chain.yml', '--ignore-logsource', 'logons.jsonl']);
    expect(code).toBe(1);
    expect(err).toContain('has no time in any of the fields @timestamp, timestamp');
  });
});
