/**
 * Reading a SigmaHQ regression event (Windows event JSON, `Event.System` + `Event.EventData`) as a Sysmon record:
 * its event id and its EventData fields, with the path and account helpers the table shapes share.
 */
export interface SysmonRecord {
  readonly eventId: number;
  readonly computer: string;
  readonly data: Readonly<Record<string, string>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Sysmon record of an event, or undefined for events of other providers. */
export function sysmonRecord(event: unknown): SysmonRecord | undefined {
  if (!isObject(event) || !isObject(event['Event'])) return undefined;
  const system = event['Event']['System'];
  const data = event['Event']['EventData'];
  if (!isObject(system) || !isObject(data)) return undefined;
  const provider =
    isObject(system['Provider']) && isObject(system['Provider']['#attributes']) ? system['Provider']['#attributes']['Name'] : undefined;
  if (provider !== 'Microsoft-Windows-Sysmon') return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (v !== null && typeof v !== 'object') out[k] = String(v);
  return { eventId: Number(system['EventID']), computer: String(system['Computer'] ?? ''), data: out };
}

/** `C:\a\b.exe` → `b.exe`. */
export const fileName = (path: string): string => path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
/** `C:\a\b.exe` → `C:\a`. */
export const folderOf = (path: string): string => path.slice(0, Math.max(0, Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'))));
/** `DOMAIN\user` → [DOMAIN, user]. */
export function splitAccount(user: string | undefined): [string, string] {
  if (user === undefined) return ['', ''];
  const i = user.indexOf('\\');
  return i < 0 ? ['', user] : [user.slice(0, i), user.slice(i + 1)];
}

/** Sysmon `Hashes` (`SHA1=…,MD5=…,SHA256=…,IMPHASH=…`) → algorithm → value. */
export function hashes(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim().toUpperCase()] = part.slice(i + 1).trim();
  }
  return out;
}

/**
 * Sysmon's registry path (`HKLM\System\CurrentControlSet\…\Value`) → [key as the Windows kernel names it, value
 * name]. Sysmon writes `HKLM`, `HKU`, `HKCR` and `CurrentControlSet`; Defender and ASIM write the root keys in full
 * (`HKEY_LOCAL_MACHINE`) and the control set the kernel really opened (`ControlSet001`).
 */
export function registryKey(sysmonKey: string): string {
  return sysmonKey
    .replace(/^HKLM\\System\\CurrentControlSet(?=\\|$)/i, 'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001')
    .replace(/^HKLM(?=\\|$)/i, 'HKEY_LOCAL_MACHINE')
    .replace(/^HKU(?=\\|$)/i, 'HKEY_USERS')
    .replace(/^HKCR(?=\\|$)/i, 'HKEY_CLASSES_ROOT');
}

/** A Sysmon registry value event's `TargetObject` → [key, value name]; key events → [key, '']. */
export function splitTargetObject(targetObject: string, valueEvent: boolean): [string, string] {
  if (!valueEvent) return [targetObject, ''];
  const i = targetObject.lastIndexOf('\\');
  const name = targetObject.slice(i + 1);
  return [targetObject.slice(0, i), name === '(Default)' ? '' : name];
}

/**
 * Sysmon `Details` → [data, type] as Defender stores them (DWORD/QWORD as decimal numbers). The type names are
 * XDR's RegistryValueType values as Microsoft's own ASIM parser for DeviceRegistryEvents lists them (Azure-Sentinel,
 * Parsers/ASimRegistryEvent/Parsers/ASimRegistryEventMicrosoft365D.yaml): None, String, ExpandString, Binary,
 * Dword, MultiString, QWord.
 */
export function registryData(details: string | undefined): [string, 'Dword' | 'QWord' | 'Binary' | 'String' | ''] {
  if (details === undefined) return ['', ''];
  const dword = /^DWORD \(0x([0-9a-f]{8})\)$/i.exec(details);
  if (dword) return [String(parseInt(dword[1] as string, 16)), 'Dword'];
  const qword = /^QWORD \(0x([0-9a-f]{8})-0x([0-9a-f]{8})\)$/i.exec(details);
  if (qword) return [(BigInt(`0x${qword[1]}`) * 2n ** 32n + BigInt(`0x${qword[2]}`)).toString(), 'QWord'];
  if (details === 'Binary Data') return ['', 'Binary'];
  if (details === '(Empty)') return ['', 'String'];
  return [details, 'String'];
}
