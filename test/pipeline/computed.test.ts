/**
 * Computed fields (src/pipeline/computed.ts): Sysmon's registry path, value data and DOMAIN\user rebuilt from the
 * columns Defender XDR / ASIM document, the same text for the evaluator as for the KQL `extend`.
 */
import { describe, expect, it } from 'vitest';
import { computeField, loadPipelineYaml, applyPipeline, postprocessQuery } from '../../src/pipeline/index.js';
import { sysmonAccount, sysmonDetails, sysmonTargetObject, type RegistryColumns } from '../../backends/kusto/pipelines/sysmon-fields.js';
import { kqlExpression } from '../../backends/kusto/computed.js';
import '../../backends/kusto/pipelines/index.js';
import { rule } from './helpers.js';

const XDR: RegistryColumns = {
  table: 'DeviceRegistryEvents',
  action: 'ActionType',
  key: 'RegistryKey',
  previousKey: 'PreviousRegistryKey',
  valueName: 'RegistryValueName',
  valueData: 'RegistryValueData',
  valueType: 'RegistryValueType',
  previousValueName: 'PreviousRegistryValueName',
};
const of = (row: Record<string, string>) => (c: string) => row[c];

describe('computed Sysmon fields', () => {
  // Sysmon's forms are those of SigmaHQ's regression events (EventID 12/13/14).
  it.each([
    [
      {
        ActionType: 'RegistryValueSet',
        RegistryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AeDebug',
        RegistryValueName: 'Debugger',
      },
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AeDebug\\Debugger',
    ],
    [
      {
        ActionType: 'RegistryValueSet',
        RegistryKey: 'HKEY_CURRENT_USER\\S-1-5-21-1\\Software\\Classes\\ms-settings\\Shell\\Open\\command',
        RegistryValueName: '',
      },
      'HKU\\S-1-5-21-1\\Software\\Classes\\ms-settings\\Shell\\Open\\command\\(Default)',
    ],
    [
      {
        ActionType: 'RegistryValueDeleted',
        RegistryKey: 'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Lsa',
        RegistryValueName: 'LsaCfgFlags',
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\LsaCfgFlags',
    ],
    // Deletions as Microsoft's ASIM parser for DeviceRegistryEvents reads them: the key and value name in Previous*.
    [
      {
        ActionType: 'RegistryValueDeleted',
        RegistryKey: '',
        PreviousRegistryKey: 'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Lsa',
        RegistryValueName: '',
        PreviousRegistryValueName: 'LsaCfgFlags',
      },
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\LsaCfgFlags',
    ],
    [
      { ActionType: 'RegistryKeyDeleted', RegistryKey: '', PreviousRegistryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Old' },
      'HKLM\\SOFTWARE\\Old',
    ],
    [
      { ActionType: 'RegistryKeyCreated', RegistryKey: 'HKEY_USERS\\S-1-5-21-1\\Software\\Sysinternals\\PsExec', RegistryValueName: '' },
      'HKU\\S-1-5-21-1\\Software\\Sysinternals\\PsExec',
    ],
    [
      {
        ActionType: 'RegistryKeyRenamed',
        RegistryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\New',
        PreviousRegistryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Old',
      },
      'HKLM\\SOFTWARE\\Old',
    ],
  ])('TargetObject of %j is %s', (row, expected) => {
    expect(computeField(sysmonTargetObject(XDR), of(row))).toBe(expected);
  });

  it.each([
    [{ RegistryValueType: 'Dword', RegistryValueData: '1' }, 'DWORD (0x00000001)'],
    [{ RegistryValueType: 'Dword', RegistryValueData: '4489' }, 'DWORD (0x00001189)'],
    // Type spellings of Microsoft's ASIM parser for DeviceRegistryEvents (XDR QWord, ASIM Reg_DWord / Reg_QWord).
    [{ RegistryValueType: 'Reg_DWord', RegistryValueData: '4294967295' }, 'DWORD (0xffffffff)'],
    [{ RegistryValueType: 'QWord', RegistryValueData: String(2 ** 32 + 2) }, 'QWORD (0x00000001-0x00000002)'],
    [{ RegistryValueType: 'Reg_QWord', RegistryValueData: '3' }, 'QWORD (0x00000000-0x00000003)'],
    // ASIM rows parsed from Sysmon keep its Details text and set no type.
    [{ RegistryValueType: '', RegistryValueData: 'DWORD (0x00000001)' }, 'DWORD (0x00000001)'],
    [{ RegistryValueType: 'Binary', RegistryValueData: '' }, 'Binary Data'],
    [{ RegistryValueType: 'String', RegistryValueData: '' }, '(Empty)'],
    [{ RegistryValueType: 'String', RegistryValueData: 'C:\\Test\\calc.exe' }, 'C:\\Test\\calc.exe'],
  ])('Details of %j is %s', (row, expected) => {
    expect(computeField(sysmonDetails(XDR), of(row))).toBe(expected);
  });

  it('User is DOMAIN\\user, or the name alone without a domain', () => {
    const user = sysmonAccount('AccountDomain', 'AccountName');
    expect(computeField(user, of({ AccountDomain: 'nt authority', AccountName: 'system' }))).toBe('nt authority\\system');
    expect(computeField(user, of({ AccountName: 'system' }))).toBe('system');
    expect(kqlExpression(user)).toBe('iff(isempty(AccountDomain), AccountName, strcat(AccountDomain, "\\\\", AccountName))');
  });

  it('writes a replace_regex rewrite that inserts backslashes literally', () => {
    expect(kqlExpression({ replace: { column: 'K' }, regex: '^HKEY_LOCAL_MACHINE\\\\SYSTEM', with: 'HKLM\\SYSTEM' })).toBe(
      'replace_regex(K, "(?i)^HKEY_LOCAL_MACHINE\\\\\\\\SYSTEM", "HKLM\\\\\\\\SYSTEM")',
    );
  });

  it('takes a computed_field in pySigma-format pipeline YAML, and the query defines it with extend', () => {
    const mine = loadPipelineYaml(`transformations:
  - type: set_state
    key: query_table
    val: MyTable
  - type: field_name_mapping
    mapping:
      User: FullUser
  - type: computed_field
    field: FullUser
    expression:
      concat: [{column: Domain}, {text: '\\'}, {column: Name}]
postprocessing:
  - type: prepend_query_table
`);
    const r = rule(`    sel:\n        User|endswith: '\\admin'\n    condition: sel`, 'product: windows');
    const result = applyPipeline(mine, r);
    expect(result.state.computed_fields).toEqual({ FullUser: { concat: [{ column: 'Domain' }, { text: '\\' }, { column: 'Name' }] } });
    expect(postprocessQuery(mine, result, 'FullUser endswith "\\\\admin"')).toBe(
      'MyTable\n| extend FullUser = strcat(Domain, "\\\\", Name)\n| where FullUser endswith "\\\\admin"',
    );
    expect(() => loadPipelineYaml(`transformations:\n  - type: computed_field\n    field: X\n    expression: {colum: Y}\n`)).toThrow();
  });
});
