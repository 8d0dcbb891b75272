/**
 * The streaming walk over a search API response (src/eval/container-stream.ts): whatever the pieces the text comes
 * in, it gives the rows containerRows gives for the parsed response, each located where its text starts, and a
 * value that only starts like a response back whole.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createContainerWalker, type WalkedRow } from '../../src/eval/container-stream.js';
import { containerRows, laRow, mayBeContainer } from '../../src/eval/containers.js';
import type { SigmaError } from '../../src/errors.js';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '\n', ' ') });
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(text, scalar, { maxKeys: 3 }));
const row = fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), value, { maxKeys: 4 });

/** A response of each kind around `rows`, with what the APIs put beside them. */
const response = fc.oneof(
  fc.tuple(fc.array(row, { maxLength: 5 }), fc.dictionary(text, value, { maxKeys: 2 })).map(([rows, stats]) => ({
    Stats: stats,
    Schema: [{ Name: 'a', Type: 'String' }],
    Results: rows,
  })),
  fc.array(row, { maxLength: 5 }).map((rows) => ({ '@odata.context': 'x', schema: [{ name: 'a', type: 'String' }], results: rows })),
  fc.array(fc.array(scalar, { maxLength: 4 }), { maxLength: 5 }).map((rows) => ({
    tables: [{ name: 'PrimaryResult', columns: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], rows }],
  })),
  fc.array(row, { maxLength: 5 }).map((rows) => ({
    took: 1,
    timed_out: false,
    _shards: { total: 1 },
    hits: { total: { value: rows.length }, max_score: null, hits: rows.map((r, k) => ({ _index: 'i', _id: String(k), _source: r })) },
  })),
  fc.array(row, { maxLength: 5 }).map((rows) => ({ preview: false, init_offset: 0, messages: [], fields: [{ name: 'a' }], results: rows })),
  fc.array(fc.array(scalar, { maxLength: 4 }), { maxLength: 5 }).map((rows) => ({
    took: 3,
    is_partial: false,
    columns: [
      { name: 'process.name', type: 'keyword' },
      { name: 'b', type: 'long' },
      { name: 'c', type: 'keyword' },
    ],
    values: rows,
  })),
);

/** The walk over `body` cut at `cuts`: its rows (parsed, a table's cells named), the whole text if any, the end. */
function walk(body: string, cuts: readonly number[]): { rows: WalkedRow[]; whole?: string; end: number } {
  const walker = createContainerWalker('r.json', 1, 1);
  const points = [...new Set(cuts.map((c) => 1 + (c % body.length)))].sort((a, b) => a - b);
  const rows: WalkedRow[] = [];
  let from = 0;
  for (const p of [...points, body.length]) {
    if (p <= from) continue;
    const step = walker.push(body.slice(from, p));
    rows.push(...step.rows);
    if (step.end !== undefined) return { rows, ...(step.whole !== undefined ? { whole: step.whole } : {}), end: from + step.end };
    from = p;
  }
  walker.end();
  return { rows, end: body.length };
}

const parsed = (r: WalkedRow): unknown =>
  r.columns !== undefined ? laRow(r.columns, JSON.parse(r.text), r.absentNulls === true) : JSON.parse(r.text);

/** The text at a row's line and column. */
function at(body: string, r: WalkedRow): string {
  const lines = body.split('\n');
  const before = lines.slice(0, r.line - 1).join('\n').length + (r.line > 1 ? 1 : 0);
  return body.slice(before + r.column - 1, before + r.column - 1 + r.text.length);
}

describe('a search API response walked as it arrives', () => {
  it('gives the rows containerRows gives, each located where its text starts, whatever the pieces', () => {
    fc.assert(
      fc.property(response, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (r, pretty, cuts) => {
        const body = pretty ? JSON.stringify(r, null, 2) : JSON.stringify(r);
        expect(mayBeContainer(body)).toBe(true);
        const walked = walk(body + '\n{"next": 1}', cuts);
        expect(walked.whole).toBeUndefined();
        expect(walked.rows.map(parsed)).toEqual(containerRows(r)?.rows);
        for (const row of walked.rows) expect(at(body, row)).toBe(row.text);
        // It ends after the response's closing brace.
        expect(walked.end).toBe(body.length);
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it('gives the same rows from pieces of one to three characters (escapes and backslash runs span pieces)', () => {
    fc.assert(
      fc.property(response, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }), (r, sizes) => {
        const body = JSON.stringify(r);
        const cuts: number[] = [];
        for (let p = 0, k = 0; p < body.length; k++) cuts.push((p += sizes[k % sizes.length] as number));
        expect(walk(body, cuts).rows.map(parsed)).toEqual(containerRows(r)?.rows);
      }),
      { numRuns: 200, seed: 23 },
    );
  });

  it('gives a value that only starts like a response back whole, and nothing as rows', () => {
    const lookalikes = [
      { took: 5, hits: 3 },
      { took: 5, hits: { total: 1 } },
      { Schema: 'v2', Results: [{ a: 1 }] },
      { Stats: {}, Results: [{ a: 1 }] },
      { tables: [{ name: 't', rows: [[1]] }], extra: true },
      { preview: false, init_offset: 0, results: 'none' },
    ];
    for (const v of lookalikes) {
      const body = JSON.stringify(v, null, 1);
      for (const cuts of [[], [3], [1, 7, 20]]) {
        const walked = walk(body + '\n', cuts);
        // A table that names no columns still gives its rows, as they are (then reported as bad events).
        if ('tables' in v) expect(walked.rows.map((r) => JSON.parse(r.text) as unknown)).toEqual([[1]]);
        else {
          expect(walked.rows).toEqual([]);
          expect(walked.whole).toBe(body);
        }
      }
    }
  });

  it('reports a response cut short, and a response that is not JSON, where they are', () => {
    const failure = (body: string): string => {
      try {
        walk(body, []);
      } catch (e) {
        return (e as SigmaError).format();
      }
      return 'no error';
    };
    expect(failure('{"Schema": [], "Results": [{"a": 1}')).toMatch(/^r\.json:1:1: unterminated JSON value/);
    expect(failure('{"Schema": [], "Results": [{"a": 1}]\n x}')).toMatch(/^r\.json:2:2: malformed response: expected ',' or '}'/);
    expect(failure('{"took": 1, "columns": [{"name": "a"},], "values": [[1]]}')).toMatch(
      /^r\.json:1:39: malformed response: expected a JSON list of columns/,
    );
  });
});
