/**
 * A Sysmon record as the Splunk CIM Endpoint data-model row of the same activity (Processes, Filesystem,
 * Registry datasets), field meanings from Splunk's CIM documentation (help.splunk.com, Common Information Model,
 * "Endpoint") and the dataset field lists in ../shared/formats/splunk/escu-by-fields.md:
 * - Processes: process is the full command line, process_path the executable's full path, process_name /
 *   process_exec its file name; parent_process / parent_process_path likewise; user the account as logged
 *   (Sysmon's DOMAIN\user); process_integrity_level lower case (system, high, medium, low, untrusted);
 *   process_hash the hashes as the source writes them;
 * - Filesystem: file_path the full path, file_name the name; process_path the acting process; action created /
 *   deleted;
 * - Registry: registry_path is the path to the registry value (key and value name), registry_key_name the key,
 *   registry_value_name the value name, registry_value_data the unaltered data; action created / modified /
 *   deleted (CIM's expected values), not Sysmon's EventType.
 * Every field is prefixed with its dataset (`Processes.process`), as the tstats query names it.
 */
import { fileName, folderOf, splitTargetObject, type SysmonRecord } from './sysmon.js';
import type { Row } from './microsoft-xdr.js';

const REGISTRY_ACTIONS: Readonly<Record<string, string>> = {
  CreateKey: 'created',
  DeleteKey: 'deleted',
  DeleteValue: 'deleted',
  SetValue: 'modified',
  RenameKey: 'modified',
};

const prefixed = (dataset: string, fields: Row): Row => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${dataset}.${k}`, v]));

/** The CIM row of a Sysmon record: [dataset, row], or undefined when the Endpoint model has no such dataset. */
export function cimRow(r: SysmonRecord): [string, Row] | undefined {
  const d = r.data;
  const actor = {
    dest: r.computer,
    process_path: d['Image'] ?? '',
    process_name: fileName(d['Image'] ?? ''),
    process_id: d['ProcessId'] ?? '',
    process_guid: d['ProcessGuid'] ?? '',
    user: d['User'] ?? '',
    vendor_product: 'Microsoft Sysmon',
  };
  switch (r.eventId) {
    case 1:
      return [
        'Endpoint.Processes',
        prefixed('Processes', {
          ...actor,
          action: 'allowed',
          process: d['CommandLine'] ?? '',
          process_exec: fileName(d['Image'] ?? ''),
          process_current_directory: d['CurrentDirectory'] ?? '',
          process_integrity_level: (d['IntegrityLevel'] ?? '').toLowerCase(),
          process_hash: d['Hashes'] ?? '',
          original_file_name: d['OriginalFileName'] ?? '',
          parent_process: d['ParentCommandLine'] ?? '',
          parent_process_path: d['ParentImage'] ?? '',
          parent_process_name: fileName(d['ParentImage'] ?? ''),
          parent_process_exec: fileName(d['ParentImage'] ?? ''),
          parent_process_id: d['ParentProcessId'] ?? '',
          parent_process_guid: d['ParentProcessGuid'] ?? '',
        }),
      ];
    case 11:
    case 23:
    case 26: {
      const path = d['TargetFilename'] ?? '';
      return [
        'Endpoint.Filesystem',
        prefixed('Filesystem', {
          ...actor,
          action: r.eventId === 11 ? 'created' : 'deleted',
          file_path: path,
          file_name: fileName(path),
          file_create_time: d['CreationUtcTime'] ?? '',
        }),
      ];
    }
    case 12:
    case 13:
    case 14: {
      const type = d['EventType'] ?? '';
      const valueEvent = type === 'SetValue' || type === 'DeleteValue';
      const path = d['TargetObject'] ?? '';
      const [key, valueName] = splitTargetObject(path, valueEvent);
      return [
        'Endpoint.Registry',
        prefixed('Registry', {
          ...actor,
          action: REGISTRY_ACTIONS[type] ?? '',
          registry_path: path,
          registry_key_name: key,
          registry_hive: folderOf(path).split('\\')[0] ?? '',
          registry_value_name: valueName,
          registry_value_data: d['Details'] ?? '',
        }),
      ];
    }
    default:
      return undefined;
  }
}
