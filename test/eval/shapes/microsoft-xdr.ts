/**
 * A Sysmon record as the Microsoft Defender XDR advanced-hunting row of the same activity, written from
 * Microsoft's table documentation (learn.microsoft.com, "Advanced hunting schema": DeviceProcessEvents,
 * DeviceFileEvents, DeviceRegistryEvents, DeviceImageLoadEvents):
 * - FolderPath / InitiatingProcessFolderPath are full paths (file name included), FileName the last component;
 * - accounts are split: AccountDomain + AccountName (InitiatingProcessAccountDomain/Name for the actor);
 * - hashes are one column per algorithm (SHA1, SHA256, MD5; no imphash);
 * - registry: RegistryKey is the key only, with full root names (HKEY_LOCAL_MACHINE, ControlSet001);
 *   RegistryValueName the value name ("" for the default value); RegistryValueData the data (numbers in
 *   decimal); RegistryValueType String/Dword/QWord/Binary (spelled as in Microsoft's
 *   ASIM parser for this table); ActionType RegistryKeyCreated, RegistryKeyDeleted,
 *   RegistryValueSet, RegistryValueDeleted, RegistryKeyRenamed.
 */
import { fileName, hashes, registryData, registryKey, splitAccount, splitTargetObject, type SysmonRecord } from './sysmon.js';

export type Row = Record<string, string | number>;

function initiating(d: Readonly<Record<string, string>>): Row {
  const [domain, name] = splitAccount(d['User']);
  return {
    InitiatingProcessFolderPath: d['Image'] ?? '',
    InitiatingProcessFileName: fileName(d['Image'] ?? ''),
    InitiatingProcessId: Number(d['ProcessId'] ?? 0),
    InitiatingProcessAccountDomain: domain,
    InitiatingProcessAccountName: name,
  };
}

const REGISTRY_ACTIONS: Readonly<Record<string, string>> = {
  CreateKey: 'RegistryKeyCreated',
  DeleteKey: 'RegistryKeyDeleted',
  DeleteValue: 'RegistryValueDeleted',
  SetValue: 'RegistryValueSet',
  RenameKey: 'RegistryKeyRenamed',
};

/** The DeviceXxxEvents row of a Sysmon record: [table, row], or undefined when XDR has no such table. */
export function xdrRow(r: SysmonRecord): [string, Row] | undefined {
  const d = r.data;
  const device = { DeviceName: r.computer };
  switch (r.eventId) {
    case 1: {
      const [domain, name] = splitAccount(d['User']);
      const [parentDomain, parentName] = splitAccount(d['ParentUser']);
      const h = hashes(d['Hashes']);
      return [
        'DeviceProcessEvents',
        {
          ...device,
          ActionType: 'ProcessCreated',
          FileName: fileName(d['Image'] ?? ''),
          FolderPath: d['Image'] ?? '',
          ProcessCommandLine: d['CommandLine'] ?? '',
          ProcessId: Number(d['ProcessId'] ?? 0),
          ProcessIntegrityLevel: d['IntegrityLevel'] ?? '',
          ProcessVersionInfoCompanyName: d['Company'] ?? '',
          ProcessVersionInfoProductName: d['Product'] ?? '',
          ProcessVersionInfoFileDescription: d['Description'] ?? '',
          ProcessVersionInfoOriginalFileName: d['OriginalFileName'] ?? '',
          ProcessVersionInfoProductVersion: d['FileVersion'] ?? '',
          AccountDomain: domain,
          AccountName: name,
          LogonId: d['LogonId'] ?? '',
          SHA1: h['SHA1'] ?? '',
          SHA256: h['SHA256'] ?? '',
          MD5: h['MD5'] ?? '',
          InitiatingProcessFolderPath: d['ParentImage'] ?? '',
          InitiatingProcessFileName: fileName(d['ParentImage'] ?? ''),
          InitiatingProcessCommandLine: d['ParentCommandLine'] ?? '',
          InitiatingProcessId: Number(d['ParentProcessId'] ?? 0),
          InitiatingProcessAccountDomain: parentDomain,
          InitiatingProcessAccountName: parentName,
        },
      ];
    }
    case 11:
    case 23:
    case 26:
      return [
        'DeviceFileEvents',
        {
          ...device,
          ActionType: r.eventId === 11 ? 'FileCreated' : 'FileDeleted',
          FileName: fileName(d['TargetFilename'] ?? ''),
          FolderPath: d['TargetFilename'] ?? '',
          ...initiating(d),
        },
      ];
    case 7: {
      const h = hashes(d['Hashes']);
      return [
        'DeviceImageLoadEvents',
        {
          ...device,
          ActionType: 'ImageLoaded',
          FileName: fileName(d['ImageLoaded'] ?? ''),
          FolderPath: d['ImageLoaded'] ?? '',
          SHA1: h['SHA1'] ?? '',
          SHA256: h['SHA256'] ?? '',
          MD5: h['MD5'] ?? '',
          ...initiating(d),
        },
      ];
    }
    case 12:
    case 13:
    case 14: {
      const action = REGISTRY_ACTIONS[d['EventType'] ?? ''] ?? '';
      const valueEvent = action.startsWith('RegistryValue');
      const [key, valueName] = splitTargetObject(d['TargetObject'] ?? '', valueEvent);
      const [data, type] = registryData(d['Details']);
      const renamed = action === 'RegistryKeyRenamed';
      // A deletion as Microsoft's ASIM parser for this table reads it (ASimRegistryEventMicrosoft365D.yaml): the
      // deleted key in PreviousRegistryKey, a deleted value's name in PreviousRegistryValueName.
      const deleted = action === 'RegistryKeyDeleted' || action === 'RegistryValueDeleted';
      return [
        'DeviceRegistryEvents',
        {
          ...device,
          ActionType: action,
          RegistryKey: deleted ? '' : registryKey(renamed ? (d['NewName'] ?? '') : key),
          RegistryValueName: deleted ? '' : valueName,
          PreviousRegistryValueName: deleted ? valueName : '',
          RegistryValueData: data,
          RegistryValueType: type,
          PreviousRegistryKey: renamed || deleted ? registryKey(key) : '',
          ...initiating(d),
        },
      ];
    }
    default:
      return undefined;
  }
}
