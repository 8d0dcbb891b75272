/**
 * A converted query reads one table (`DeviceFileEvents | where …`); a row of another table never meets it, even
 * when it has the same columns (`FolderPath` is in DeviceFileEvents and DeviceProcessEvents). Rows exported from
 * Microsoft Sentinel / Log Analytics say their table in `Type`: `match -p` and `test -p` route them so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { ruleFromText } from './helpers.js';
import { createConverter } from '../../src/convert.js';
import { getNamedPipeline } from '../../src/backend.js';
import { compilePipelineMatcher } from '../../src/eval/pipeline.js';
import { runMatch, runTest } from './cli-run.js';

const RULE = [
  'title: exe dropped',
  'logsource: {product: windows, category: file_event}',
  'detection:',
  "  sel: {TargetFilename|endswith: '\\evil.exe'}",
  '  condition: sel',
].join('\n');
const rule = () => ruleFromText(RULE, 'drop.yml');
const PATH = 'C:\\Users\\a\\evil.exe';

describe('rows are routed by the table they say they come from (Type)', () => {
  it('microsoft_xdr: the query reads DeviceFileEvents; a DeviceProcessEvents row with the same FolderPath never matches', () => {
    expect(createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] }).rule(rule()).queries[0]).toMatch(/^DeviceFileEvents\n/);
    const m = compilePipelineMatcher(rule(), getNamedPipeline(undefined, 'microsoft_xdr'));
    expect(m.test({ Type: 'DeviceFileEvents', FolderPath: PATH })).toBe(true);
    expect(m.test({ Type: 'DeviceProcessEvents', FolderPath: PATH })).toBe(false);
    expect(m({ Type: 'DeviceProcessEvents', FolderPath: PATH })).toEqual({ match: false, selections: [] });
    // A row that does not say its table meets the rule.
    expect(m.test({ FolderPath: PATH })).toBe(true);
  });

  it('sentinel_asim: an ASIM parser (imFileEvent) reads rows that keep their source table, so Type does not route', () => {
    const query = createConverter({ target: 'kusto', pipelines: ['sentinel_asim'] }).rule(rule()).queries[0] as string;
    expect(query).toMatch(/^imFileEvent\n/);
    const column = /where (\w+) endswith/.exec(query)?.[1] as string;
    const m = compilePipelineMatcher(rule(), getNamedPipeline(undefined, 'sentinel_asim'));
    expect(m.test({ Type: 'DeviceFileEvents', [column]: PATH })).toBe(true);
    expect(m.test({ Type: 'SecurityEvent', [column]: PATH })).toBe(true);
  });

  it('sentinel_asim: a row that says its ASIM schema (EventSchema, EventType) meets only the parser that returns it', () => {
    const proc = ruleFromText(
      "title: whoami\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\whoami.exe'}\n  condition: sel\n",
      'whoami.yml',
    );
    expect(createConverter({ target: 'kusto', pipelines: ['sentinel_asim'] }).rule(proc).queries[0]).toMatch(/^imProcessCreate\n/);
    const m = compilePipelineMatcher(proc, getNamedPipeline(undefined, 'sentinel_asim'));
    const row = (extra: Record<string, string>) => ({ TargetProcessName: 'C:\\Windows\\System32\\whoami.exe', ...extra });
    expect(m.test(row({}))).toBe(true);
    expect(m.test(row({ EventSchema: 'ProcessEvent', EventType: 'ProcessCreated', Type: 'SecurityEvent' }))).toBe(true);
    expect(m.test(row({ EventSchema: 'ProcessEvent', EventType: 'ProcessTerminated' }))).toBe(false);
    expect(m.test(row({ EventSchema: 'FileEvent', EventType: 'FileCreated' }))).toBe(false);
  });

  it('`match -p` (engine and --loop) and its correlations leave a row of another table out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-table-'));
    try {
      writeFileSync(
        join(dir, 'drop.yml'),
        `${RULE.replace('title: exe dropped', 'title: exe dropped\nname: drop')}\n---\ntitle: two drops\ncorrelation:\n  type: event_count\n  rules: [drop]\n  group-by: [Computer]\n  timespan: 5m\n  condition: {gte: 2}\n`,
      );
      const row = (minute: number, type: string) =>
        JSON.stringify({ Type: type, Timestamp: `2026-12-04T10:0${minute}:00Z`, DeviceName: 'pc1', FolderPath: PATH });
      writeFileSync(
        join(dir, 'rows.jsonl'),
        [row(0, 'DeviceFileEvents'), row(1, 'DeviceProcessEvents'), row(2, 'DeviceFileEvents')].join('\n') + '\n',
      );
      const run = async (extra: string[]) => {
        const { code, out } = await runMatch(['-p', 'microsoft_xdr', '-r', 'drop.yml', 'rows.jsonl', ...extra], dir);
        expect(code).toBe(0);
        return out;
      };
      for (const extra of [[], ['--loop']]) {
        const out = await run(extra);
        expect(out).toContain('MATCH     drop.yml  rows.jsonl#0');
        expect(out).not.toContain('rows.jsonl#1');
        expect(out).toContain('MATCH     drop.yml  rows.jsonl#2');
        // The window holds the two DeviceFileEvents rows only.
        expect(out).toMatch(
          /CORRELATION {2}two drops {2}drop\.yml {2}event_count DeviceName="pc1" .* value 2\n {4}rows\.jsonl#0\n {4}rows\.jsonl#2\n/,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('`--table T`: what rows that do not say their table are', () => {
  const proc = () =>
    ruleFromText(
      "title: whoami\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\whoami.exe'}\n  condition: sel\n",
      'whoami.yml',
    );

  it('microsoft_xdr: a row without Type is a row of T; a row that says its Type keeps it', () => {
    const xdr = getNamedPipeline(undefined, 'microsoft_xdr');
    const as = (table: string) => compilePipelineMatcher(rule(), xdr, { table });
    expect(as('DeviceFileEvents').test({ FolderPath: PATH })).toBe(true);
    expect(as('DeviceProcessEvents').test({ FolderPath: PATH })).toBe(false);
    expect(as('DeviceProcessEvents').test({ Type: 'DeviceFileEvents', FolderPath: PATH })).toBe(true);
    expect(as('DeviceFileEvents').test({ Type: 'DeviceProcessEvents', FolderPath: PATH })).toBe(false);
    // Rows an ASIM parser returned are normalized: a query that reads a Defender table directly never sees them.
    expect(as('imFileEvent').test({ FolderPath: PATH })).toBe(false);
  });

  it('sentinel_asim: rows without EventSchema are what the parser T returns; raw rows of a table are not', () => {
    const asim = getNamedPipeline(undefined, 'sentinel_asim');
    const as = (table: string) => compilePipelineMatcher(proc(), asim, { table });
    const row = { TargetProcessName: 'C:\\Windows\\System32\\whoami.exe' };
    expect(as('imProcessCreate').test(row)).toBe(true);
    // imProcessTerminate returns the same schema's ProcessTerminated rows; imFileEvent another schema.
    expect(as('imProcessTerminate').test(row)).toBe(false);
    expect(as('imFileEvent').test(row)).toBe(false);
    expect(as('DeviceProcessEvents').test(row)).toBe(false);
    // What a row says of itself wins over --table.
    expect(as('imFileEvent').test({ ...row, EventSchema: 'ProcessEvent', EventType: 'ProcessCreated' })).toBe(true);
    expect(as('imProcessCreate').test({ ...row, EventType: 'ProcessTerminated' })).toBe(false);
  });

  it('`match` (engine, --loop, correlations) and `test` take --table; without -p, or with a name that is not one, it is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-table-'));
    try {
      writeFileSync(
        join(dir, 'drop.yml'),
        `${RULE.replace('title: exe dropped', 'title: exe dropped\nname: drop')}\n---\ntitle: two drops\ncorrelation:\n  type: event_count\n  rules: [drop]\n  group-by: [Computer]\n  timespan: 5m\n  condition: {gte: 2}\n`,
      );
      const row = (minute: number) => JSON.stringify({ Timestamp: `2026-12-04T10:0${minute}:00Z`, DeviceName: 'pc1', FolderPath: PATH });
      writeFileSync(join(dir, 'rows.jsonl'), [row(0), row(1)].join('\n') + '\n');
      writeFileSync(join(dir, 'drop-only.yml'), RULE);
      for (const extra of [[], ['--loop']]) {
        const files = await runMatch(['-p', 'microsoft_xdr', '--table', 'DeviceFileEvents', '-r', 'drop.yml', 'rows.jsonl', ...extra], dir);
        expect(files.code).toBe(0);
        expect(files.out).toContain('MATCH     drop.yml  rows.jsonl#1');
        expect(files.out).toMatch(/CORRELATION {2}two drops .* value 2\n/);
        const procs = await runMatch(
          ['-p', 'microsoft_xdr', '--table', 'DeviceProcessEvents', '-r', 'drop.yml', 'rows.jsonl', ...extra],
          dir,
        );
        expect(procs.code).toBe(0);
        expect(procs.out).not.toContain('MATCH');
        expect(procs.out).not.toContain('CORRELATION');
        // No loaded rule reads that table: said once, as a warning.
        expect(procs.err.match(/warning: --table DeviceProcessEvents: no rule's query reads that table .*DeviceFileEvents/g)).toHaveLength(
          1,
        );
      }
      // Rows that do not say their table and fire rules of several tables' queries: a warning suggests --table.
      writeFileSync(
        join(dir, 'proc.yml'),
        "title: calc\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\evil.exe'}\n  condition: sel\n",
      );
      for (const extra of [[], ['--loop']]) {
        const both = await runMatch(['-p', 'microsoft_xdr', '-r', 'proc.yml', '-r', 'drop-only.yml', 'rows.jsonl', ...extra], dir);
        expect(both.out).toContain('MATCH     proc.yml  rows.jsonl#0');
        expect(
          both.err.match(/warning: 2 events fired rules but do not say their table \(no Type or EventSchema column\).*give --table T/g),
        ).toHaveLength(1);
        const chosen = await runMatch(
          ['-p', 'microsoft_xdr', '--table', 'DeviceFileEvents', '-r', 'proc.yml', '-r', 'drop-only.yml', 'rows.jsonl', ...extra],
          dir,
        );
        expect(chosen.err).toBe('');
        // One table's rules only: where the rows come from changes nothing.
        const one = await runMatch(['-p', 'microsoft_xdr', '-r', 'drop-only.yml', 'rows.jsonl', ...extra], dir);
        expect(one.err).toBe('');
      }
      writeFileSync(join(dir, 'typed.jsonl'), JSON.stringify({ Type: 'DeviceFileEvents', FolderPath: PATH }) + '\n');
      expect((await runMatch(['-p', 'microsoft_xdr', '-r', 'proc.yml', '-r', 'drop-only.yml', 'typed.jsonl'], dir)).err).toBe('');
      const usage = async (argv: string[], message: RegExp) => {
        const r = await runMatch([...argv, '-r', 'drop.yml', 'rows.jsonl'], dir);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(message);
      };
      await usage(['--table', 'DeviceFileEvents'], /--table .*give it with -p/);
      // A pipeline whose queries read no table (EQL searches an index): said, not silently ignored.
      const ecs = await runMatch(['-p', 'ecs_windows', '--table', 'DeviceFileEvents', '-r', 'drop-only.yml', 'rows.jsonl'], dir);
      expect(ecs.code).toBe(0);
      expect(ecs.err).toMatch(/warning: --table DeviceFileEvents: the queries of this pipeline read no table .* changes nothing/);
      await usage(['-p', 'microsoft_xdr', '--table', 'Device File'], /--table takes a table name .* not 'Device File'/);
      // `test`: a test file of rows that must and must not fire, as Advanced Hunting exports them (no Type).
      writeFileSync(
        join(dir, 'drop.test.yml'),
        ['rule: drop-only.yml', 'tests:', '  - name: an exe written', '    match: true', `    event: {FolderPath: '${PATH}'}`].join('\n') +
          '\n',
      );
      const procs = await runTest(['-p', 'microsoft_xdr', '--table', 'DeviceProcessEvents', 'drop.test.yml'], dir);
      expect(procs.code, procs.out).toBe(1);
      const files = await runTest(['-p', 'microsoft_xdr', '--table', 'DeviceFileEvents', 'drop.test.yml'], dir);
      expect(files.code, files.out).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
