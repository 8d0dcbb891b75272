/**
 * A Splunk security_content detection YAML (contentctl v5 form: `rba:` block, no `tags.observable`) for a rule and
 * its SPL, with the keys in the order real ESCU detections use.
 */
import { dump } from 'js-yaml';
import { SigmaError } from '../../../src/errors.js';
import type { SigmaRule } from '../../../src/rule/ast.js';
import {
  contentctlStem,
  effectiveEscuType,
  escuAttackIds,
  escuRba,
  escuRuleName,
  escuStatus,
  filterMacroFor,
  type Rba,
} from './escu-common.js';
import { httpReferences, isoDate, ruleUuid } from '../../../src/packs/rule-meta.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from '../../../src/packs/settings.js';
import type { PackSettings } from '../../../src/packs/types.js';

export { ESCU_MAX_NAME_LENGTH } from './escu-common.js';

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

/**
 * The search with the filter macro of the detection `name` (contentctl requires exactly that macro): the macro
 * `convert -f escu` wrote for the rule (`ruleMacro`) is renamed when the pack named the detection apart, and a
 * search without one gets it as its last pipe.
 */
export function withFilterMacro(name: string, query: string, ruleMacro?: string): string {
  const macro = `\`${filterMacroFor(name)}\``;
  if (query.includes(macro)) return query;
  const old = ruleMacro === undefined ? -1 : query.lastIndexOf(`\`${ruleMacro}\``);
  if (ruleMacro !== undefined && old >= 0) return `${query.slice(0, old)}${macro}${query.slice(old + ruleMacro.length + 2)}`;
  return query.includes('\n') ? `${query.trimEnd()}\n| ${macro}` : `${query.trimEnd()} | ${macro}`;
}

/** The two drilldown searches ESCU writes for a detection with risk objects (the detection's results, the risk events). */
function drilldowns(rba: Rba): Record<string, string>[] {
  const fields = rba.riskObjects.map((r) => r.field);
  const vars = fields.map((f) => `$${f}$`);
  const offsets = { earliest_offset: '$info_min_time$', latest_offset: '$info_max_time$' };
  return [
    {
      name: `View the detection results for ${vars.join(' and ')}`,
      search: `%original_detection_search% | search  ${fields.map((f) => `${f} = $${f}$`).join(' ')}`,
      ...offsets,
    },
    {
      name: `View risk events for the last 7 days for ${vars.join(' and ')}`,
      search: `| from datamodel Risk.All_Risk | search normalized_risk_object IN (${vars.join(', ')}) starthoursago=168 endhoursago=1 | stats count min(_time) as firstTime max(_time) as lastTime values(search_name) as "Search Name" values(risk_message) as "Risk Message" values(analyticstories) as "Analytic Stories" values(annotations._all) as "Annotations" values(annotations.mitre_attack.mitre_tactic) as "ATT&CK Tactics" by normalized_risk_object | \`security_content_ctime(firstTime)\` | \`security_content_ctime(lastTime)\``,
      ...offsets,
    },
  ];
}

/** contentctl: `known_false_positives` has at least 4 characters; `author` at most 255. */
const MIN_KNOWN_FALSE_POSITIVES = 4;
const MAX_AUTHOR = 255;

function cves(rule: SigmaRule): readonly string[] {
  return (rule.tags ?? [])
    .map((t) => /^cve\.(\d{4}-\d+)$/i.exec(t)?.[1])
    .filter((c): c is string => c !== undefined)
    .map((c) => `CVE-${c}`);
}

/**
 * `detections/<stem>.yml` content for a rule and its SPL, as contentctl v5 validates it. `name` is the detection
 * name (default: the rule title made fit, see `escuRuleName`; a pack passes the name it made unique). The type
 * follows the level unless set, and falls back to Hunting when the search has no risk field (user, dest) for the
 * RBA block that TTP and Anomaly detections need; those two get ESCU's two drilldown searches. The status is
 * `experimental` unless the settings give tests. A rule without a date is a SigmaError.
 */
export function escuDetectionYaml(rule: SigmaRule, query: string, settings: PackSettings = DEFAULT_PACK_SETTINGS, name?: string): string {
  const s = settingsForRule(rule, settings);
  const escu = s.splunk.escu;
  const detectionName = name ?? escuRuleName(rule);
  const date = isoDate(rule.modified) ?? isoDate(rule.date);
  if (date === undefined) {
    throw new SigmaError('schema', `rule "${rule.title}": an ESCU detection needs a date (the rule has no date or modified)`, rule.source);
  }
  const search = withFilterMacro(detectionName, query, filterMacroFor(escuRuleName(rule)));
  const type = effectiveEscuType(rule, search, s);
  const rba = type === 'TTP' || type === 'Anomaly' ? escuRba(rule, search, s) : undefined;
  const status = escuStatus(rule, s);
  const falsePositives = (rule.falsepositives ?? [])
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .join(' ');
  const references = httpReferences(rule);
  const cveIds = cves(rule);
  const tests = escu.tests ?? [];
  const doc: Record<string, unknown> = {
    name: detectionName,
    id: ruleUuid(rule),
    version: escu.version,
    date,
    author: (rule.author?.trim() || 'Unknown').slice(0, MAX_AUTHOR),
    status,
    type,
    description: rule.description?.trim() || rule.title,
    data_source: [...dataSources(rule, s)],
    search,
    how_to_implement: escu.howToImplement,
    known_false_positives: falsePositives.length >= MIN_KNOWN_FALSE_POSITIVES ? falsePositives : 'Unknown',
    ...(references.length > 0 ? { references: [...references] } : {}),
    ...(rba ? { drilldown_searches: drilldowns(rba) } : {}),
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
    // contentctl: only production TTP, Anomaly or Correlation detections may be enabled by default
    ...(!s.splunk.disabled && status === 'production' && type !== 'Hunting' ? { enabled_by_default: true } : {}),
    ...(tests.length > 0 ? { tests: tests.map((t) => ({ name: t.name, attack_data: t.attack_data.map((d) => ({ ...d })) })) } : {}),
  };
  return dump(doc, { lineWidth: -1, noRefs: true, noArrayIndent: true });
}

/** The file name contentctl expects for a detection name (`contentNameToFileName`): its stem plus `.yml`. */
export function escuDetectionFileName(name: string): string {
  return `${contentctlStem(name)}.yml`;
}
