/** Streaming events (src/eval/stream.ts): the same events as parseEvents, whatever the pieces the text comes in. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEventSplitter, splitEvents } from '../../src/eval/stream.js';
import { parseEvents } from '../../src/eval/events.js';
import type { SigmaError } from '../../src/errors.js';

function inPieces(text: string, cuts: readonly number[], file?: string, onError?: (e: SigmaError) => void): unknown[] {
  const splitter = createEventSplitter(file, onError);
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: unknown[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    out.push(...splitter.push(text.slice(from, p)));
    from = p;
  }
  splitter.end();
  return out;
}

const jsonObject = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', 'é', '\n', ' ') }),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
  ),
  { maxKeys: 4 },
);

describe('streaming events', () => {
  it('reads JSON lines, an array and pretty-printed objects one after another, cut anywhere, as parseEvents does', () => {
    fc.assert(
      fc.property(
        fc.array(jsonObject, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('lines', 'array', 'pretty', 'commas'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (events, layout, cuts) => {
          const text =
            layout === 'lines'
              ? events.map((e) => JSON.stringify(e)).join('\n') + '\n'
              : layout === 'array'
                ? JSON.stringify(events, null, 1)
                : layout === 'pretty'
                  ? events.map((e) => JSON.stringify(e, null, 2)).join('\n')
                  : events.map((e) => JSON.stringify(e)).join(',\n');
          expect(inPieces(text, cuts)).toEqual(events);
          expect(parseEvents(text)).toEqual(events);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reads values cut into pieces of one to three characters: escapes and backslash runs span pieces', () => {
    fc.assert(
      fc.property(
        fc.array(jsonObject, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('lines', 'pretty'),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }),
        (events, layout, sizes) => {
          const text = events.map((e) => (layout === 'lines' ? JSON.stringify(e) : JSON.stringify(e, null, 2))).join('\n') + '\n';
          const cuts: number[] = [];
          for (let at = 0, k = 0; at < text.length; k++) cuts.push((at += sizes[k % sizes.length] as number));
          expect(inPieces(text, cuts)).toEqual(events);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('reports a malformed event with its line and column and goes on with the next one', () => {
    const errors: SigmaError[] = [];
    const events = inPieces('{"a": 1}\n{"b": tru}\n{"c": 3}\n  [[1], {"d": 4}]\n', [3, 12, 17], 'x.jsonl', (e) => errors.push(e));
    expect(events).toEqual([{ a: 1 }, { c: 3 }, { d: 4 }]);
    expect(errors.map((e) => e.format())).toEqual([
      expect.stringMatching(/^x\.jsonl:2:1: .*malformed JSON event/),
      expect.stringMatching(/^x\.jsonl:4:4: .*must be a JSON object, not an array/),
    ]);
  });

  it('reads JSON lines a line at a time and still counts lines: a bad event after many good ones is located', () => {
    const errors: SigmaError[] = [];
    const good = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ n: i, s: 'x}\\"' }));
    const text = [...good, '{"n": 1000, "bad": }', ...good.slice(0, 2), JSON.stringify({ last: true }, null, 2), ''].join('\n');
    const events = inPieces(text, [5000, 20000], 'z.jsonl', (e) => errors.push(e));
    expect(events).toHaveLength(1003);
    expect(events[1002]).toEqual({ last: true });
    expect(errors.map((e) => e.format())).toEqual([expect.stringMatching(/^z\.jsonl:1001:1: .*malformed JSON event/)]);
  });

  it('gives the events before text that is no JSON, then stops with its located error', () => {
    const splitter = createEventSplitter('w.jsonl', () => undefined);
    expect(splitter.push('{"a": 1}\n{"b": }\nnot json\n{"c": 3}\n')).toEqual([{ a: 1 }]);
    expect(() => splitter.end()).toThrow(/^expected a JSON object or array, found 'not json'/);
    const items = createEventSplitter('w.jsonl').pushItems('{"a": 1}\n{"b": }\nnot json');
    expect(items.map((i) => (i.error === undefined ? i.event : i.error.format()))).toEqual([
      { a: 1 },
      expect.stringMatching(/^w\.jsonl:2:1: .*malformed JSON event/),
    ]);
  });

  it('stops with a located error on text that is no JSON object, and on an event cut short', () => {
    const failure = (text: string): string => {
      try {
        splitEvents(text, 'y.json');
      } catch (e) {
        return (e as SigmaError).format();
      }
      return 'no error';
    };
    expect(failure('{"a": 1}\nhello')).toMatch(/^y\.json:2:1: .*expected a JSON object or array, found 'hello'/);
    expect(failure('{"a": 1}\n{"b": ')).toMatch(/^y\.json:2:1: .*unterminated/);
  });

  it('holds only the event being read: a long run of events leaves no text behind', () => {
    const splitter = createEventSplitter();
    let n = 0;
    const line = JSON.stringify({ CommandLine: 'x'.repeat(1000) }) + '\n';
    for (let i = 0; i < 2000; i++) n += splitter.push(line.slice(0, 400)).length + splitter.push(line.slice(400)).length;
    splitter.end();
    expect(n).toBe(2000);
  });
});
