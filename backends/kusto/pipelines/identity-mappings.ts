/**
 * Hosts, users and addresses, and Windows Security authentication events, for the kusto pipelines: the fields
 * that correlation rules group by (the Sigma specification's examples and SigmaHQ use `ComputerName`,
 * `Computer`, `Hostname`, `WorkstationName`, `IpAddress`, `SourceIp`, `TargetUserName`, `SubjectUserName`,
 * `User` …) mapped to the column of each table that holds them. pySigma-backend-kusto maps few of them, so a
 * correlation grouped by host had no query.
 *
 * These blocks are added to pySigma's table and generic mappings (mappings.ts), per table; a key given here
 * wins over the same key there only where noted (`OVERRIDES`), because pySigma's choice is wrong for grouping.
 *
 * Sources: Microsoft's ASIM Authentication schema and common fields
 * (learn.microsoft.com/azure/sentinel/normalization-schema-authentication, normalization-common-fields) and the
 * Defender XDR DeviceLogonEvents / Device* table references; column names as in ../shared/reference/tables.json.
 */
import type { FieldMapping } from './mappings.js';
import type { TableSchema } from './tables.js';

/**
 * ASIM common fields (every ASIM schema has them; tables.json lists them as one placeholder row, "Dvc fields").
 * Only those mapped below and the event outcome are added to each ASIM table's columns.
 */
export const ASIM_COMMON_COLUMNS: TableSchema = {
  DvcHostname: 'string',
  DvcIpAddr: 'string',
  DvcDomain: 'string',
  DvcFQDN: 'string',
  DvcId: 'string',
  EventResult: 'string',
  EventOriginalType: 'string',
  EventProduct: 'string',
  EventVendor: 'string',
};

/** Sentinel ASIM: per table. */
export const SENTINEL_ASIM_IDENTITY_MAPPINGS: Readonly<Record<string, FieldMapping>> = {
  imAuthentication: {
    // Windows Security logon events are written by the computer logged on to: the target of the logon.
    ComputerName: 'TargetHostname',
    Computer: 'TargetHostname',
    Hostname: 'TargetHostname',
    TargetUserName: 'TargetUsername',
    // The account that logs on (4624/4625 TargetUserName); pySigma's [ActorUsername, TargetUsername] groups by the actor.
    User: 'TargetUsername',
    SourceIp: 'SrcIpAddr',
    SourceHostname: 'SrcHostname',
    TargetLogonId: 'TargetSessionId',
    ProcessName: 'ActingAppName',
  },
  imNetworkSession: {
    SourceIp: 'SrcIpAddr',
    // The specification's value_avg and value_sum examples: bytes the source sent (and received).
    BytesOut: 'SrcBytes',
    BytesIn: 'DstBytes',
    bytes_sent: 'SrcBytes',
    bytes_received: 'DstBytes',
  },
};

/** Sentinel ASIM, every table: the common device fields. */
export const SENTINEL_ASIM_IDENTITY_GENERIC: Readonly<Record<string, string>> = {
  ComputerName: 'DvcHostname',
  Computer: 'DvcHostname',
  Hostname: 'DvcHostname',
};

/** Defender XDR: per table. */
export const MICROSOFT_XDR_IDENTITY_MAPPINGS: Readonly<Record<string, FieldMapping>> = {
  DeviceLogonEvents: {
    ComputerName: 'DeviceName',
    Computer: 'DeviceName',
    Hostname: 'DeviceName',
    TargetUserName: 'AccountName',
    TargetDomainName: 'AccountDomain',
    TargetUserSid: 'AccountSid',
    User: 'AccountName',
    SubjectUserName: 'InitiatingProcessAccountName',
    SubjectDomainName: 'InitiatingProcessAccountDomain',
    SubjectUserSid: 'InitiatingProcessAccountSid',
    WorkstationName: 'RemoteDeviceName',
    IpAddress: 'RemoteIP',
    SourceIp: 'RemoteIP',
    SourceIP: 'RemoteIP',
    IpPort: 'RemotePort',
    LogonType: 'LogonType',
    TargetLogonId: 'LogonId',
    AuthenticationPackageName: 'Protocol',
    ProcessName: 'InitiatingProcessFolderPath',
  },
  DeviceNetworkEvents: {
    SourceIP: 'LocalIP',
    DestinationIP: 'RemoteIP',
  },
};

/** Defender XDR, every table: each Device* table has the device's name. */
export const MICROSOFT_XDR_IDENTITY_GENERIC: Readonly<Record<string, string>> = {
  ComputerName: 'DeviceName',
  Computer: 'DeviceName',
  Hostname: 'DeviceName',
};

/** Keys of the blocks above that replace pySigma's mapping of the same key (see the comments there). */
const OVERRIDES: ReadonlySet<string> = new Set(['imAuthentication.ComputerName', 'imAuthentication.User']);

/** pySigma's table mappings with the identity blocks added (pySigma's entry kept where a key is in both, unless overridden). */
export function withIdentityMappings(
  base: Readonly<Record<string, FieldMapping>>,
  extra: Readonly<Record<string, FieldMapping>>,
): Readonly<Record<string, FieldMapping>> {
  const out: Record<string, FieldMapping> = { ...base };
  for (const [table, fields] of Object.entries(extra)) {
    const merged: Record<string, string | readonly string[]> = { ...(base[table] ?? {}) };
    for (const [field, target] of Object.entries(fields)) {
      if (!(field in merged) || OVERRIDES.has(`${table}.${field}`)) merged[field] = target;
    }
    out[table] = Object.freeze(merged);
  }
  return Object.freeze(out);
}

/** pySigma's generic mapping with the identity block added (pySigma's entry kept where a key is in both). */
export function withIdentityGeneric(
  base: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  return Object.freeze({ ...extra, ...base });
}

/** ASIM tables with the common columns the identity mappings use. */
export function withAsimCommonColumns(tables: Readonly<Record<string, TableSchema>>): Readonly<Record<string, TableSchema>> {
  return Object.freeze(
    Object.fromEntries(Object.entries(tables).map(([t, columns]) => [t, Object.freeze({ ...ASIM_COMMON_COLUMNS, ...columns })])),
  );
}

type Item = Readonly<Record<string, unknown>>;

const EVENT_ID_FIELDS = ['EventID', 'EventCode'];

/**
 * Windows Security logon event ids as the authentication tables record them, placed before the pipelines drop
 * EventID (pySigma drops it everywhere, so a 4625 rule matched every logon, failed or not):
 * - imAuthentication: `EventOriginalType`, the original event id as text (ASIM's Windows parsers keep it);
 * - DeviceLogonEvents: `ActionType` (4624 → LogonSuccess, 4625 → LogonFailed, and their Windows 2003 ids 528 and
 *   529), when every id of the item has one.
 *   Other ids (4634 logoff, 4648, the domain controller's 4768/4771/4776) have no ActionType in that table: such an
 *   item is dropped as pySigma drops it (the query then matches every logon), a gap listed in the README.
 */
export function logonEventItems(prefix: 'sentinel_asim' | 'microsoft_xdr'): Item[] {
  const table = prefix === 'sentinel_asim' ? 'imAuthentication' : 'DeviceLogonEvents';
  const on = {
    rule_conditions: [{ type: 'processing_state', key: 'query_table', val: table }],
    field_name_conditions: [{ type: 'include_fields', fields: EVENT_ID_FIELDS }],
  };
  const target = prefix === 'sentinel_asim' ? 'EventOriginalType' : 'ActionType';
  const items: Item[] = [{ id: `${prefix}_logon_eventid_text`, type: 'convert_type', target_type: 'str', ...on }];
  if (prefix === 'microsoft_xdr') {
    items.push({
      id: `${prefix}_logon_eventid_actiontype`,
      type: 'map_string',
      mapping: { '4624': 'LogonSuccess', '4625': 'LogonFailed', '528': 'LogonSuccess', '529': 'LogonFailed' },
      ...on,
    });
  }
  const mapped =
    prefix === 'microsoft_xdr'
      ? { detection_item_conditions: [{ type: 'match_string', cond: 'all', pattern: '^[0-9]+$', negate: true }] }
      : {};
  items.push({
    id: `${prefix}_logon_eventid_field`,
    type: 'field_name_mapping',
    mapping: Object.fromEntries(EVENT_ID_FIELDS.map((f) => [f, target])),
    ...on,
    ...mapped,
  });
  return items;
}
