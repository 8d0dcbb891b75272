/**
 * matchFiles (src/node/match-run.ts): events files cut into batches evaluated out of order elsewhere give the
 * same output, in the same order, as the one-thread splitter reading the file: JSON lines, lines that are not
 * one value (which make the file be read on value by value), arrays, pretty-printed objects, bad values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rule/load.js';
import { compileEngine } from '../../src/eval/engine.js';
import { indexEvent } from '../../src/eval/fields.js';
import { createEventSplitter, type SplitItem } from '../../src/eval/stream.js';
import type { Matcher } from '../../src/eval/match.js';
import {
  evaluateBatch,
  formatPair,
  matchFiles,
  type BatchEvaluator,
  type BatchPool,
  type BatchResult,
  type EventBatch,
  MatchWorkers,
} from '../../src/node/match-run.js';
import type { SigmaRule } from '../../src/rule/ast.js';
import { toSigmaError } from '../../src/errors.js';

const RULE = String.raw`title: Whoami
logsource:
    product: windows
detection:
    selection:
        Image|endswith: '\whoami.exe'
    condition: selection
`;
const rules = loadRules(RULE, 'whoami.yml').documents.filter((d) => d.kind === 'rule');
const engine = compileEngine(rules);
const evaluator: BatchEvaluator = { fired: engine.matches, matcher: engine.matcher, names: ['whoami.yml'] };
const format = { jsonl: true, all: false };

const event = (i: number): string =>
  JSON.stringify({ Channel: 'Security', EventID: 4688, Image: i % 3 === 0 ? 'C:\\Windows\\whoami.exe' : `C:\\x\\${i}.exe` });

/** What the one-thread splitter reads from `text`, evaluated: the printed pairs and the errors, in order. */
function reference(text: string, file: string): { out: string; errors: string[] } {
  let out = '';
  const errors: string[] = [];
  const splitter = createEventSplitter(file);
  let index = 0;
  const evaluate = (item: SplitItem): void => {
    const i = index++;
    if (item.error !== undefined) {
      errors.push(item.error.format());
      return;
    }
    const ev = indexEvent(item.event);
    for (const r of engine.matches(ev)) out += formatPair('whoami.yml', file, i, true, (engine.matcher(r) as Matcher)(ev), true);
  };
  try {
    for (let at = 0; at < text.length; at += 1000) for (const item of splitter.pushItems(text.slice(at, at + 1000))) evaluate(item);
    splitter.end();
  } catch (e) {
    errors.push(toSigmaError(e, { file }).format());
  }
  return { out, errors };
}

/** A pool that takes every other batch it is offered and answers after a few turns, out of order. */
function slowPool(seed: number): BatchPool {
  let n = seed;
  let wake: (() => void) | undefined;
  let taken = 0;
  return {
    offer(batch: EventBatch): Promise<BatchResult> | undefined {
      n = (n * 1103515245 + 12345) % 2147483648;
      if (n % 2 === 0 || taken >= 3) return undefined;
      taken++;
      const turns = n % 5;
      return new Promise((resolve) => {
        const answer = (left: number): void => {
          if (left > 0) {
            setImmediate(() => answer(left - 1));
            return;
          }
          taken--;
          resolve(evaluateBatch(batch, evaluator, format));
          setImmediate(() => wake?.());
        };
        answer(turns);
      });
    },
    message: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-match-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(file: string, pool?: BatchPool): Promise<{ out: string; errors: string[]; events: number }> {
  let out = '';
  const errors: string[] = [];
  const { events } = await matchFiles([file], {
    cwd: dir,
    evaluator,
    format,
    ...(pool ? { workers: pool } : {}),
    write: (t) => (out += t),
    error: (e) => errors.push(e.format()),
  });
  return { out, errors, events };
}

const lines = (n: number, at: Record<number, string> = {}): string =>
  Array.from({ length: n }, (_, i) => at[i] ?? event(i)).join('\n') + '\n';

const CASES: Record<string, string> = {
  'JSON lines': lines(300),
  'JSON lines with blank lines, CRLF and a last line without a newline':
    lines(200, { 10: '', 70: '  ,', 130: event(130) + '\r' }) + event(999),
  'a malformed line': lines(300, { 150: '{"Image": }' }),
  'two objects on a line': lines(300, { 100: `${event(1)} ${event(3)}` }),
  'an object going on past its line (valid JSON)': lines(300, {
    140: '{"Channel": "Security", "x": {"y": 1}',
    141: ', "Image": "C:\\\\whoami.exe"}',
  }),
  'an unbalanced line that swallows the next ones': lines(300, { 90: '{"Image": "C:\\\\whoami.exe}' }),
  'text after a value': lines(300, { 200: `${event(3)} garbage` }),
  'a pretty-printed array': JSON.stringify(
    Array.from({ length: 150 }, (_, i) => JSON.parse(event(i)) as unknown),
    null,
    2,
  ),
  'a line that is not an object, after lines': lines(120, { 80: '[1, 2]' }),
  'unterminated at the end': lines(100) + '{"Image": "x"',
  'a scalar in an array': `[${event(3)}, 5, ${event(6)}]`,
  'an array on one line': `[${Array.from({ length: 300 }, (_, i) => event(i)).join(',')}]`,
  'objects one after another on one line longer than a line is kept whole (1 MiB)': Array.from({ length: 14_000 }, (_, i) => event(i)).join(
    '',
  ),
};

describe('matchFiles', () => {
  for (const [name, text] of Object.entries(CASES))
    it(`gives the one-thread splitter's pairs and errors, in order, for ${name}, whoever evaluates the batches`, async () => {
      const file = `${name.replace(/\W+/g, '-')}.jsonl`;
      writeFileSync(join(dir, file), text);
      const expected = reference(text, file);
      const alone = await run(file);
      expect(alone.out).toBe(expected.out);
      expect(alone.errors).toEqual(expected.errors);
      for (const seed of [1, 2, 3, 4]) {
        const shared = await run(file, slowPool(seed));
        expect(shared.out).toBe(expected.out);
        expect(shared.errors).toEqual(expected.errors);
        expect(shared.events).toBe(alone.events);
      }
      expect(expected.out).not.toBe('');
    });

  it('keeps for the correlation pass the events the rules it needs fire on, or every event without `keep`', async () => {
    const file = 'kept.jsonl';
    writeFileSync(join(dir, file), Array.from({ length: 300 }, (_, i) => event(i)).join('\n') + '\n');
    const keptWith = async (keep?: Uint8Array) => {
      const kept: { index: number }[] = [];
      await matchFiles([file], {
        cwd: dir,
        evaluator,
        format,
        kept: kept as never,
        ...(keep ? { keep } : {}),
        write: () => undefined,
        error: () => undefined,
      });
      return kept.map((k) => k.index);
    };
    // Every third event is whoami's: those alone, at their positions in the file.
    expect(await keptWith(Uint8Array.of(1))).toEqual(Array.from({ length: 100 }, (_, k) => 3 * k));
    expect(await keptWith(Uint8Array.of(0))).toEqual([]);
    expect(await keptWith()).toHaveLength(300);
  });

  it('reports an event it cannot index (too deep) where it starts in the file, in lines and in values', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const asLines = evaluateBatch(
      { kind: 'lines', file: 'f.jsonl', lines: [event(1), `  ${JSON.stringify(deep)}`], firstLine: 7, firstIndex: 0 },
      evaluator,
      format,
    );
    expect(asLines.errors.map((e) => [e.file, e.line, e.column, e.message.slice(0, 25)])).toEqual([
      ['f.jsonl', 8, 3, 'event nests deeper than 6'],
    ]);
    const asValues = evaluateBatch(
      { kind: 'values', file: 'f.json', values: [{ text: JSON.stringify(deep), line: 3, column: 5 }], firstIndex: 4 },
      evaluator,
      format,
    );
    expect(asValues.errors.map((e) => [e.line, e.column])).toEqual([[3, 5]]);
  });

  it('numbers the events of a batch of lines from its first position, skipping blank lines', () => {
    const result = evaluateBatch(
      { kind: 'lines', file: 'f', lines: [event(3), '', event(6)], firstLine: 10, firstIndex: 7 },
      evaluator,
      format,
    );
    expect(
      result.out
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { index: number }).index),
    ).toEqual([7, 8]);
    expect(result.resync).toBeUndefined();
  });

  it('stops a batch of lines at a line that is not one whole value, with the position its value would have', () => {
    const result = evaluateBatch(
      { kind: 'lines', file: 'f', lines: [event(3), `${event(3)} ${event(3)}`, event(6)], firstLine: 1, firstIndex: 0 },
      evaluator,
      format,
    );
    expect(result.resync).toEqual({ at: 1, index: 1 });
    expect(result.events).toBe(1);
  });
});

describe('MatchWorkers', () => {
  it('evaluates on this thread the batches a worker held when it fails, so no event is lost', async () => {
    // A worker that says it is ready, then dies with the batches it was given (one or two) unanswered.
    const script = join(dir, 'failing-worker.mjs');
    writeFileSync(
      script,
      [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort.on('message', (m) => {",
        '  if (m.rules !== undefined) { parentPort.postMessage({ ready: 1 }); return; }',
        '  setTimeout(() => process.exit(1), 20);',
        '});',
      ].join('\n'),
    );
    const workers = MatchWorkers.start({ ignoreLogsource: false, format }, 1, script) as MatchWorkers;
    workers.load([{ name: 'whoami.yml', rule: rules[0] as SigmaRule }]);
    // Wait until it is ready (it answers the rules at once).
    await new Promise((r) => setTimeout(r, 500));
    const file = 'failing.jsonl';
    const text = lines(2_000);
    writeFileSync(join(dir, file), text);
    const shared = await run(file, workers);
    await workers.close();
    const expected = reference(text, file);
    expect(shared.out).toBe(expected.out);
    expect(shared.errors).toEqual(expected.errors);
    expect(shared.events).toBe(2_000);
  }, 20_000);
});
