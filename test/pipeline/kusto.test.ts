import { describe, expect, it } from 'vitest';
import { namedPipelines } from '../../backends/kusto/pipelines/index.js';
import { applyPipeline, combinePipelines, loadPipelineYaml, postprocessQuery } from '../../src/pipeline/index.js';
import { errorOf, rule, selectionsText } from './helpers.js';

const asim = namedPipelines.sentinel_asim!;
const xdr = namedPipelines.microsoft_xdr!;
const windows = (category: string) => `category: ${category}\n    product: windows`;

describe('sentinel_asim', () => {
  it('picks the table from the category, maps fields and prepends the table to the query', () => {
    const r = rule(
      `    sel:\n        CommandLine|contains: whoami\n        OriginalFileName: cmd.exe\n    condition: sel`,
      windows('process_creation'),
    );
    const result = applyPipeline(asim(), r);
    expect(result.state.query_table).toBe('imProcessCreate');
    expect(selectionsText(result.rule).sel).toBe('(TargetProcessCommandLine=*whoami* AND TargetProcessFileOriginalName=cmd.exe)');
    expect(postprocessQuery(asim(), result, 'X')).toBe('imProcessCreate\n| where X');
  });

  it('without a category, finds the table from the EventID of a sel* selection and drops the EventID', () => {
    const r = rule(
      `    selection:\n        EventID: 1\n        Image: 'C:\\Windows\\System32\\cmd.exe'\n    condition: selection`,
      'product: windows',
    );
    const result = applyPipeline(asim(), r);
    expect(result.state.query_table).toBe('imProcessCreate');
    expect(selectionsText(result.rule).selection).toBe('TargetProcessName=C:\\Windows\\System32\\cmd.exe');
  });

  it('prefers the category over the EventID, and a query_table set by an earlier pipeline over both', () => {
    const r = rule(`    selection:\n        EventID: 4624\n        TargetFilename: x\n    condition: selection`, windows('file_event'));
    expect(applyPipeline(asim(), r).state.query_table).toBe('imFileEvent');
    const mine = loadPipelineYaml(`priority: 5\ntransformations:\n  - type: set_state\n    key: query_table\n    val: imAuditEvent`);
    expect(applyPipeline(combinePipelines([asim(), mine]), r).state.query_table).toBe('imAuditEvent');
  });

  it('refuses a rule whose table it cannot determine', () => {
    const e = errorOf(() =>
      applyPipeline(
        asim(),
        rule(`    sel:\n        field: x\n    condition: sel`, 'category: invalid_category\n    product: invalid_product'),
      ),
    );
    expect(e.code).toBe('pipeline-failure');
    expect(e.message).toMatch(/^Unable to determine table name from rule\./);
  });

  it('refuses a field the table does not have', () => {
    const e = errorOf(() =>
      applyPipeline(
        asim(),
        rule(`    sel:\n        CommandLine: x\n        InvalidField: y\n    condition: sel`, windows('process_creation')),
      ),
    );
    expect(e.message).toMatch(
      /^Invalid SigmaDetectionItem field name encountered: InvalidField\. Please use valid fields for the imProcessCreate table/,
    );
  });

  it('splits Hashes into the table hash fields (imWebSession: File*)', () => {
    const r = rule(
      `    sel:\n        Hashes:\n            - md5=1234567890abcdef1234567890abcdef\n            - sha1=1234567890abcdef1234567890abcdef12345678\n    condition: sel`,
      'category: proxy',
    );
    expect(selectionsText(applyPipeline(asim(), r).rule).sel).toBe(
      '(FileMD5=1234567890abcdef1234567890abcdef OR FileSHA1=1234567890abcdef1234567890abcdef12345678)',
    );
  });

  it('expands registry hive abbreviations and maps Sysmon EventType values', () => {
    const r = rule(
      `    sel:\n        TargetObject|startswith: 'HKLM\\SYSTEM\\CurrentControlSet\\Services'\n        EventType: DeleteKey\n    condition: sel`,
      windows('registry_event'),
    );
    expect(selectionsText(applyPipeline(asim(), r).rule).sel).toBe(
      '(RegistryKey=HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet001\\Services* AND EventType=RegistryKeyDeleted|RegistryValueDeleted)',
    );
  });
});

describe('microsoft_xdr', () => {
  it('maps ParentImage to the parent file name outside process creation', () => {
    const r = rule(
      `    sel:\n        ParentImage|endswith: '\\explorer.exe'\n        Image: 'C:\\a.exe'\n    condition: sel`,
      windows('network_connection'),
    );
    const result = applyPipeline(xdr(), r);
    expect(result.state.query_table).toBe('DeviceNetworkEvents');
    expect(selectionsText(result.rule).sel).toBe(
      '(InitiatingProcessParentFileName=explorer.exe AND InitiatingProcessFolderPath=C:\\a.exe)',
    );
    const proc = rule(`    sel:\n        ParentImage|endswith: '\\explorer.exe'\n    condition: sel`, windows('process_creation'));
    expect(selectionsText(applyPipeline(xdr(), proc).rule).sel).toBe('InitiatingProcessFolderPath=*\\explorer.exe');
  });

  it('splits DOMAIN\\user into the account name and its domain', () => {
    const r = rule(
      `    sel:\n        User:\n            - 'NT AUTHORITY\\SYSTEM'\n            - admin\n    condition: sel`,
      windows('process_creation'),
    );
    expect(selectionsText(applyPipeline(xdr(), r).rule).sel).toBe(
      '((AccountName=SYSTEM AND AccountDomain=NT AUTHORITY) OR AccountName=admin)',
    );
  });

  it('maps registry action types into ActionType and fails on Hashes without a valid algorithm', () => {
    const r = rule(`    sel:\n        EventType: SetValue\n    condition: sel`, windows('registry_set'));
    expect(selectionsText(applyPipeline(xdr(), r).rule).sel).toBe('ActionType=RegistryValueSet');
    const h = rule(`    sel:\n        Hashes|contains: 'IMPHASH=AB'\n    condition: sel`, windows('image_load'));
    expect(errorOf(() => applyPipeline(xdr(), h)).message).toBe(
      'No valid hash algo found in Hashes field. Please use one of the following: MD5, SHA1, SHA256',
    );
  });
});
