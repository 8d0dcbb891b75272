/**
 * The ES|QL dialect, one behaviour per test: Sigma semantics (case-insensitive unless cased, two-valued `not`,
 * typed numbers, cidr, exists, fieldref, keywords), field quoting, FROM index patterns, the formats and the pack.
 * Each query is also checked with the grammar checker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter, loadPipelineYaml } from '../../../src/index.js';
import { esqlBackend } from '../../../backends/esql/index.js';
import { HAS_SHARED, SHARED } from '../../support/corpus.js';
import { parseEsql } from '../../support/esql/validate.js';

const rule = (detection: string, logsource = '{category: process_creation, product: windows}') =>
  `title: T\nid: 0f3c8a39-64c8-4a7e-9b7a-2a4b0d6b2f11\nlogsource: ${logsource}\ndetection:\n${detection}\n`;

function esql(detection: string, options: Record<string, unknown> = {}, logsource?: string): string {
  const r = createConverter({ target: 'esql', pipelines: ['ecs_windows'], options }).text(rule(detection, logsource), 't.yml');
  if (!r.ok) throw r.error;
  const q = r.queries[0] as string;
  expect(parseEsql(q), q).toMatchObject({ ok: true });
  return q;
}
const where = (detection: string, options?: Record<string, unknown>, logsource?: string) =>
  esql(detection, options, logsource).replace(/^FROM .*? METADATA _id, _index, _version \| WHERE /, '');

describe('ES|QL: Sigma semantics', () => {
  it('matches case-insensitively through TO_LOWER with a lower-cased literal', () => {
    expect(where('  sel: {Image|endswith: "\\\\PowerShell.EXE"}\n  condition: sel')).toBe(
      'TO_LOWER(process.executable) LIKE "*\\\\\\\\powershell.exe"',
    );
  });
  it('cased: compares as written, no TO_LOWER', () => {
    expect(where('  sel: {CommandLine|cased: "Invoke-X"}\n  condition: sel')).toBe('process.command_line == "Invoke-X"');
  });
  it('text without cased letters (an IP address) is compared directly, usable on ip fields', () => {
    expect(where('  sel: {DestinationIp: "10.1.2.3"}\n  condition: sel', {}, '{category: network_connection, product: windows}')).toBe(
      'destination.ip == "10.1.2.3"',
    );
  });
  it('a not keeps events without the field (COALESCE(…, false)), as Sigma’s two-valued not does', () => {
    expect(where('  sel: {Image|endswith: "\\\\a.exe"}\n  f: {ParentImage|endswith: "\\\\b.exe"}\n  condition: sel and not f')).toBe(
      'TO_LOWER(process.executable) LIKE "*\\\\\\\\a.exe" AND NOT COALESCE(TO_LOWER(process.parent.executable) LIKE "*\\\\\\\\b.exe", false)',
    );
  });
  it('numbers: text on keyword fields (event.code), numbers on ECS numeric fields (destination.port)', () => {
    expect(where('  sel: {EventID: 4688}\n  condition: sel', {}, '{product: windows, service: security}')).toBe(
      'TO_LOWER(winlog.channel) == "security" AND event.code == "4688"',
    );
    expect(where('  sel: {DestinationPort: [445, 139]}\n  condition: sel', {}, '{category: network_connection, product: windows}')).toBe(
      'destination.port IN (445, 139)',
    );
  });
  it('lt/gte compare numbers: TO_DOUBLE on a non-numeric field', () => {
    expect(where('  sel: {EventID|gte: 4000}\n  condition: sel', {}, '{product: windows, service: security}')).toContain(
      'TO_DOUBLE(event.code) >= 4000',
    );
  });
  it('cidr through CIDR_MATCH, exists through IS [NOT] NULL, null through IS NULL', () => {
    expect(
      where('  sel: {DestinationIp|cidr: "10.0.0.0/8"}\n  condition: sel', {}, '{category: network_connection, product: windows}'),
    ).toBe('CIDR_MATCH(destination.ip, "10.0.0.0/8")');
    expect(where('  sel: {CommandLine|exists: true, User|exists: false, ParentImage: null}\n  condition: sel')).toBe(
      'process.command_line IS NOT NULL AND user.name IS NULL AND process.parent.executable IS NULL',
    );
  });
  it('fieldref compares the two values as lower-cased strings', () => {
    expect(where('  sel: {Image|fieldref: ParentImage}\n  condition: sel')).toBe(
      'TO_LOWER(TO_STRING(process.executable)) == TO_LOWER(TO_STRING(process.parent.executable))',
    );
  });
  it('keywords search the message field (or keywordField)', () => {
    expect(where('  keywords: [Mimikatz]\n  condition: keywords')).toBe('TO_LOWER(message) LIKE "*mimikatz*"');
    expect(where('  keywords: [Mimikatz]\n  condition: keywords', { keywordField: 'event.original' })).toBe(
      'TO_LOWER(event.original) LIKE "*mimikatz*"',
    );
  });
  it('re|i spells letters in both cases; RLIKE gets a whole-value Lucene regex', () => {
    expect(where("  sel: {CommandLine|re|i: 'ab\\d'}\n  condition: sel")).toBe('process.command_line RLIKE ".*[aA][bB][0-9].*"');
  });
  it('an unresolved placeholder is refused with its name', () => {
    expect(() => esql('  sel: {User|expand: "%admins%"}\n  condition: sel')).toThrow(/placeholder '%admins%'/);
  });
});

describe('ES|QL: names and FROM', () => {
  it('quotes field names that are not plain identifiers or are keywords', () => {
    const r = createConverter({ target: 'esql' }).text(
      rule('  sel: {c-uri: a, "Event ID": b, x.by: c, _x: d, "a`b": e}\n  condition: sel'),
      't.yml',
    );
    expect(r.ok && r.queries[0]).toBe(
      'FROM winlogbeat-*, logs-* METADATA _id, _index, _version | WHERE TO_LOWER(`c-uri`) == "a" AND TO_LOWER(`Event ID`) == "b" AND TO_LOWER(`x.by`) == "c" AND TO_LOWER(_x) == "d" AND TO_LOWER(`a``b`) == "e"',
    );
    expect(parseEsql((r.ok && r.queries[0]) || '')).toMatchObject({ ok: true });
  });
  it('FROM takes -O index (comma-separated), else the pipeline state index, else the pack default', () => {
    expect(esql('  sel: {Image: a}\n  condition: sel', { index: 'logs-windows.*,winlogbeat-*' })).toMatch(
      /^FROM logs-windows\.\*, winlogbeat-\* METADATA/,
    );
    const pipeline = loadPipelineYaml(
      `name: idx\npriority: 10\ntransformations:\n  - type: set_state\n    key: index\n    val: [logs-endpoint.events.*, logs-windows.*]\n`,
    );
    const r = createConverter({ target: 'esql', pipelines: ['ecs_windows', pipeline] }).text(
      rule('  sel: {Image: a}\n  condition: sel'),
      't.yml',
    );
    expect(r.ok && r.queries[0]).toMatch(/^FROM logs-endpoint\.events\.\*, logs-windows\.\* METADATA/);
    expect(esql('  sel: {Image: a}\n  condition: sel')).toMatch(/^FROM winlogbeat-\*, logs-\* METADATA _id, _index, _version \| WHERE /);
  });
  it('an unknown pipeline is named with each known pipeline once (ecs_windows serves eql and esql)', () => {
    expect(() => createConverter({ target: 'esql', pipelines: ['nope'] })).toThrow(/known: (?!.*ecs_windows.*ecs_windows)/);
  });
  it('refuses an index pattern FROM cannot take', () => {
    expect(() => esql('  sel: {Image: a}\n  condition: sel', { index: 'bad index' })).toThrow(/index pattern 'bad index'/);
  });
  it('registers as esql with ecs_windows (shared with eql) and the formats default and siem_rule_ndjson', () => {
    expect(esqlBackend.name).toBe('esql');
    expect(Object.keys(esqlBackend.pipelines)).toEqual(['ecs_windows']);
    expect(Object.keys(esqlBackend.formats)).toEqual(['default', 'siem_rule_ndjson']);
  });
});

describe.skipIf(!HAS_SHARED)('ES|QL rules for Kibana', () => {
  const exported = readFileSync(join(SHARED, 'formats/elastic/kibana-export.custom-consolidated-rules.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"language":"esql"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('the grammar checker accepts the ES|QL query of Kibana’s own export', () => {
    expect(exported.length).toBeGreaterThan(0);
    for (const r of exported) expect(parseEsql(r.query as string), r.query as string).toMatchObject({ ok: true });
  });

  it('siem_rule_ndjson: type and language esql, no index, only fields a Kibana esql rule has', () => {
    const r = createConverter({ target: 'esql', pipelines: ['ecs_windows'], format: 'siem_rule_ndjson' }).text(
      readFileSync('examples/rules/proc_creation_win_powershell_export_certificate.yml', 'utf8'),
      'x.yml',
    );
    expect(r.ok).toBe(true);
    const doc = JSON.parse((r.ok && r.queries[0]) || '{}') as Record<string, unknown>;
    expect([doc.type, doc.language, 'index' in doc]).toEqual(['esql', 'esql', false]);
    const allowed = new Set(exported.flatMap((e) => Object.keys(e)));
    expect(Object.keys(doc).filter((k) => !allowed.has(k))).toEqual([]);
    expect(parseEsql(doc.query as string)).toMatchObject({ ok: true });
  });
});
