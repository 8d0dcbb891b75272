/**
 * A Sysmon record as the Microsoft Sentinel ASIM row of the same activity, written from the ASIM schema
 * documentation (learn.microsoft.com, "ASIM schemas": Process Event, File Event, Registry Event):
 * - process and file names are full paths (TargetProcessName, ActingProcessName, TargetFilePath);
 *   TargetFileName is the name without the folder, TargetFileDirectory the folder;
 * - the creating process of a process event is the *acting* process (ActingProcessName…); ParentProcess* is
 *   the acting process's parent;
 * - usernames keep Windows' `DOMAIN\user` form (TargetUsername, ActorUsername);
 * - hashes are one column per algorithm (TargetProcessSHA256 …, TargetProcessIMPHASH);
 * - registry: RegistryKey is the key only, root keys in full (HKEY_LOCAL_MACHINE); RegistryValue the value name;
 *   RegistryValueData the data (numbers in decimal); RegistryValueType Reg_Sz, Reg_DWord, Reg_QWord, Reg_Binary;
 *   EventType RegistryKeyCreated, RegistryKeyDeleted, RegistryValueSet, RegistryValueDeleted, RegistryKeyRenamed.
 */
import { fileName, folderOf, hashes, registryData, registryKey, splitTargetObject, type SysmonRecord } from './sysmon.js';
import type { Row } from './microsoft-xdr.js';

const REGISTRY_EVENT_TYPES: Readonly<Record<string, string>> = {
  CreateKey: 'RegistryKeyCreated',
  DeleteKey: 'RegistryKeyDeleted',
  DeleteValue: 'RegistryValueDeleted',
  SetValue: 'RegistryValueSet',
  RenameKey: 'RegistryKeyRenamed',
};

// The spellings of Microsoft's ASIM parser for DeviceRegistryEvents (Azure-Sentinel, Parsers/ASimRegistryEvent/Parsers/
// ASimRegistryEventMicrosoft365D.yaml): Reg_None, Reg_Sz, Reg_Expand_Sz, Reg_Binary, Reg_DWord, Reg_Multi_Sz, Reg_QWord.
const VALUE_TYPES: Readonly<Record<string, string>> = { Dword: 'Reg_DWord', QWord: 'Reg_QWord', Binary: 'Reg_Binary', String: 'Reg_Sz' };

/** The imXxx row of a Sysmon record: [table, row], or undefined when the pipeline has no such table. */
export function asimRow(r: SysmonRecord): [string, Row] | undefined {
  const d = r.data;
  const dvc = { DvcHostname: r.computer };
  const actor = { ActingProcessName: d['Image'] ?? '', ActingProcessId: d['ProcessId'] ?? '', ActorUsername: d['User'] ?? '' };
  switch (r.eventId) {
    case 1: {
      const h = hashes(d['Hashes']);
      return [
        'imProcessCreate',
        {
          ...dvc,
          // ASIM's common fields: the schema the row is normalized to.
          EventSchema: 'ProcessEvent',
          EventType: 'ProcessCreated',
          TargetProcessName: d['Image'] ?? '',
          TargetProcessCommandLine: d['CommandLine'] ?? '',
          TargetProcessId: d['ProcessId'] ?? '',
          TargetProcessGuid: d['ProcessGuid'] ?? '',
          TargetProcessCurrentDirectory: d['CurrentDirectory'] ?? '',
          TargetProcessIntegrityLevel: d['IntegrityLevel'] ?? '',
          TargetProcessFileOriginalName: d['OriginalFileName'] ?? '',
          TargetProcessFileDescription: d['Description'] ?? '',
          TargetProcessFileProduct: d['Product'] ?? '',
          TargetProcessFileCompany: d['Company'] ?? '',
          TargetProcessFileVersion: d['FileVersion'] ?? '',
          TargetProcessMD5: h['MD5'] ?? '',
          TargetProcessSHA1: h['SHA1'] ?? '',
          TargetProcessSHA256: h['SHA256'] ?? '',
          TargetProcessIMPHASH: h['IMPHASH'] ?? '',
          TargetUsername: d['User'] ?? '',
          TargetUserSessionId: d['LogonId'] ?? '',
          ActingProcessName: d['ParentImage'] ?? '',
          ActingProcessCommandLine: d['ParentCommandLine'] ?? '',
          ActingProcessId: d['ParentProcessId'] ?? '',
          ActingProcessGuid: d['ParentProcessGuid'] ?? '',
          ActorUsername: d['ParentUser'] ?? '',
        },
      ];
    }
    case 11:
    case 23:
    case 26: {
      const path = d['TargetFilename'] ?? '';
      return [
        'imFileEvent',
        {
          ...dvc,
          EventSchema: 'FileEvent',
          EventType: r.eventId === 11 ? 'FileCreated' : 'FileDeleted',
          TargetFilePath: path,
          TargetFileName: fileName(path),
          TargetFileDirectory: folderOf(path),
          ...actor,
        },
      ];
    }
    case 12:
    case 13:
    case 14: {
      const type = REGISTRY_EVENT_TYPES[d['EventType'] ?? ''] ?? '';
      const valueEvent = type.startsWith('RegistryValue');
      const [key, valueName] = splitTargetObject(d['TargetObject'] ?? '', valueEvent);
      const [data, valueType] = registryData(d['Details']);
      const renamed = type === 'RegistryKeyRenamed';
      return [
        'imRegistry',
        {
          ...dvc,
          EventSchema: 'RegistryEvent',
          EventType: type,
          RegistryKey: registryKey(renamed ? (d['NewName'] ?? '') : key),
          RegistryValue: valueName,
          RegistryValueData: data,
          RegistryValueType: VALUE_TYPES[valueType] ?? '',
          RegistryPreviousKey: renamed ? registryKey(key) : '',
          ...actor,
        },
      ];
    }
    default:
      return undefined;
  }
}
