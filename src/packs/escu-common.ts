/**
 * What the Splunk ESCU writers (savedsearches.conf in `escu` flavour, contentctl detection YAML) share: the filter
 * macro name, the detection type and status, ATT&CK ids, data models and the risk-based-alerting (RBA) objects.
 */
import type { SigmaRule } from '../rule/ast.js';
import { attackFromTags } from './attack.js';
import { ruleLevel } from './rule-meta.js';
import type { EscuDetectionType, EscuStatus, PackSettings } from './types.js';

/**
 * The ESCU name of a detection title: lower case, with ` `, `-`, `.` and `/` each replaced by `_` (contentctl's
 * file-name rule, so `Malicious PowerShell Process - Encoded Command` → `malicious_powershell_process___encoded_command`);
 * accents are dropped and any other character that cannot appear in a macro name is removed.
 * `Certificate Exported Via PowerShell` → `certificate_exported_via_powershell`.
 */
export function snakeCaseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ \-./]/g, '_')
    .replace(/[^a-z0-9_]/g, '');
}

/** `certificate_exported_via_powershell_filter` */
export function filterMacroName(title: string): string {
  return `${snakeCaseTitle(title)}_filter`;
}

export function escuType(rule: SigmaRule, settings: PackSettings): EscuDetectionType {
  return settings.splunk.escu.type ?? settings.splunk.escu.typeByLevel[ruleLevel(rule, settings)];
}

export function escuStatus(rule: SigmaRule, settings: PackSettings): EscuStatus {
  if (settings.splunk.escu.status) return settings.splunk.escu.status;
  switch (rule.status) {
    case 'experimental':
      return 'experimental';
    case 'deprecated':
    case 'unsupported':
      return 'deprecated';
    case 'stable':
    case 'test':
    case undefined:
      return 'production';
  }
}

/**
 * ATT&CK ids for `mitre_attack_id`: the rule's techniques, without a technique whose own sub-technique is also listed
 * (contentctl forbids both).
 */
export function escuAttackIds(rule: SigmaRule): readonly string[] {
  const ids = attackFromTags(rule.tags).techniques.map((t) => t.id);
  return ids.filter((id) => id.includes('.') || !ids.some((other) => other.startsWith(`${id}.`)));
}

/** CIM data models a search reads (`datamodel=Endpoint.Processes` → `Endpoint`). */
export function dataModels(query: string): readonly string[] {
  const found = new Set<string>();
  for (const m of query.matchAll(/datamodel\s*[=:]\s*"?([A-Za-z_]+)/g)) if (m[1]) found.add(m[1]);
  return [...found];
}

export interface RiskObject {
  readonly field: string;
  readonly type: 'user' | 'system' | 'other';
  readonly score: number;
}
export interface ThreatObject {
  readonly field: string;
  readonly type: string;
}
export interface Rba {
  readonly message: string;
  readonly riskObjects: readonly RiskObject[];
  readonly threatObjects: readonly ThreatObject[];
}

const RISK_CANDIDATES: readonly { readonly field: string; readonly type: RiskObject['type'] }[] = [
  { field: 'user', type: 'user' },
  { field: 'dest', type: 'system' },
];
const THREAT_CANDIDATES: readonly ThreatObject[] = [
  { field: 'parent_process_name', type: 'parent_process_name' },
  { field: 'process_name', type: 'process_name' },
  { field: 'file_name', type: 'file_name' },
  { field: 'file_path', type: 'file_path' },
  { field: 'registry_path', type: 'registry_path' },
  { field: 'url', type: 'url' },
];

/** Whether `field` occurs in the search as a field name (bare or as `Node.field`). */
export function searchHasField(query: string, field: string): boolean {
  return new RegExp(`(?:^|[^A-Za-z0-9_])${field}(?![A-Za-z0-9_])`).test(query);
}

/**
 * RBA objects for a search: `user` / `dest` risk objects and process / file / registry threat objects, each only
 * when its field occurs in the search (contentctl requires that). Undefined when the search has no risk field.
 */
export function escuRba(rule: SigmaRule, query: string, settings: PackSettings): Rba | undefined {
  const score = settings.splunk.escu.riskScoreByLevel[ruleLevel(rule, settings)];
  const riskObjects = RISK_CANDIDATES.filter((c) => searchHasField(query, c.field)).map((c) => ({ ...c, score }));
  if (riskObjects.length === 0) return undefined;
  const threatObjects = THREAT_CANDIDATES.filter((c) => searchHasField(query, c.field));
  const has = (field: string): boolean => riskObjects.some((r) => r.field === field);
  const message = `${rule.title}${has('dest') ? ' on $dest$' : ''}${has('user') ? ' by $user$' : ''}`;
  return { message, riskObjects, threatObjects };
}

/**
 * The detection type actually used: RBA types (TTP, Anomaly) need a risk object in the search, so without one the
 * detection is written as Hunting.
 */
export function effectiveEscuType(rule: SigmaRule, query: string, settings: PackSettings): EscuDetectionType {
  const type = escuType(rule, settings);
  if ((type === 'TTP' || type === 'Anomaly') && escuRba(rule, query, settings) === undefined) return 'Hunting';
  return type;
}
