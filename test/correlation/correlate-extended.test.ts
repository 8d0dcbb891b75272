/**
 * correlate() on extended conditions, chains and the median/percentile types: synthetic event streams whose
 * expected windows are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../src/rule/load.js';
import { correlate } from '../../src/eval/correlate.js';
import type { SigmaCorrelation, SigmaDocument } from '../../src/rule/ast.js';

const RECON = `title: A
name: recon_a
logsource: {product: windows, category: process_creation}
detection:
  sel: {CommandLine|contains: whoami}
  condition: sel
---
title: B
name: recon_b
logsource: {product: windows, category: process_creation}
detection:
  sel: {CommandLine|contains: ipconfig}
  condition: sel
---
title: C
name: recon_c
logsource: {product: windows, category: process_creation}
detection:
  sel: {CommandLine|contains: net user}
  condition: sel
`;

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
const ms = (minute: number) => Date.parse(at(minute));
const cmd = (minute: number, User: string, CommandLine: string) => ({ '@timestamp': at(minute), User, CommandLine });

// alice: whoami, ipconfig. bob: ipconfig, net user. carol: whoami, net user. dave: ipconfig then whoami.
const RECON_STREAM = [
  cmd(0, 'alice', 'whoami'), // 0
  cmd(1, 'alice', 'ipconfig /all'), // 1
  cmd(2, 'bob', 'ipconfig'), // 2
  cmd(3, 'bob', 'net user admin'), // 3
  cmd(4, 'carol', 'whoami /priv'), // 4
  cmd(5, 'carol', 'net user'), // 5
  cmd(6, 'dave', 'ipconfig'), // 6
  cmd(7, 'dave', 'whoami'), // 7
];

function correlationOf(base: string, correlation: string): { c: SigmaCorrelation; docs: readonly SigmaDocument[] } {
  const docs = loadRules(`${base}---\ntitle: Correlation\n${correlation}`).documents;
  return { c: docs[docs.length - 1] as SigmaCorrelation, docs };
}

const run = (type: string, condition: string) => {
  const { c, docs } = correlationOf(
    RECON,
    `correlation:\n  type: ${type}\n  group-by: [User]\n  timespan: 5m\n  condition: ${condition}\n`,
  );
  return correlate(c, RECON_STREAM, { documents: docs, ignoreLogsource: true });
};

describe('correlate: extended conditions', () => {
  it("temporal 'recon_a and recon_b and not recon_c': alice and dave (any order), not bob (no a) nor carol (has c)", () => {
    expect(run('temporal', 'recon_a and recon_b and not recon_c')).toEqual([
      { group: { User: 'alice' }, start: ms(0), end: ms(1), events: [0, 1], value: 2 },
      { group: { User: 'dave' }, start: ms(6), end: ms(7), events: [6, 7], value: 2 },
    ]);
  });

  it("temporal 'recon_a or recon_c': the rules are the ones the condition names, so ipconfig is no event of it", () => {
    expect(run('temporal', 'recon_a or recon_c').map((h) => [h.group.User, h.events])).toEqual([
      ['alice', [0]],
      ['bob', [3]],
      ['carol', [4, 5]],
      ['dave', [7]],
    ]);
  });

  it("temporal_ordered 'recon_a and recon_b and not recon_c': alice (whoami, then ipconfig), not dave (the other order)", () => {
    expect(run('temporal_ordered', 'recon_a and recon_b and not recon_c')).toEqual([
      { group: { User: 'alice' }, start: ms(0), end: ms(1), events: [0, 1], value: 2 },
    ]);
  });

  it("temporal_ordered with 'or': the named rules that are present must be in order", () => {
    // alice: whoami then ipconfig, in order. bob and carol: net user in every window. dave: the window from 6 min
    // has ipconfig before whoami (out of order); the window from 7 min has whoami alone, which satisfies the condition.
    expect(run('temporal_ordered', '(recon_a or recon_b) and not recon_c').map((h) => [h.group.User, h.events])).toEqual([
      ['alice', [0, 1]],
      ['dave', [7]],
    ]);
  });
});

const LOGONS = readFileSync(join(import.meta.dirname, 'fixtures', 'failed-then-successful.yml'), 'utf8');
const logon = (minute: number, User: string, EventID: number) => ({ '@timestamp': at(minute), User, EventID });

describe('correlate: a two-level chain (the specification example, 3 failures instead of 10)', () => {
  // alice: 3 failures, then success 2 minutes later. bob: 2 failures only. carol: success first, then 3 failures.
  const STREAM = [
    logon(0, 'alice', 4625), // 0
    logon(1, 'alice', 4625), // 1
    logon(2, 'alice', 529), // 2 (the Windows 2003 id of a failure)
    logon(4, 'alice', 4624), // 3
    logon(0, 'bob', 4625), // 4
    logon(1, 'bob', 4625), // 5
    logon(3, 'bob', 4624), // 6
    logon(0, 'carol', 4624), // 7
    logon(1, 'carol', 4625), // 8
    logon(2, 'carol', 4625), // 9
    logon(3, 'carol', 4625), // 10
  ];
  const docs = loadRules(LOGONS.replace('gte: 10', 'gte: 3')).documents;
  const outer = docs[0] as SigmaCorrelation;
  const inner = docs[1] as SigmaCorrelation;

  it('the inner event_count fires for alice (from 0 min) and carol (from 1 min)', () => {
    expect(correlate(inner, STREAM, { documents: docs, ignoreLogsource: true })).toEqual([
      { group: { User: 'alice' }, start: ms(0), end: ms(2), events: [0, 1, 2], value: 3 },
      { group: { User: 'carol' }, start: ms(1), end: ms(3), events: [8, 9, 10], value: 3 },
    ]);
  });

  it("the outer temporal_ordered fires for alice only: carol's success came before her failures", () => {
    expect(correlate(outer, STREAM, { documents: docs, ignoreLogsource: true })).toEqual([
      { group: { User: 'alice' }, start: ms(0), end: ms(4), events: [0, 1, 2, 3], value: 2 },
    ]);
  });

  it('refuses a group-by field that the inner correlation does not have', () => {
    const other = loadRules(
      LOGONS.replace(
        '    group-by:\n        - User\n    timespan: 10m\nfalsepositives',
        '    group-by:\n        - Host\n    timespan: 10m\nfalsepositives',
      ),
    ).documents;
    expect(() => correlate(other[0] as SigmaCorrelation, STREAM, { documents: other, ignoreLogsource: true })).toThrow(
      /uses field 'Host' of 'multiple_failed_login', a correlation that groups only by User/,
    );
  });
});

describe('correlate: value_median and value_percentile (nearest rank)', () => {
  const BYTES = `title: Upload
name: upload
logsource: {product: windows, category: network_connection}
detection:
  sel: {DestinationPort: 443}
  condition: sel
`;
  // host h1 sends 40, 10, 30, 20 bytes within 3 minutes: sorted 10 20 30 40.
  const STREAM = [40, 10, 30, 20].map((Bytes, i) => ({ '@timestamp': at(i), Computer: 'h1', DestinationPort: 443, Bytes }));
  const value = (type: string, condition: string) => {
    const { c, docs } = correlationOf(
      BYTES,
      `correlation:\n  type: ${type}\n  rules: [upload]\n  group-by: [Computer]\n  timespan: 10m\n  condition: ${condition}\n`,
    );
    return correlate(c, STREAM, { documents: docs, ignoreLogsource: true }).map((h) => h.value);
  };
  it('the median of 10 20 30 40 is 20 (rank ⌈0.5·4⌉ = 2)', () => {
    expect(value('value_median', '{field: Bytes, gte: 20}')).toEqual([20]);
    expect(value('value_median', '{field: Bytes, gt: 20}')).toEqual([]);
  });
  it('the 75th percentile of 10 20 30 40 is 30 (rank ⌈0.75·4⌉ = 3)', () => {
    expect(value('value_percentile', '{field: Bytes, percentile: 75, gte: 30}')).toEqual([30]);
    expect(value('value_percentile', '{field: Bytes, percentile: 75, gt: 30}')).toEqual([]);
  });
});
