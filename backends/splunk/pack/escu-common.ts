/**
 * What the Splunk ESCU writers (savedsearches.conf in `escu` flavour, contentctl detection YAML) share: the filter
 * macro name, the detection type and status, ATT&CK ids, data models and the risk-based-alerting (RBA) objects.
 */
import type { SigmaRule } from '../../../src/rule/ast.js';
import { attackFromTags } from '../../../src/packs/attack.js';
import { ruleLevel, ruleUuid } from '../../../src/packs/rule-meta.js';
import type { EscuDetectionType, EscuStatus, PackSettings } from '../../../src/packs/types.js';

/** contentctl: a detection name is at most 67 characters (`CONTENTCTL_MAX_SEARCH_NAME_LENGTH`). */
export const ESCU_MAX_NAME_LENGTH = 67;

/**
 * contentctl's `contentNameToFileName` without `.yml`: the name with ` `, `-`, `.` and `/` each replaced by `_`,
 * lower-cased, nothing else changed. The detection's file stem and filter macro (`<stem>_filter`) come from it.
 */
export function contentctlStem(name: string): string {
  return name.replace(/[ \-./]/g, '_').toLowerCase();
}

/**
 * The ESCU detection name for a rule title, before the pack makes names unique: accents dropped, every character
 * that could not stand in a macro name once contentctl has derived the filter macro from the name removed (only
 * letters, digits, `_` and the four characters contentctl replaces stay), white space collapsed, and at most
 * `max` characters (cut at a word boundary where one is near). Empty when nothing is left.
 */
export function escuBaseName(title: string, max = ESCU_MAX_NAME_LENGTH): string {
  const clean = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_ \-./]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return shorten(clean, max);
}

/** `text` cut to at most `max` characters, at the last space when it is in the last third, without trailing ` -./`. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space >= (max * 2) / 3 ? cut.slice(0, space) : cut).replace(/[ \-./]+$/, '');
}

/**
 * A file stem for a rule title in every pack: the title in snake case (contentctl's replacements, and anything
 * that is not a letter, digit or `_` removed). `Certificate Exported Via PowerShell` → `certificate_exported_via_powershell`.
 */
export function snakeCaseTitle(title: string): string {
  return contentctlStem(escuBaseName(title, Number.MAX_SAFE_INTEGER)).replace(/[^a-z0-9_]/g, '');
}

/**
 * The filter macro contentctl requires in the search of the detection a title becomes (`<stem>_filter`), e.g.
 * `certificate_exported_via_powershell_filter`. A pack whose titles collide names the later ones apart, see
 * `escuNames`.
 */
export function filterMacroName(title: string): string {
  return filterMacroFor(escuBaseName(title) || 'Sigma rule');
}

/** The filter macro contentctl derives from a detection name: `<stem>_filter`. */
export function filterMacroFor(name: string): string {
  return `${contentctlStem(name)}_filter`;
}

/** A rule's ESCU name before names are made unique: `escuBaseName` of its title, or `Sigma <uuid>` when that is empty. */
export function escuRuleName(rule: SigmaRule): string {
  return escuBaseName(rule.title) || `Sigma ${ruleUuid(rule)}`;
}

/**
 * ESCU names for the rules of one pack, decided once and used for the stanza, the filter macro, the detection and
 * its file: `escuRuleName`, and for a name whose file stem an earlier rule already has, ` 2`, ` 3` … appended
 * (the name shortened to keep within 67 characters).
 */
export function escuNames(rules: readonly { readonly rule: SigmaRule }[]): readonly string[] {
  const taken = new Set<string>();
  return rules.map(({ rule }) => {
    const base = escuRuleName(rule);
    let name = base;
    for (let n = 2; taken.has(contentctlStem(name)); n += 1) {
      const suffix = ` ${n}`;
      name = `${shorten(base, ESCU_MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(contentctlStem(name));
    return name;
  });
}

export function escuType(rule: SigmaRule, settings: PackSettings): EscuDetectionType {
  return settings.splunk.escu.type ?? settings.splunk.escu.typeByLevel[ruleLevel(rule, settings)];
}

/**
 * The detection's status: the setting when given; else `production` for a stable or test rule that has tests
 * (contentctl requires tests of every production detection), and `experimental` otherwise (a deprecated status
 * needs an entry in the app's deprecation mapping, which a pack does not have, so it is only used when set).
 */
export function escuStatus(rule: SigmaRule, settings: PackSettings): EscuStatus {
  const escu = settings.splunk.escu;
  if (escu.status) return escu.status;
  const tested = (escu.tests ?? []).length > 0;
  return tested && (rule.status === 'stable' || rule.status === 'test' || rule.status === undefined) ? 'production' : 'experimental';
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
