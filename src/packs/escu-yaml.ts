/**
 * A Splunk security_content detection YAML (contentctl v5 form: `rba:` block, no `tags.observable`) for a rule and
 * its SPL, with the keys in the order real ESCU detections use.
 */
import { dump } from 'js-yaml';
import { SigmaError } from '../errors.js';
import type { SigmaRule } from '../rule/ast.js';
import { effectiveEscuType, escuAttackIds, escuRba, escuStatus, filterMacroName, snakeCaseTitle } from './escu-common.js';
import { httpReferences, isoDate, ruleUuid } from './rule-meta.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from './settings.js';
import type { PackSettings } from './types.js';

/** contentctl: a detection name is at most 67 characters. */
export const ESCU_MAX_NAME_LENGTH = 67;

const WINDOWS_DATA_SOURCES: Readonly<Record<string, readonly string[]>> = {
  process_creation: ['Sysmon EventID 1', 'Windows Event Log Security 4688'],
  network_connection: ['Sysmon EventID 3'],
  image_load: ['Sysmon EventID 7'],
  file_event: ['Sysmon EventID 11'],
  registry_add: ['Sysmon EventID 12'],
  registry_delete: ['Sysmon EventID 12'],
  registry_set: ['Sysmon EventID 13'],
  registry_event: ['Sysmon EventID 12', 'Sysmon EventID 13'],
  dns_query: ['Sysmon EventID 22'],
  ps_script: ['Powershell Script Block Logging 4104'],
};

function dataSources(rule: SigmaRule, settings: PackSettings): readonly string[] {
  if (settings.splunk.escu.dataSource) return settings.splunk.escu.dataSource;
  const { product, category } = rule.logsource;
  if (product !== 'windows' || category === undefined) return [];
  return WINDOWS_DATA_SOURCES[category] ?? [];
}

/** The search with the rule's filter macro as its last pipe (contentctl requires it), added when missing. */
export function withFilterMacro(title: string, query: string): string {
  const macro = `\`${filterMacroName(title)}\``;
  if (query.includes(macro)) return query;
  return query.includes('\n') ? `${query.trimEnd()}\n| ${macro}` : `${query.trimEnd()} | ${macro}`;
}

function cves(rule: SigmaRule): readonly string[] {
  return (rule.tags ?? [])
    .map((t) => /^cve\.(\d{4}-\d+)$/i.exec(t)?.[1])
    .filter((c): c is string => c !== undefined)
    .map((c) => `CVE-${c}`);
}

/**
 * `detections/<name>.yml` content for a rule and its SPL. The name is the rule title (at most 67 characters, else a
 * SigmaError); type follows the level unless set, and falls back to Hunting when the search has no risk field
 * (user, dest) for the RBA block that TTP and Anomaly detections need.
 */
export function escuDetectionYaml(rule: SigmaRule, query: string, settings: PackSettings = DEFAULT_PACK_SETTINGS): string {
  const s = settingsForRule(rule, settings);
  const escu = s.splunk.escu;
  if (rule.title.length > ESCU_MAX_NAME_LENGTH) {
    throw new SigmaError(
      'unsupported',
      `rule "${rule.title}": ESCU detection names are at most ${ESCU_MAX_NAME_LENGTH} characters (this title has ${rule.title.length})`,
      rule.source,
    );
  }
  const date = isoDate(rule.modified) ?? isoDate(rule.date);
  if (date === undefined) {
    throw new SigmaError('schema', `rule "${rule.title}": an ESCU detection needs a date (the rule has no date or modified)`, rule.source);
  }
  const search = withFilterMacro(rule.title, query);
  const type = effectiveEscuType(rule, search, s);
  const rba = type === 'TTP' || type === 'Anomaly' ? escuRba(rule, search, s) : undefined;
  const falsePositives = (rule.falsepositives ?? []).map((f) => f.trim()).filter((f) => f !== '');
  const references = httpReferences(rule);
  const cveIds = cves(rule);
  const doc: Record<string, unknown> = {
    name: rule.title,
    id: ruleUuid(rule),
    version: escu.version,
    date,
    author: rule.author?.trim() || 'Unknown',
    status: escuStatus(rule, s),
    type,
    description: rule.description?.trim() || rule.title,
    data_source: [...dataSources(rule, s)],
    search,
    how_to_implement: escu.howToImplement,
    known_false_positives: falsePositives.length > 0 ? falsePositives.join(' ') : 'Unknown',
    ...(references.length > 0 ? { references: [...references] } : {}),
    ...(rba
      ? {
          rba: {
            message: rba.message,
            risk_objects: rba.riskObjects.map((r) => ({ field: r.field, type: r.type, score: r.score })),
            threat_objects: rba.threatObjects.map((t) => ({ field: t.field, type: t.type })),
          },
        }
      : {}),
    tags: {
      analytic_story: [...escu.analyticStory],
      asset_type: escu.assetType,
      mitre_attack_id: [...escuAttackIds(rule)],
      product: [...escu.product],
      security_domain: escu.securityDomain,
      ...(cveIds.length > 0 ? { cve: [...cveIds] } : {}),
    },
  };
  return dump(doc, { lineWidth: -1, noRefs: true, noArrayIndent: true });
}

/** The file name contentctl expects for a detection: its name in snake case plus `.yml`. */
export function escuDetectionFileName(title: string): string {
  return `${snakeCaseTitle(title)}.yml`;
}
