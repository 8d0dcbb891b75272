import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rule/load.js';
import { correlate } from '../../src/eval/correlate.js';
import type { SigmaCorrelation, SigmaDocument } from '../../src/rule/ast.js';

const BASE = `title: Failed logon
name: failed_logon
logsource: {product: windows, service: security}
detection:
  sel: {EventID: 4625}
  condition: sel
---
title: Successful logon
name: successful_logon
logsource: {product: windows, service: security}
detection:
  sel: {EventID: 4624}
  condition: sel
`;

function setup(correlation: string): { c: SigmaCorrelation; docs: readonly SigmaDocument[] } {
  const docs = loadRules(`${BASE}---\ntitle: C\n${correlation}`).documents;
  return { c: docs[2] as SigmaCorrelation, docs };
}

const t = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();
const ev = (minute: number, EventID: number, User: string, extra: Record<string, unknown> = {}) => ({
  '@timestamp': t(minute),
  EventID,
  User,
  ...extra,
});

// A synthetic stream: alice fails 4 times within 3 minutes then logs on; bob fails twice, 20 minutes apart.
const STREAM = [
  ev(0, 4625, 'alice', { Workstation: 'w1' }),
  ev(1, 4625, 'alice', { Workstation: 'w2' }),
  ev(1, 4625, 'bob', { Workstation: 'w1' }),
  ev(2, 4625, 'alice', { Workstation: 'w2' }),
  ev(3, 4625, 'alice', { Workstation: 'w3' }),
  ev(4, 4624, 'alice', { Workstation: 'w3' }),
  ev(21, 4625, 'bob', { Workstation: 'w1' }),
];

describe('correlate (hand-computed expectations on a synthetic stream)', () => {
  it('event_count: alice has 4 failures within 5 minutes; bob never 2 within 5 minutes', () => {
    const { c, docs } = setup(
      'correlation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 5m\n  condition: {gte: 3}\n',
    );
    const hits = correlate(c, STREAM, { documents: docs, ignoreLogsource: true });
    expect(hits).toEqual([{ group: { User: 'alice' }, start: Date.parse(t(0)), end: Date.parse(t(3)), events: [0, 1, 3, 4], value: 4 }]);
  });
  it('event_count with a short timespan: no 3 failures within 1 minute', () => {
    const { c, docs } = setup(
      'correlation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 1m\n  condition: {gte: 3}\n',
    );
    expect(correlate(c, STREAM, { documents: docs, ignoreLogsource: true })).toEqual([]);
  });
  it('value_count: alice used 3 distinct workstations', () => {
    const { c, docs } = setup(
      'correlation:\n  type: value_count\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 10m\n  condition: {field: Workstation, gte: 3}\n',
    );
    const hits = correlate(c, STREAM, { documents: docs, ignoreLogsource: true });
    expect(hits.map((h) => [h.group.User, h.value])).toEqual([['alice', 3]]);
  });
  it('temporal: failures and a success of the same user within 5 minutes', () => {
    const { c, docs } = setup(
      'correlation:\n  type: temporal\n  rules: [failed_logon, successful_logon]\n  group-by: [User]\n  timespan: 5m\n',
    );
    const hits = correlate(c, STREAM, { documents: docs, ignoreLogsource: true });
    expect(hits.map((h) => [h.group.User, h.value, h.events])).toEqual([['alice', 2, [0, 1, 3, 4, 5]]]);
  });
  it('temporal_ordered: a success after a failure fires; the reverse order does not', () => {
    const ordered = setup(
      'correlation:\n  type: temporal_ordered\n  rules: [failed_logon, successful_logon]\n  group-by: [User]\n  timespan: 5m\n',
    );
    expect(correlate(ordered.c, STREAM, { documents: ordered.docs, ignoreLogsource: true }).map((h) => h.group.User)).toEqual(['alice']);
    const reversed = setup(
      'correlation:\n  type: temporal_ordered\n  rules: [successful_logon, failed_logon]\n  group-by: [User]\n  timespan: 5m\n',
    );
    expect(correlate(reversed.c, STREAM, { documents: reversed.docs, ignoreLogsource: true })).toEqual([]);
  });
  it('value_sum and value_avg aggregate a numeric field', () => {
    const stream = [ev(0, 4625, 'a', { Bytes: 10 }), ev(1, 4625, 'a', { Bytes: 30 }), ev(2, 4625, 'a', { Bytes: 50 })];
    const sum = setup(
      'correlation:\n  type: value_sum\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 5m\n  condition: {field: Bytes, gt: 80}\n',
    );
    expect(correlate(sum.c, stream, { documents: sum.docs, ignoreLogsource: true }).map((h) => h.value)).toEqual([90]);
    const avg = setup(
      'correlation:\n  type: value_avg\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 5m\n  condition: {field: Bytes, gte: 30}\n',
    );
    expect(correlate(avg.c, stream, { documents: avg.docs, ignoreLogsource: true }).map((h) => h.value)).toEqual([30]);
  });
  it('aliases map each rule to its own field for grouping', () => {
    const { c, docs } = setup(
      'correlation:\n  type: temporal\n  rules: [failed_logon, successful_logon]\n  aliases:\n    who:\n      failed_logon: TargetUserName\n      successful_logon: User\n  group-by: [who]\n  timespan: 5m\n',
    );
    const stream = [
      { '@timestamp': t(0), EventID: 4625, TargetUserName: 'carol' },
      { '@timestamp': t(1), EventID: 4624, User: 'carol' },
    ];
    expect(correlate(c, stream, { documents: docs, ignoreLogsource: true }).map((h) => h.group)).toEqual([{ who: 'carol' }]);
  });
  it('an event without a time is a clear error', () => {
    const { c, docs } = setup(
      'correlation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 5m\n  condition: {gte: 1}\n',
    );
    expect(() => correlate(c, [{ EventID: 4625, User: 'x' }], { documents: docs, ignoreLogsource: true })).toThrow(/no time/);
  });
});
