import { describe, expect, it } from 'vitest';
import { TABLES_JSON, hasKustoReference, skipNote } from '../support/kusto/reference.js';
import { cleanColumnName, kustoScalarType, readKustoSchema } from '../support/kusto/schema.js';

describe('kustoScalarType', () => {
  it('maps Kusto type names used by the Defender XDR docs', () => {
    expect(kustoScalarType('string')).toBe('string');
    expect(kustoScalarType('long')).toBe('long');
    expect(kustoScalarType('int')).toBe('int');
    expect(kustoScalarType('bool')).toBe('bool');
    expect(kustoScalarType('boolean')).toBe('bool');
    expect(kustoScalarType('datetime')).toBe('datetime');
    expect(kustoScalarType('dynamic')).toBe('dynamic');
    expect(kustoScalarType('real')).toBe('real');
  });

  it('maps ASIM logical types, strings by default', () => {
    expect(kustoScalarType('Integer')).toBe('int');
    expect(kustoScalarType('Long')).toBe('long');
    expect(kustoScalarType('Boolean')).toBe('bool');
    expect(kustoScalarType('Date/Time')).toBe('datetime');
    expect(kustoScalarType('DateTime')).toBe('datetime');
    expect(kustoScalarType('Latitude')).toBe('real');
    expect(kustoScalarType('Enumerated')).toBe('string');
    expect(kustoScalarType('IP Address')).toBe('string');
    expect(kustoScalarType('SHA256')).toBe('string');
    expect(kustoScalarType('')).toBe('string');
    expect(kustoScalarType('-')).toBeUndefined();
  });
});

describe('cleanColumnName', () => {
  it('strips whitespace and markdown residue, rejects non-columns', () => {
    expect(cleanColumnName('TargetProcessCommandLine')).toBe('TargetProcessCommandLine');
    expect(cleanColumnName(' InitiatingProcessVersionInfoInternalFileName')).toBe('InitiatingProcessVersionInfoInternalFileName');
    expect(cleanColumnName('Timestamp` [*](#mdi-only)')).toBe('Timestamp');
    expect(cleanColumnName('Dvc fields')).toBeUndefined();
  });
});

describe.skipIf(!hasKustoReference())(`readKustoSchema${skipNote()}`, () => {
  it('reads both databases of tables.json with typed columns', () => {
    const schema = readKustoSchema(TABLES_JSON);
    expect(Object.keys(schema).sort()).toEqual(['microsoft_xdr', 'sentinel_asim']);
    expect(schema.sentinel_asim?.imProcessCreate?.TargetProcessCommandLine).toBe('string');
    expect(schema.sentinel_asim?.imNetworkSession?.DstPortNumber).toBe('int');
    expect(schema.microsoft_xdr?.DeviceProcessEvents?.ProcessId).toBe('long');
    expect(schema.microsoft_xdr?.IdentityInfo?.Timestamp).toBe('datetime');
    expect(Object.keys(schema.sentinel_asim?.imProcessCreate ?? {})).not.toContain('Dvc fields');
  });
});
