import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKustoAnalyzer } from '../support/kusto/analyzer.js';
import { SHARED_DIR, TABLES_JSON, hasKustoReference, skipNote } from '../support/kusto/reference.js';

/** The "KQL (Azure Sentinel)" block of the seed page that carries the Export-Certificate rule. */
function seedSentinelQuery(): string {
  const seeds = join(SHARED_DIR, 'seeds');
  for (const file of readdirSync(seeds)) {
    const text = readFileSync(join(seeds, file), 'utf8');
    const block = /KQL \(Azure Sentinel\)\n\n([\s\S]*?)\n\n/.exec(text)?.[1];
    if (block?.includes('Export-PfxCertificate')) return block;
  }
  throw new Error('seed with the Export-Certificate KQL not found');
}

describe.skipIf(!hasKustoReference())(`createKustoAnalyzer${skipNote()}`, () => {
  const analyzer = hasKustoReference() ? createKustoAnalyzer(TABLES_JSON) : undefined;
  const diagnose = (query: string, database?: string) => analyzer!.diagnose(query, database ? { database } : {});

  it('accepts the seed imProcessCreate query with zero errors', () => {
    const query = seedSentinelQuery();
    expect(query.startsWith('imProcessCreate\n| where ')).toBe(true);
    expect(diagnose(query, 'sentinel_asim')).toEqual([]);
    expect(diagnose(query)).toEqual([]);
  });

  it('rejects comparing a long column with a string, and accepts a long literal', () => {
    const bad = 'DeviceProcessEvents\n| where ProcessId =~ "4"';
    const errors = diagnose(bad, 'microsoft_xdr');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      severity: 'error',
      message: "The operator '=~' is not defined for the operand types long and string.",
    });
    expect(bad.slice(errors[0]!.start, errors[0]!.end)).toBe('=~');
    expect(diagnose('DeviceProcessEvents\n| where ProcessId contains "4"', 'microsoft_xdr')).toHaveLength(1);
    expect(diagnose('DeviceProcessEvents\n| where ProcessId == 4', 'microsoft_xdr')).toEqual([]);
  });

  it('rejects an int ASIM column used with the string operator in~', () => {
    const errors = diagnose('imNetworkSession\n| where DstPortNumber in~ ("22", "3389")', 'sentinel_asim');
    expect(errors[0]?.message).toBe('A value of type string or dynamic expected.');
  });

  it('rejects a bool column compared with a string', () => {
    const errors = diagnose('DeviceProcessEvents\n| where IsProcessRemoteSession =~ "true"', 'microsoft_xdr');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('rejects an unknown column at its position', () => {
    const query = 'imProcessCreate\n| where NoSuchColumn contains "x"';
    const errors = diagnose(query, 'sentinel_asim');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBeDefined();
    expect(query.slice(errors[0]!.start, errors[0]!.end)).toBe('NoSuchColumn');
  });

  it('rejects an unknown table', () => {
    const query = 'NoSuchTable\n| where TargetProcessCommandLine contains "x"';
    const errors = diagnose(query, 'sentinel_asim');
    expect(errors.length).toBeGreaterThan(0);
    expect(query.slice(errors[0]!.start, errors[0]!.end)).toBe('NoSuchTable');
  });

  it('scopes tables to the chosen database, and sees every table by default', () => {
    const xdr = 'DeviceProcessEvents\n| where ProcessCommandLine contains "x"';
    expect(diagnose(xdr, 'microsoft_xdr')).toEqual([]);
    expect(diagnose(xdr, 'sentinel_asim').length).toBeGreaterThan(0);
    expect(diagnose(xdr)).toEqual([]);
    expect(() => diagnose(xdr, 'nope')).toThrow(/unknown database 'nope'/);
  });

  it('rejects a deliberately broken string literal', () => {
    const unterminated = diagnose('imProcessCreate\n| where TargetProcessCommandLine contains "a\\"', 'sentinel_asim');
    expect(unterminated.length).toBeGreaterThan(0);
    const badEscape = diagnose('imProcessCreate\n| where TargetProcessCommandLine contains "a\\qb"', 'sentinel_asim');
    expect(badEscape.length).toBeGreaterThan(0);
  });

  it('rejects a bare string used as a where predicate', () => {
    const errors = diagnose('imWebSession\n| where ".git/"', 'sentinel_asim');
    expect(errors[0]?.message).toBe('The expression must have the type bool.');
  });

  it('reports only the requested severities', () => {
    const query = 'imProcessCreate\n| where NoSuchColumn contains "x"';
    expect(analyzer!.diagnose(query, { database: 'sentinel_asim', severities: ['warning'] })).toEqual([]);
    expect(analyzer!.diagnose(query, { database: 'sentinel_asim', severities: ['error'] })).toHaveLength(1);
  });

  it('diagnoses a typical query in milliseconds once built', () => {
    const query = seedSentinelQuery();
    const started = performance.now();
    for (let i = 0; i < 20; i++) diagnose(query, 'sentinel_asim');
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});
