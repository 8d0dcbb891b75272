/** CSV events (src/eval/csv.ts): a SIEM's export of a search's results, RFC 4180, read piece by piece. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCsvReader, parseCsvEvents } from '../../src/eval/csv.js';
import { SigmaError } from '../../src/errors.js';
import { runMatch } from './cli-run.js';

describe('CSV events', () => {
  it('names the fields by the header; quotes, doubled quotes, commas and line breaks inside quotes (RFC 4180)', () => {
    const text = [
      'TimeGenerated,DeviceName,ProcessCommandLine,FolderPath',
      '2026-12-04T10:00:00Z,pc1,"cmd.exe /c ""whoami, /all""",C:\\Windows\\System32\\cmd.exe',
      '2026-12-04T10:01:00Z,pc2,"powershell -c ""a""',
      'b",C:\\x.exe',
    ].join('\r\n');
    expect(parseCsvEvents(text, 'x.csv')).toEqual([
      {
        TimeGenerated: '2026-12-04T10:00:00Z',
        DeviceName: 'pc1',
        ProcessCommandLine: 'cmd.exe /c "whoami, /all"',
        FolderPath: 'C:\\Windows\\System32\\cmd.exe',
      },
      { TimeGenerated: '2026-12-04T10:01:00Z', DeviceName: 'pc2', ProcessCommandLine: 'powershell -c "a"\r\nb', FolderPath: 'C:\\x.exe' },
    ]);
  });

  it('an empty cell is an absent field; cells past the header are column<N>; blank lines and a byte-order mark are skipped', () => {
    expect(parseCsvEvents('\uFEFFa,b\n\n1,,3\n,2\n')).toEqual([{ a: '1', column3: '3' }, { b: '2' }]);
  });

  it('says where each record starts, across pieces and CRLF split between them', () => {
    const reader = createCsvReader('x.csv');
    const got = [...reader.push('a,b\r'), ...reader.push('\n1,"x\ny"\r'), ...reader.push('\n2,z'), ...reader.end()];
    expect(got.map((r) => [r.line, JSON.parse(r.text)])).toEqual([
      [2, { a: '1', b: 'x\ny' }],
      [4, { a: '2', b: 'z' }],
    ]);
  });

  it('reports a quoted field the text ends inside, at its record', () => {
    const reader = createCsvReader('x.csv');
    reader.push('a,b\n1,"never closed\n');
    expect(() => reader.end()).toThrow(SigmaError);
    expect(() => createCsvReader('y.csv').end()).not.toThrow();
    const r = createCsvReader('x.csv');
    r.push('a\n"x');
    let error: unknown;
    try {
      r.end();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SigmaError);
    expect((error as SigmaError).format()).toBe('x.csv:2:1: unterminated quoted CSV field (the text ends inside it)');
  });

  it('gives the same events however the text is cut into pieces (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), fc.nat(), (rows, seed) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = ['x,y', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
        const whole = parseCsvEvents(text);
        const reader = createCsvReader();
        const pieces: string[] = [];
        for (let at = 0, k = seed; at < text.length; k++) {
          const n = 1 + (k % 5);
          pieces.push(text.slice(at, at + n));
          at += n;
        }
        const cut = [...pieces.flatMap((p) => reader.push(p)), ...reader.end()].map((r) => JSON.parse(r.text) as unknown);
        expect(cut).toEqual(whole);
        // Each row's cells come back, empty ones absent.
        expect(whole).toEqual(rows.map((r) => Object.fromEntries(r.flatMap((c, k) => (c === '' ? [] : [[k === 0 ? 'x' : 'y', c]])))));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('`match -p microsoft_xdr` reads a Defender XDR export (.csv) as rows of the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-csv-'));
    try {
      writeFileSync(
        join(dir, 'rule.yml'),
        "title: whoami\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\whoami.exe'}\n  condition: sel\n",
      );
      writeFileSync(
        join(dir, 'export.csv'),
        'Timestamp,DeviceName,FolderPath,ProcessCommandLine\n2026-12-04T10:00:00Z,pc1,C:\\Windows\\System32\\whoami.exe,whoami /all\n2026-12-04T10:00:01Z,pc1,C:\\Windows\\notepad.exe,notepad\n',
      );
      const { code, out } = await runMatch(['-p', 'microsoft_xdr', 'rule.yml', 'export.csv'], dir);
      expect(code).toBe(0);
      expect(out).toContain('MATCH     rule.yml  export.csv#0');
      expect(out).toContain('no match  rule.yml  export.csv#1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
