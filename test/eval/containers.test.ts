/**
 * Search API responses as events (src/eval/containers.ts): the rows of a Defender advanced hunting / Microsoft Graph
 * runHuntingQuery response, a Log Analytics query response, an Elasticsearch _search response and Splunk's search
 * results in JSON are the events, in `match`, `test`, parseEvents and the streaming splitter. The shapes are the
 * ones the APIs' documentation shows (learn.microsoft.com: "Advanced hunting API", "huntingQueryResults resource
 * type", "Azure Monitor Log Analytics API response format"; Elasticsearch's search API; Splunk's
 * search/jobs/{sid}/results with output_mode=json).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerRows, mayBeContainer, mayBecomeContainer } from '../../src/eval/containers.js';
import { parseEvents } from '../../src/eval/events.js';
import { splitEvents } from '../../src/eval/stream.js';
import { matchCommand } from '../../src/cli/commands/match.js';
import { runMatch, runTest } from './cli-run.js';

const WHOAMI = 'C:\\Windows\\System32\\whoami.exe';
const CALC = 'C:\\Windows\\System32\\calc.exe';

const DEFENDER = {
  Stats: { ExecutionTime: 0.0109, resourceUsage: { cpuTime: 0.0156 }, dataset: { queryEndTime: '2026-12-04T10:00:00Z' } },
  Schema: [
    { Name: 'Timestamp', Type: 'DateTime' },
    { Name: 'FolderPath', Type: 'String' },
    { Name: 'FileName', Type: 'String' },
  ],
  Results: [
    { Timestamp: '2026-12-04T10:00:00Z', FolderPath: WHOAMI, FileName: 'whoami.exe' },
    { Timestamp: '2026-12-04T10:01:00Z', FolderPath: CALC, FileName: 'calc.exe' },
    { Timestamp: '2026-12-04T10:02:00Z', FolderPath: WHOAMI, FileName: 'whoami.exe' },
  ],
};
const GRAPH = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults',
  schema: [{ name: 'FolderPath', type: 'String' }],
  results: [{ FolderPath: CALC }, { FolderPath: WHOAMI }],
};
const LOG_ANALYTICS = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Type', type: 'string' },
        { name: 'FolderPath', type: 'string' },
      ],
      rows: [
        ['2026-12-04T10:00:00Z', 'DeviceProcessEvents', WHOAMI],
        ['2026-12-04T10:00:01Z', 'DeviceFileEvents', WHOAMI],
      ],
    },
  ],
};
const ELASTIC = {
  took: 3,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: {
    total: { value: 2, relation: 'eq' },
    max_score: 1,
    hits: [
      { _index: 'logs-endpoint', _id: 'a', _score: 1, _source: { event: { category: 'process' }, process: { executable: WHOAMI } } },
      { _index: 'logs-endpoint', _id: 'b', _score: 1, _source: { event: { category: 'process' }, process: { executable: CALC } } },
    ],
  },
};
const ESQL = {
  took: 12,
  is_partial: false,
  columns: [
    { name: 'event.category', type: 'keyword' },
    { name: 'process.executable', type: 'keyword' },
    { name: 'process.command_line', type: 'keyword' },
  ],
  values: [
    ['process', CALC, null],
    ['process', WHOAMI, null],
  ],
};
const SPLUNK = {
  preview: false,
  init_offset: 0,
  messages: [],
  fields: [{ name: 'Image' }, { name: 'EventCode' }],
  results: [
    { Image: CALC, EventCode: '1' },
    { Image: WHOAMI, EventCode: '1' },
  ],
  highlighted: {},
};

describe('search API responses are read as their rows', () => {
  it('recognises each response by its whole shape, and gives its rows (Log Analytics cells named by the columns)', () => {
    expect(containerRows(DEFENDER)).toEqual({ kind: 'defender-hunting', rows: DEFENDER.Results });
    expect(containerRows(GRAPH)).toEqual({ kind: 'graph-hunting', rows: GRAPH.results });
    expect(containerRows(LOG_ANALYTICS)).toEqual({
      kind: 'log-analytics',
      rows: [
        { TimeGenerated: '2026-12-04T10:00:00Z', Type: 'DeviceProcessEvents', FolderPath: WHOAMI },
        { TimeGenerated: '2026-12-04T10:00:01Z', Type: 'DeviceFileEvents', FolderPath: WHOAMI },
      ],
    });
    expect(containerRows(ELASTIC)).toEqual({ kind: 'elasticsearch-search', rows: ELASTIC.hits.hits });
    // ES|QL: a null cell is an absent field (ES|QL returns null for a field a document does not have).
    expect(containerRows(ESQL)).toEqual({
      kind: 'esql',
      rows: [
        { 'event.category': 'process', 'process.executable': CALC },
        { 'event.category': 'process', 'process.executable': WHOAMI },
      ],
    });
    expect(containerRows(SPLUNK)).toEqual({ kind: 'splunk-results', rows: SPLUNK.results });
    for (const r of [DEFENDER, GRAPH, LOG_ANALYTICS, ELASTIC, ESQL, SPLUNK]) {
      expect(mayBeContainer(JSON.stringify(r))).toBe(true);
      expect(mayBeContainer(JSON.stringify(r, null, 2))).toBe(true);
    }
  });

  it('leaves events that only look like one as events (one key is not a shape)', () => {
    const events = [
      // A Splunk export record: one event a line, read through its `result` (fields.ts).
      { preview: false, offset: 0, lastrow: true, result: { Image: WHOAMI } },
      { tables: 'users', query: 'select' },
      { tables: [{ name: 'x' }] },
      { took: 5, hits: 3 },
      { Schema: 'v2', Results: 'ok' },
      { results: [{ a: 1 }] },
      { hits: { hits: [] } },
    ];
    for (const e of events) expect(containerRows(e), JSON.stringify(e)).toBeUndefined();
    expect(mayBeContainer(JSON.stringify(events[0]))).toBe(false);
    expect(mayBeContainer('{"EventID": 1, "Image": "x"}')).toBe(false);
  });

  it("tells from a value's first characters whether it may still become a response (a live stream is not held back)", () => {
    for (const start of ['', ' \n', '{', '{ \n ', '{"', '{"St', '{"Stats"', '{"Stats": {', '{"@odata.c', '{"preview":false,"offset"'])
      expect(mayBecomeContainer(start), start).toBe(true);
    for (const start of ['[', 'x', '{"Ev', '{"EventID": 1}', '{"Statistics"', '{"result": {'])
      expect(mayBecomeContainer(start), start).toBe(false);
  });

  it('parseEvents and the streaming splitter give the rows, in order, among other events', () => {
    const text = [JSON.stringify({ n: 1 }), JSON.stringify(DEFENDER, null, 2), JSON.stringify({ n: 2 })].join('\n');
    const expected = [{ n: 1 }, ...DEFENDER.Results, { n: 2 }];
    expect(parseEvents(text)).toEqual(expected);
    expect(splitEvents(text)).toEqual(expected);
    expect(parseEvents(JSON.stringify(LOG_ANALYTICS))).toHaveLength(2);
  });

  it('`match` numbers the rows as events, whether the response is pretty-printed, on one line, after JSON lines or on stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-containers-'));
    try {
      writeFileSync(
        join(dir, 'whoami.yml'),
        "title: whoami\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\whoami.exe'}\n  condition: sel\n",
      );
      const fired = async (file: string, text: string, extra: string[] = []): Promise<number[]> => {
        writeFileSync(join(dir, file), text);
        const r = await runMatch(['-r', 'whoami.yml', file, '--jsonl', ...extra], dir);
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        return r.out
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { index: number }).index);
      };
      const xdr = ['-p', 'microsoft_xdr', '--table', 'DeviceProcessEvents'];
      expect(await fired('ah.json', JSON.stringify(DEFENDER, null, 2), xdr)).toEqual([0, 2]);
      expect(await fired('ah-line.json', JSON.stringify(DEFENDER) + '\n', xdr)).toEqual([0, 2]);
      expect(await fired('graph.json', JSON.stringify(GRAPH), xdr)).toEqual([1]);
      // Rows that say their table (Type) are routed by it: the DeviceFileEvents row does not meet a process rule.
      expect(await fired('la.json', JSON.stringify(LOG_ANALYTICS), ['-p', 'microsoft_xdr'])).toEqual([0]);
      // Each hit is read as its _source (ECS).
      expect(await fired('es.json', JSON.stringify(ELASTIC, null, 2), ['-p', 'ecs_windows'])).toEqual([0]);
      expect(await fired('splunk.json', JSON.stringify(SPLUNK))).toEqual([1]);
      // ES|QL rows are ECS fields by their dotted names; `-p ecs_windows` reads them, streamed or parsed whole.
      expect(await fired('esql.json', JSON.stringify(ESQL, null, 2), ['-p', 'ecs_windows'])).toEqual([1]);
      expect(await fired('esql2.jsonl', `${JSON.stringify({ n: 1 })}\n${JSON.stringify(ESQL)}\n`, ['-p', 'ecs_windows'])).toEqual([2]);
      // A hit searched with `fields` (no _source): its fields, each a list of values.
      const hit = { _index: 'logs', _id: 'f', fields: { 'event.category': ['process'], 'process.executable': [WHOAMI] } };
      expect(await fired('fields.jsonl', JSON.stringify(hit) + '\n', ['-p', 'ecs_windows'])).toEqual([0]);
      // After two JSON lines events the response's two rows are events 2 and 3; the line after it is event 4.
      const line = JSON.stringify({ Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: WHOAMI });
      expect(await fired('mixed.jsonl', [line, line, JSON.stringify(SPLUNK), line].join('\n') + '\n')).toEqual([0, 1, 3, 4]);
      // A value that only starts like a response, longer than a piece read, after blank lines: one event, and the
      // lines after it keep their numbers.
      writeFileSync(join(dir, 'look.json'), `\n\n{"took": 5, "hits": 3, "pad": "${'x'.repeat(40_000)}"}\n{"Image": }\n`);
      const look = await runMatch(['-r', 'whoami.yml', 'look.json', '--jsonl', '--all'], dir);
      expect(look.out.split('\n').filter(Boolean)).toHaveLength(1);
      expect(look.err).toMatch(/^sigmaform match: look\.json:4:1: malformed JSON event/);
      // Standard input: the same.
      const stdin = (async function* () {
        yield JSON.stringify(DEFENDER).slice(0, 100);
        yield JSON.stringify(DEFENDER).slice(100);
      })();
      let out = '';
      const code = await matchCommand(['-r', 'whoami.yml', ...xdr, '-', '--jsonl'], {
        stdout: (t) => (out += t),
        stderr: () => undefined,
        cwd: dir,
        isTTY: false,
        stdin,
      });
      expect(code).toBe(0);
      expect(
        out
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { index: number }).index),
      ).toEqual([0, 2]);
      // A row that is not an object is a bad event, located where it is; the other rows are read.
      const badLine = '  ' + JSON.stringify({ ...SPLUNK, results: [{ Image: WHOAMI }, 'text'] });
      writeFileSync(join(dir, 'bad.json'), '\n\n' + badLine);
      const bad = await runMatch(['-r', 'whoami.yml', 'bad.json', '--jsonl'], dir);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain(`bad.json:3:${badLine.indexOf('"text"') + 1}: `);
      expect(bad.err).toMatch(/an event must be a JSON object, not string/);
      expect(bad.out.split('\n').filter(Boolean)).toHaveLength(1);
      // `test`: an events_file that is a response.
      writeFileSync(join(dir, 'ah-test.json'), JSON.stringify(DEFENDER));
      writeFileSync(
        join(dir, 'whoami.test.yml'),
        ['rule: whoami.yml', 'tests:', '  - name: a hunting export', '    events_file: ah-test.json', '    match_count: 2'].join('\n') +
          '\n',
      );
      const tested = await runTest(['-p', 'microsoft_xdr', 'whoami.test.yml'], dir);
      expect(tested.code, tested.out).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
