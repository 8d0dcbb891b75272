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

  it("compares TargetObject with the key and value name in Sysmon's form, and maps each Sysmon EventType to one ASIM EventType", () => {
    // ASIM's RegistryKey is the key alone, root keys in full; the value name is RegistryValue (registry schema).
    const r = rule(
      `    sel:\n        TargetObject|startswith: 'HKLM\\SYSTEM\\CurrentControlSet\\Services'\n        EventType: DeleteKey\n    condition: sel`,
      windows('registry_event'),
    );
    const result = applyPipeline(asim(), r);
    expect(selectionsText(result.rule).sel).toBe(
      '(SysmonTargetObject=HKLM\\SYSTEM\\CurrentControlSet\\Services* AND EventType=RegistryKeyDeleted)',
    );
    expect(Object.keys(result.state.computed_fields as object)).toEqual(['SysmonTargetObject']);
  });

  it('reads TargetFilename as the full path (TargetFilePath) and Image as the acting process on file events', () => {
    const r = rule(
      `    sel:\n        TargetFilename|endswith: '\\a.dll'\n        Image|endswith: '\\cmd.exe'\n    condition: sel`,
      windows('file_event'),
    );
    expect(selectionsText(applyPipeline(asim(), r).rule).sel).toBe('(TargetFilePath=*\\a.dll AND ActingProcessName=*\\cmd.exe)');
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

  it('compares User with DOMAIN\\user computed from AccountDomain and AccountName', () => {
    const r = rule(
      `    sel:\n        User|contains:\n            - 'AUTHORI'\n            - 'admin'\n    condition: sel`,
      windows('process_creation'),
    );
    const result = applyPipeline(xdr(), r);
    expect(selectionsText(result.rule).sel).toBe('SysmonUser=*AUTHORI*|*admin*');
    expect(Object.keys(result.state.computed_fields as object)).toEqual(['SysmonUser']);
  });

  it('maps registry action types into ActionType and fails on a Hashes selection of imphashes only', () => {
    const r = rule(`    sel:\n        EventType: [SetValue, DeleteValue, RenameKey]\n    condition: sel`, windows('registry_set'));
    expect(selectionsText(applyPipeline(xdr(), r).rule).sel).toBe('ActionType=RegistryValueSet|RegistryValueDeleted|RegistryKeyRenamed');
    const h = rule(`    sel:\n        Hashes|contains: 'IMPHASH=AB'\n    condition: sel`, windows('image_load'));
    expect(errorOf(() => applyPipeline(xdr(), h)).message).toBe(
      "Hashes 'IMPHASH=AB': the table's hash columns are for MD5, SHA1, SHA256; nothing else of the condition would be left",
    );
  });

  it('drops an imphash alternative of an OR with a warning, and refuses one under AND or NOT', () => {
    const or = rule(
      `    sel_img:\n        Image|endswith: '\\AdFind.exe'\n    sel_hash:\n        Hashes|contains: 'IMPHASH=AB'\n    condition: 1 of sel_*`,
      windows('process_creation'),
    );
    const result = applyPipeline(xdr(), or);
    expect([...result.rule.detection.selections.keys()]).toEqual(['sel_img']);
    expect((result.state.warnings as { message: string }[]).map((w) => w.message)).toEqual([
      "dropped selection 'sel_hash' (Hashes 'IMPHASH=AB': the table's hash columns are for MD5, SHA1, SHA256)",
    ]);
    const values = rule(
      `    sel:\n        Hashes|contains: ['IMPHASH=AB', 'MD5=0123456789abcdef0123456789abcdef']\n    condition: sel`,
      windows('process_creation'),
    );
    const v = applyPipeline(xdr(), values);
    expect(selectionsText(v.rule).sel).toBe('MD5=0123456789abcdef0123456789abcdef*');
    expect((v.state.warnings as unknown[]).length).toBe(1);
    const and = rule(
      `    sel:\n        Image|endswith: '\\a.exe'\n        Hashes|contains: 'IMPHASH=AB'\n    condition: sel`,
      windows('process_creation'),
    );
    expect(errorOf(() => applyPipeline(xdr(), and)).message).toMatch(/AND-ed with other conditions of its selection/);
    const not = rule(
      `    sel:\n        Image|endswith: '\\a.exe'\n    filter:\n        Hashes|contains: 'IMPHASH=AB'\n    condition: sel and not filter`,
      windows('process_creation'),
    );
    expect(errorOf(() => applyPipeline(xdr(), not)).message).toMatch(/selection 'filter' is negated in the condition/);
  });
});
