/**
 * What the Sentinel writers (Azure-Sentinel YAML, ARM template) share: severity, ATT&CK tactics in the API's
 * vocabulary consistent with the techniques, and entity mappings from the columns of the query's table.
 */
import type { SigmaRule } from '../../../src/rule/ast.js';
import { attackFromTags, tacticGroups } from '../../../src/packs/attack.js';
import { ruleLevel } from '../../../src/packs/rule-meta.js';
import type { PackSettings, SentinelEntityMapping, SentinelSeverity } from '../../../src/packs/types.js';

export function sentinelSeverity(rule: SigmaRule, settings: PackSettings): SentinelSeverity {
  return settings.sentinel.severity ?? settings.sentinel.severityByLevel[ruleLevel(rule, settings)];
}

/**
 * ATT&CK tactic shortname → the tactic name of the Sentinel API (2025-09-01). The API predates ATT&CK v19's split of
 * Defense Evasion into Stealth (TA0005) and Defense Impairment (TA0112), so both map to DefenseEvasion, the tactic
 * the Azure-Sentinel validator accepts for those techniques.
 */
const SENTINEL_TACTIC: Readonly<Record<string, string>> = {
  reconnaissance: 'Reconnaissance',
  'resource-development': 'ResourceDevelopment',
  'initial-access': 'InitialAccess',
  execution: 'Execution',
  persistence: 'Persistence',
  'privilege-escalation': 'PrivilegeEscalation',
  stealth: 'DefenseEvasion',
  'defense-impairment': 'DefenseEvasion',
  'defense-evasion': 'DefenseEvasion',
  'credential-access': 'CredentialAccess',
  discovery: 'Discovery',
  'lateral-movement': 'LateralMovement',
  collection: 'Collection',
  'command-and-control': 'CommandAndControl',
  exfiltration: 'Exfiltration',
  impact: 'Impact',
};

export interface SentinelAttack {
  /** Sentinel tactic names in matrix order; every technique belongs to at least one of them. */
  readonly tactics: readonly string[];
  /** Technique and sub-technique ids as tagged (`T1552.004`), for the YAML `relevantTechniques`. */
  readonly techniques: readonly string[];
  /** Parent technique ids (`T1552`), for ARM `techniques`. */
  readonly parentTechniques: readonly string[];
}

export function sentinelAttack(rule: SigmaRule): SentinelAttack {
  const attack = attackFromTags(rule.tags);
  const tactics: string[] = [];
  for (const group of tacticGroups(attack)) {
    const name = SENTINEL_TACTIC[group.tactic.shortname];
    if (name !== undefined && !tactics.includes(name)) tactics.push(name);
  }
  const techniques = attack.techniques.map((t) => t.id);
  const parentTechniques = [...new Set(attack.techniques.map((t) => t.parent?.id ?? t.id))];
  return { tactics, techniques, parentTechniques };
}

type Mapping = SentinelEntityMapping;
const account = (...pairs: [string, string][]): Mapping => entity('Account', pairs);
const host = (column: string): Mapping => entity('Host', [['FullName', column]]);
const ip = (column: string): Mapping => entity('IP', [['Address', column]]);
function entity(entityType: string, pairs: readonly [string, string][]): Mapping {
  return { entityType, fieldMappings: pairs.map(([identifier, columnName]) => ({ identifier, columnName })) };
}

/**
 * Entity mappings per table, from columns the table has (ASIM schemas and Microsoft Defender XDR tables, as in
 * `shared/reference/tables.json`; `Dvc` is an ASIM common field).
 */
const TABLE_ENTITIES: Readonly<Record<string, readonly Mapping[]>> = {
  imProcessCreate: [
    account(['FullName', 'ActorUsername']),
    host('Dvc'),
    entity('Process', [
      ['ProcessId', 'TargetProcessId'],
      ['CommandLine', 'TargetProcessCommandLine'],
    ]),
  ],
  imFileEvent: [account(['FullName', 'ActorUsername']), host('Dvc'), entity('File', [['Name', 'TargetFileName']])],
  imRegistry: [account(['FullName', 'ActorUsername']), host('Dvc'), entity('RegistryKey', [['Key', 'RegistryKey']])],
  imNetworkSession: [host('Dvc'), ip('SrcIpAddr'), ip('DstIpAddr')],
  _Im_Dns: [host('Dvc'), ip('SrcIpAddr'), entity('DNS', [['DomainName', 'DnsQuery']])],
  imWebSession: [host('Dvc'), entity('URL', [['Url', 'Url']])],
  imAuthentication: [account(['FullName', 'TargetUsername']), host('Dvc'), ip('SrcIpAddr')],
  imAuditEvent: [account(['FullName', 'ActorUsername']), host('Dvc'), ip('SrcIpAddr')],
  DeviceProcessEvents: [
    account(['Name', 'AccountName'], ['NTDomain', 'AccountDomain']),
    host('DeviceName'),
    entity('Process', [
      ['ProcessId', 'ProcessId'],
      ['CommandLine', 'ProcessCommandLine'],
    ]),
  ],
  DeviceFileEvents: [
    account(['Name', 'InitiatingProcessAccountName'], ['NTDomain', 'InitiatingProcessAccountDomain']),
    host('DeviceName'),
    entity('File', [['Name', 'FileName']]),
  ],
  DeviceRegistryEvents: [
    account(['Name', 'InitiatingProcessAccountName'], ['NTDomain', 'InitiatingProcessAccountDomain']),
    host('DeviceName'),
    entity('RegistryKey', [['Key', 'RegistryKey']]),
  ],
  DeviceNetworkEvents: [
    account(['Name', 'InitiatingProcessAccountName'], ['NTDomain', 'InitiatingProcessAccountDomain']),
    host('DeviceName'),
    ip('RemoteIP'),
  ],
  DeviceImageLoadEvents: [
    account(['Name', 'InitiatingProcessAccountName'], ['NTDomain', 'InitiatingProcessAccountDomain']),
    host('DeviceName'),
    entity('File', [['Name', 'FileName']]),
  ],
  DeviceEvents: [account(['Name', 'InitiatingProcessAccountName'], ['NTDomain', 'InitiatingProcessAccountDomain']), host('DeviceName')],
  DeviceLogonEvents: [account(['Name', 'AccountName'], ['NTDomain', 'AccountDomain']), host('DeviceName'), ip('RemoteIP')],
};

/** Tabular operators after which every column of the source table is still there. */
const COLUMN_PRESERVING = new Set(['where', 'filter', 'extend', 'search', 'sort', 'order', 'take', 'limit', 'mv-expand', 'parse']);

/** The table a KQL query starts from (its first word), if it is a plain identifier. */
export function queryTable(query: string): string | undefined {
  return /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\||$)/.exec(query)?.[1];
}

/**
 * Entity mappings for a query: the explicit setting if given, else the known columns of the query's table — but
 * only when every operator keeps the table's columns (no project / summarize / join …), so the columns exist.
 */
export function sentinelEntityMappings(query: string, settings: PackSettings): readonly SentinelEntityMapping[] {
  if (settings.sentinel.entityMappings) return settings.sentinel.entityMappings;
  const table = queryTable(query);
  const mappings = table === undefined ? undefined : TABLE_ENTITIES[table];
  if (!mappings) return [];
  const withoutStrings = query.replace(/@"[^"]*"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  const operators = [...withoutStrings.matchAll(/\|\s*([a-z][a-z-]*)/g)].map((m) => m[1] ?? '');
  return operators.every((op) => COLUMN_PRESERVING.has(op)) ? mappings : [];
}
