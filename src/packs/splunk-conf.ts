/**
 * Splunk `savedsearches.conf` (one scheduled search per converted query) and `macros.conf` (one empty ESCU filter
 * macro per rule). Only settings of Splunk's savedsearches.conf / macros.conf and, in the `escu` flavour, the ES /
 * ESCU `action.*` settings that generated ESCU apps carry.
 */
import type { SigmaRule } from '../rule/ast.js';
import { type ConfStanza, renderConf } from './conf.js';
import { dataModels, effectiveEscuType, escuAttackIds, escuRba, filterMacroName } from './escu-common.js';
import { isoDate, ruleLevel, ruleUuid } from './rule-meta.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from './settings.js';
import type { ConvertedRule, PackSettings } from './types.js';

const FILTER_MACRO_DESCRIPTION = 'Update this macro to limit the output results to filter out false positives.';

function flag(value: boolean): string {
  return value ? '1' : '0';
}

/** JSON with a space after `,` and `:` outside strings, the way generated ESCU apps write it. */
function json(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(json).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${json(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function falsePositives(rule: SigmaRule): string {
  const list = (rule.falsepositives ?? []).map((f) => f.trim()).filter((f) => f !== '');
  return list.length > 0 ? list.join(' ') : 'Unknown';
}

/** The ES / ESCU settings of a stanza (`escu` flavour), in the order generated ESCU apps write them. */
function escuSettings(
  rule: SigmaRule,
  query: string,
  name: string,
  settings: PackSettings,
): {
  head: [string, string][];
  schedule: [string, string][];
  notable: [string, string][];
} {
  const escu = settings.splunk.escu;
  const attackIds = escuAttackIds(rule);
  const mappings = attackIds.length > 0 ? { mitre_attack: attackIds } : {};
  const created = isoDate(rule.date) ?? isoDate(rule.modified);
  const modified = isoDate(rule.modified) ?? created;
  const type = effectiveEscuType(rule, query, settings);
  const rba = type === 'TTP' || type === 'Anomaly' ? escuRba(rule, query, settings) : undefined;
  const head: [string, string][] = [
    ['action.escu', '0'],
    ['action.escu.enabled', '1'],
    ['description', rule.description ?? rule.title],
    ['action.escu.mappings', json(mappings)],
    ['action.escu.data_models', json(dataModels(query))],
    ['action.escu.how_to_implement', escu.howToImplement],
    ['action.escu.known_false_positives', falsePositives(rule)],
    ...(created ? ([['action.escu.creation_date', created]] as [string, string][]) : []),
    ...(modified ? ([['action.escu.modification_date', modified]] as [string, string][]) : []),
    ['action.escu.full_search_name', name],
    ['action.escu.search_type', 'detection'],
    ['action.escu.product', json(escu.product)],
    ['action.escu.providing_technologies', '[]'],
    ['action.escu.analytic_story', json(escu.analyticStory)],
  ];
  if (rba) {
    const risk = [
      ...rba.riskObjects.map((r) => ({ risk_object_field: r.field, risk_object_type: r.type, risk_score: r.score })),
      ...rba.threatObjects.map((t) => ({ threat_object_field: t.field, threat_object_type: t.type })),
    ];
    head.push(
      ['action.risk', '1'],
      ['action.risk.param._risk_message', rba.message],
      ['action.risk.param._risk', json(risk)],
      ['action.risk.param._risk_score', '0'],
      ['action.risk.param.verbose', '0'],
    );
  }
  const annotations = { analytic_story: escu.analyticStory, ...mappings };
  const schedule: [string, string][] = [
    ['action.correlationsearch.enabled', '1'],
    ['action.correlationsearch.label', name],
    ['action.correlationsearch.annotations', json(annotations)],
  ];
  const notable: [string, string][] =
    type === 'TTP'
      ? [
          ['action.notable', '1'],
          ['action.notable.param.nes_fields', 'user,dest'],
          ['action.notable.param.rule_description', rule.description ?? rule.title],
          ['action.notable.param.rule_title', rule.title],
          ['action.notable.param.security_domain', escu.securityDomain],
          ['action.notable.param.severity', ruleLevel(rule, settings)],
        ]
      : [];
  return { head, schedule, notable };
}

/** The stanza for one query of a rule; `name` is the stanza name already made unique. */
function savedSearchStanza(rule: SigmaRule, query: string, name: string, settings: PackSettings): ConfStanza {
  const splunk = settings.splunk;
  const escu = splunk.flavour === 'escu' ? escuSettings(rule, query, name, settings) : undefined;
  const out: [string, string][] = escu ? [...escu.head] : [['description', rule.description ?? rule.title]];
  out.push(
    ['cron_schedule', splunk.cronSchedule],
    ['dispatch.earliest_time', splunk.earliestTime],
    ['dispatch.latest_time', splunk.latestTime],
  );
  if (escu) out.push(...escu.schedule);
  out.push(['schedule_window', splunk.scheduleWindow]);
  if (escu) out.push(...escu.notable);
  out.push(
    ['alert.severity', String(splunk.alertSeverityByLevel[ruleLevel(rule, settings)])],
    ['alert.track', '1'],
    ['alert.digest_mode', '1'],
    ['disabled', flag(splunk.disabled)],
    ['enableSched', flag(splunk.enableSched)],
  );
  if (escu) out.push(['allow_skew', '100%']);
  out.push(['counttype', 'number of events'], ['relation', 'greater than'], ['quantity', '0']);
  if (escu) out.push(['realtime_schedule', '0'], ['is_visible', 'false']);
  if (splunk.app !== undefined) out.push(['request.ui_dispatch_app', splunk.app]);
  out.push(['search', query]);
  return { name, settings: out };
}

function stanzaBaseName(rule: SigmaRule, settings: PackSettings, index: number): string {
  const base = settings.splunk.stanzaName.replace(/\{title\}/g, rule.title);
  return index === 0 ? base : `${base} (${index + 1})`;
}

/**
 * The savedsearches.conf stanzas of converted rules, one per query. Stanza names come from `splunk.stanzaName`; a
 * name already taken by an earlier rule gets the rule's UUID appended, so no stanza silently overrides another.
 */
export function savedSearchStanzas(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly ConfStanza[] {
  const taken = new Set<string>();
  const stanzas: ConfStanza[] = [];
  for (const converted of rules) {
    const ruleSettings = settingsForRule(converted.rule, settings);
    converted.queries.forEach((query, index) => {
      let name = stanzaBaseName(converted.rule, ruleSettings, index).replace(/\s+/g, ' ').trim();
      if (taken.has(name.toLowerCase())) name = `${name} [${ruleUuid(converted.rule, index)}]`;
      taken.add(name.toLowerCase());
      stanzas.push(savedSearchStanza(converted.rule, query, name, ruleSettings));
    });
  }
  return stanzas;
}

/** `savedsearches.conf`: one scheduled search per query of each rule, the search on one logical line. */
export function savedsearchesConf(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): string {
  return renderConf(savedSearchStanzas(rules, settings), ['Generated by sigmaform from Sigma rules.']);
}

/**
 * `macros.conf`: one argument-less ESCU filter macro per rule (`<title_in_snake_case>_filter`, `definition = search *`),
 * as generated ESCU apps ship them. Rules with the same title share one macro.
 */
export function macrosConf(rules: readonly ConvertedRule[]): string {
  const names = new Set<string>();
  const stanzas: ConfStanza[] = [];
  for (const { rule } of rules) {
    const name = filterMacroName(rule.title);
    if (names.has(name)) continue;
    names.add(name);
    stanzas.push({
      name,
      settings: [
        ['definition', 'search *'],
        ['description', FILTER_MACRO_DESCRIPTION],
      ],
    });
  }
  return renderConf(stanzas, ['Generated by sigmaform: one filter macro per detection, empty by default.']);
}
