/**
 * A Sysmon record as the Elasticsearch document that Elastic Agent's Windows integration writes for it (data
 * stream `windows.sysmon_operational`), written from that integration's ingest pipeline (elastic/integrations,
 * packages/windows/data_stream/sysmon_operational/elasticsearch/ingest_pipeline/default.yml):
 * - Image, CommandLine, CurrentDirectory, ParentImage, ParentCommandLine, ProcessGuid and OriginalFileName are
 *   *renamed* to process.* (process.pe.original_file_name; file.pe.* for image loads) and leave event_data;
 *   Company, Description, FileVersion, Product are *copied* to process.pe.* / file.pe.* and stay;
 * - ProcessId / ParentProcessId become process.pid / process.parent.pid (numbers) and leave event_data;
 * - TargetFilename and ImageLoaded are renamed to file.path (with file.name, file.directory);
 * - Hashes is removed: process.hash.* (events 1, 23) or file.hash.* (7, 26), lower case, imphash as *.pe.imphash;
 * - User is removed, split into user.domain and user.name;
 * - TargetObject is removed: registry.path is the whole Sysmon path (key and value name, Sysmon's root names),
 *   registry.hive / registry.key / registry.value its parts; Details and EventType stay in event_data;
 * - every other EventData field stays as winlog.event_data.<Name>.
 */
import { fileName, folderOf, hashes, type SysmonRecord } from './sysmon.js';
import type { Row } from './microsoft-xdr.js';

/** EventData fields the ingest pipeline renames or removes (so they are not left under winlog.event_data). */
const MOVED = new Set([
  'ProcessGuid',
  'ProcessId',
  'Image',
  'CommandLine',
  'CurrentDirectory',
  'ParentProcessGuid',
  'ParentProcessId',
  'ParentImage',
  'ParentCommandLine',
  'OriginalFileName',
  'TargetFilename',
  'ImageLoaded',
  'RuleName',
  'User',
  'UtcTime',
  'Hashes',
  'TargetObject',
]);

function hashFields(prefix: 'process' | 'file', text: string | undefined): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(hashes(text))) {
    if (/^0*$/.test(v)) continue;
    out[k === 'IMPHASH' ? `${prefix}.pe.imphash` : `${prefix}.hash.${k.toLowerCase()}`] = v.toLowerCase();
  }
  return out;
}

function userFields(user: string | undefined): Row {
  const parts = (user ?? '').split('\\');
  return parts.length === 2 ? { 'user.domain': parts[0] as string, 'user.name': parts[1] as string } : {};
}

const HIVES: Readonly<Record<string, string>> = { HKLM: 'HKLM', HKU: 'HKU', HKCR: 'HKCR', HKCU: 'HKCU' };

/** The ECS document of a Sysmon record: ['logs-windows.sysmon_operational', doc], or undefined for other events. */
export function ecsRow(r: SysmonRecord): [string, Row] | undefined {
  if (![1, 7, 11, 12, 13, 14, 23, 26].includes(r.eventId)) return undefined;
  const d = r.data;
  const row: Row = {
    'event.code': String(r.eventId),
    'winlog.channel': 'Microsoft-Windows-Sysmon/Operational',
    'winlog.provider_name': 'Microsoft-Windows-Sysmon',
    'winlog.computer_name': r.computer,
    'host.name': r.computer,
  };
  for (const [k, v] of Object.entries(d)) if (!MOVED.has(k) && v !== '' && v !== '-') row[`winlog.event_data.${k}`] = v;
  const set = (field: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') row[field] = value;
  };
  set('process.entity_id', d['ProcessGuid']);
  if (d['ProcessId'] !== undefined) row['process.pid'] = Number(d['ProcessId']);
  set('process.executable', d['Image']);
  if (d['Image']) set('process.name', fileName(d['Image']));
  set('process.command_line', d['CommandLine']);
  set('process.working_directory', d['CurrentDirectory']);
  set('process.parent.entity_id', d['ParentProcessGuid']);
  if (d['ParentProcessId'] !== undefined) row['process.parent.pid'] = Number(d['ParentProcessId']);
  set('process.parent.executable', d['ParentImage']);
  if (d['ParentImage']) set('process.parent.name', fileName(d['ParentImage']));
  set('process.parent.command_line', d['ParentCommandLine']);
  const pe = r.eventId === 7 ? 'file.pe' : 'process.pe';
  set(`${pe}.original_file_name`, d['OriginalFileName']);
  set(`${pe}.company`, d['Company']);
  set(`${pe}.description`, d['Description']);
  set(`${pe}.file_version`, d['FileVersion']);
  set(`${pe}.product`, d['Product']);
  if ([1, 23].includes(r.eventId)) Object.assign(row, hashFields('process', d['Hashes']));
  if ([7, 26].includes(r.eventId)) Object.assign(row, hashFields('file', d['Hashes']));
  const path = d['TargetFilename'] ?? d['ImageLoaded'];
  if (path) Object.assign(row, { 'file.path': path, 'file.name': fileName(path), 'file.directory': folderOf(path) });
  if (r.eventId === 7) {
    set('file.code_signature.subject_name', d['Signature']);
    set('file.code_signature.status', d['SignatureStatus']);
    if (d['Signed'] === 'true') row['file.code_signature.signed'] = 'true';
  }
  Object.assign(row, userFields(d['User']));
  const target = d['TargetObject'];
  if (target && [12, 13, 14].includes(r.eventId)) {
    const tokens = target.split('\\');
    row['registry.path'] = target;
    const hive = HIVES[tokens[0] as string];
    if (hive) {
      row['registry.hive'] = hive;
      if (tokens.length > 1) row['registry.key'] = tokens.slice(1).join('\\');
    }
    row['registry.value'] = tokens[tokens.length - 1] as string;
  }
  return ['logs-windows.sysmon_operational', row];
}
