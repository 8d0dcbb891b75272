/** `sigmaform match` (src/cli/commands/match.ts) on files in a temporary folder. */
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchCommand } from '../../src/cli/commands/match.js';

const RULE = String.raw`title: Whoami
id: 6a1e1c1a-0000-4000-8000-000000000001
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\whoami.exe'
    condition: selection
`;
const OTHER = String.raw`title: Calc
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\calc.exe'
    condition: selection
`;
const sysmon = (id: number, image: string) =>
  JSON.stringify(
    { Event: { System: { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: id }, EventData: { Image: image } } },
    null,
    2,
  );

let dir = '';
async function run(argv: string[], stdin?: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const input = stdin === undefined ? {} : { stdin: Readable.from(stdin.map((s) => Buffer.from(s))) };
  const code = await matchCommand(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, isTTY: false, ...input });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-match-'));
  mkdirSync(join(dir, 'rules', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'rules', 'whoami.yml'), RULE);
  writeFileSync(join(dir, 'rules', 'sub', 'calc.yaml'), OTHER);
  // two pretty-printed events one after the other, as in SigmaHQ's regression data
  writeFileSync(join(dir, 'events.json'), `${sysmon(1, 'C:\\Windows\\System32\\whoami.exe')}\n${sysmon(1, 'C:\\Windows\\notepad.exe')}\n`);
  writeFileSync(join(dir, 'registry.jsonl'), `${JSON.stringify(JSON.parse(sysmon(13, 'C:\\Windows\\System32\\whoami.exe')))}\n`);
  writeFileSync(join(dir, 'broken.json'), '{"a": ');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sigmaform match', () => {
  it('shows a status line on a terminal stderr while the pairs go elsewhere, and clears it; none otherwise', async () => {
    const line = (i: number) => JSON.stringify({ Image: i % 2 ? 'C:\\Windows\\System32\\whoami.exe' : 'C:\\a.exe', n: i });
    writeFileSync(join(dir, 'long.jsonl'), Array.from({ length: 30_000 }, (_, i) => line(i)).join('\n') + '\n');
    const shown = async (stderrIsTTY: boolean, isTTY: boolean): Promise<{ out: string; err: string }> => {
      let out = '';
      let err = '';
      await matchCommand(['-r', 'rules', 'long.jsonl', '--jsonl', '--ignore-logsource'], {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        cwd: dir,
        isTTY,
        stderrIsTTY,
      });
      return { out, err };
    };
    const terminal = await shown(true, false);
    const CLEAR = '\r\x1b[K';
    expect(terminal.err.startsWith(CLEAR)).toBe(true);
    expect(terminal.err.slice(CLEAR.length)).toMatch(/^sigmaform match: [\d,]+ events \([\d,]+\/s\), [\d,]+ matches; reading long\.jsonl/);
    expect(terminal.err.endsWith(CLEAR)).toBe(true);
    expect(terminal.out.split('\n').filter(Boolean)).toHaveLength(15_000);
    // Piped stderr, or results on the same terminal: no status line.
    for (const [stderrIsTTY, isTTY] of [
      [false, false],
      [true, true],
    ] as const)
      expect((await shown(stderrIsTTY, isTTY)).err).toBe('');
  });

  it('a live stream on stdin (`tail -f … | sigmaform match -`): an event is matched and written before the next arrives', async () => {
    const line = JSON.stringify({ Image: 'C:\\Windows\\System32\\whoami.exe' }) + '\n';
    let out = '';
    let firstSeen = (): void => undefined;
    const first = new Promise<boolean>((done) => (firstSeen = () => done(true)));
    const waited: boolean[] = [];
    const stdin = (async function* () {
      yield line;
      // The second event comes only once the first one's match is out (or after 5 s: then the test fails).
      waited.push(await Promise.race([first, new Promise<boolean>((done) => setTimeout(() => done(false), 5000))]));
      yield line;
    })();
    const code = await matchCommand(['-r', join(dir, 'rules', 'whoami.yml'), '-', '--jsonl'], {
      stdout: (t) => {
        out += t;
        if (out.includes('"index":0')) firstSeen();
      },
      stderr: () => undefined,
      cwd: dir,
      isTTY: false,
      stdin,
    });
    expect(code).toBe(0);
    expect(waited).toEqual([true]);
    expect(out.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('prints every pair for one rule, with the matched selections', async () => {
    const { code, out } = await run(['rules/whoami.yml', 'events.json']);
    expect(code).toBe(0);
    expect(out).toContain('MATCH     rules/whoami.yml  events.json#0  [selection]');
    expect(out).toContain('no match  rules/whoami.yml  events.json#1');
    expect(out).toContain('1 match (1 rule × 2 events, 2 pairs)');
  });

  it('--logsource: events that do not say their log source are taken to be it; what an event says is kept', async () => {
    const flat = [
      JSON.stringify({ Image: 'C:\\Windows\\System32\\whoami.exe' }),
      JSON.stringify({ Image: 'C:\\Windows\\System32\\whoami.exe', host: { os: { type: 'linux' } } }),
    ];
    writeFileSync(join(dir, 'flat.jsonl'), `${flat.join('\n')}\n${JSON.stringify(JSON.parse(sysmon(13, 'C:\\whoami.exe')))}\n`);
    writeFileSync(
      join(dir, 'net.yml'),
      String.raw`title: Net
logsource:
    category: network_connection
    product: windows
detection:
    selection:
        Image|endswith: '\whoami.exe'
    condition: selection
`,
    );
    const pairs = async (extra: string[]) => {
      const { code, out } = await run(['--jsonl', '-r', 'rules/whoami.yml', '-r', 'net.yml', 'flat.jsonl', ...extra]);
      expect(code).toBe(0);
      return out
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const { rule, index } = JSON.parse(l) as { rule: string; index: number };
          return `${rule}#${index}`;
        });
    };
    // Without: a flat event meets every rule nothing in it contradicts (the network rule too); the linux event
    // says its product; the Sysmon registry event says its category.
    expect(await pairs([])).toEqual(['rules/whoami.yml#0', 'net.yml#0']);
    expect(await pairs(['--logsource', 'product=windows,category=process_creation'])).toEqual(['rules/whoami.yml#0']);
    expect(await pairs(['--logsource', 'category=network_connection', '--loop'])).toEqual(['net.yml#0']);
  });

  it('matches the events of a SIEM export as they come: Elasticsearch hits (-p ecs_windows), Splunk export records', async () => {
    const hit = {
      _index: 'logs-windows.sysmon_operational-default',
      _id: 'x',
      _source: {
        winlog: { channel: 'Microsoft-Windows-Sysmon/Operational', event_id: '1' },
        process: { executable: 'C:\\Windows\\System32\\whoami.exe' },
      },
    };
    const record = { preview: false, offset: 0, result: { Image: 'C:\\Windows\\System32\\whoami.exe' } };
    writeFileSync(join(dir, 'es-hits.jsonl'), `${JSON.stringify(hit)}\n`);
    writeFileSync(join(dir, 'splunk-export.jsonl'), `${JSON.stringify(record)}\n`);
    expect((await run(['-p', 'ecs_windows', 'rules/whoami.yml', 'es-hits.jsonl'])).out).toContain('1 match (1 rule × 1 event, 1 pair)');
    expect((await run(['rules/whoami.yml', 'splunk-export.jsonl'])).out).toContain('1 match (1 rule × 1 event, 1 pair)');
  });

  it('says "1 pair" in the summary of one rule over one event', async () => {
    const { code, out } = await run(['rules/whoami.yml', 'registry.jsonl']);
    expect(code).toBe(0);
    expect(out).toContain('0 matches (1 rule × 1 event, 1 pair)');
  });

  it('--jsonl prints one object per pair, with the selections that matched', async () => {
    const { code, out } = await run(['--jsonl', 'rules/whoami.yml', 'events.json', 'registry.jsonl']);
    expect(code).toBe(0);
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { rule: 'rules/whoami.yml', event: 'events.json', index: 0, match: true, selections: ['selection'] },
      { rule: 'rules/whoami.yml', event: 'events.json', index: 1, match: false, selections: [] },
      { rule: 'rules/whoami.yml', event: 'registry.jsonl', index: 0, match: false, selections: [] },
    ]);
  });

  it('honours the logsource unless --ignore-logsource', async () => {
    expect((await run(['rules/whoami.yml', 'registry.jsonl'])).out).toContain('logsource');
    const { out } = await run(['--jsonl', '--ignore-logsource', 'rules/whoami.yml', 'registry.jsonl']);
    expect(JSON.parse(out)).toMatchObject({ match: true });
  });

  it('-r takes folders recursively and prints only matching pairs, unless --all', async () => {
    const only = await run(['--jsonl', '-r', 'rules', 'events.json']);
    expect(
      only.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ rule: 'rules/whoami.yml', event: 'events.json', index: 0, match: true, selections: ['selection'] }]);
    const all = await run(['--jsonl', '--all', '-r', 'rules/sub', '-r', 'rules/whoami.yml', 'events.json']);
    expect(all.out.trim().split('\n')).toHaveLength(4);
  });

  it('reports a broken events file on stderr, evaluates the rest and exits 1', async () => {
    const { code, out, err } = await run(['rules/whoami.yml', 'broken.json', 'missing.json', 'events.json']);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\.json:1:1: .*unterminated/);
    expect(err).toMatch(/missing\.json/);
    expect(out).toContain('events.json#0');
  });

  it('reads events from standard input (-) as they come, in pieces cut anywhere, and goes on past a bad event', async () => {
    const text = `${JSON.stringify(JSON.parse(sysmon(1, 'C:\\Windows\\whoami.exe')))}\n{"broken": }\n[${sysmon(1, 'C:\\WINDOWS\\WHOAMI.EXE')}]`;
    const pieces = [text.slice(0, 7), text.slice(7, 90), text.slice(90)];
    const { code, out, err } = await run(['--jsonl', '-r', 'rules', '-'], pieces);
    expect(code).toBe(1);
    expect(err).toMatch(/-:2:1: .*malformed JSON event/);
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { rule: 'rules/whoami.yml', event: '-', index: 0, match: true, selections: ['selection'] },
      { rule: 'rules/whoami.yml', event: '-', index: 2, match: true, selections: ['selection'] },
    ]);
  });

  it('--loop (the reference loop) prints what the engine prints', async () => {
    const args = ['--jsonl', '--all', '-r', 'rules', 'events.json', 'registry.jsonl'];
    expect((await run([...args, '--loop'])).out).toBe((await run(args)).out);
  });

  it('--stats reports on stderr the rules, the events and the matches of the run, and where the time went', async () => {
    const { code, out, err } = await run(['-r', 'rules', 'events.json', 'registry.jsonl', '--jsonl', '--stats']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1); // whoami on the Sysmon 1 event only
    expect(err).toMatch(
      /^sigmaform match: 2 rules loaded in [\d.]+ s, 2 compiled in [\d.]+ s; 3 events read and matched in [\d.]+ s \([\d,-]+ events\/s, 1 thread\), 1 match; peak memory \d+ MiB\n$/,
    );
  });

  it('--cache keeps the loaded rules in a file, and a second run takes them from it with the same results', async () => {
    const args = ['-r', 'rules', 'events.json', '--jsonl', '--cache', '--cache-location', 'match.cache'];
    const first = await run(args);
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'match.cache'))).toBe(true);
    const second = await run(args);
    expect(second).toEqual(first);
    expect(first.out).toMatch(/whoami\.yml/);
    expect((await run(['-r', 'rules', 'events.json', '--cache-location', 'x'])).code).toBe(2); // goes with --cache
  });

  it('is a usage error without events, and prints help', async () => {
    expect((await run(['rules/whoami.yml'])).code).toBe(2);
    expect((await run(['-r', 'rules'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/linear-time/);
  });
});
