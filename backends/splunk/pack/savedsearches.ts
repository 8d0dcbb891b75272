/**
 * Splunk `savedsearches.conf` (one scheduled search per converted query) and `macros.conf` (one empty ESCU filter
 * macro per detection). Only settings of Splunk's savedsearches.conf / macros.conf and, in the `escu` flavour, the
 * ES / ESCU `action.*` settings that generated ESCU apps carry. Every converted query gets a stanza whatever its
 * title: names are made unique once (see `plainStanzaNames`, `escuNames`) and escaped by the conf writer.
 */
import type { SigmaRule } from '../../../src/rule/ast.js';
import { type ConfStanza, renderConf } from '../../../src/packs/conf.js';
import { dataModels, effectiveEscuType, escuAttackIds, escuNames, escuRba, escuRuleName, filterMacroFor } from './escu-common.js';
import { withFilterMacro } from './escu-yaml.js';
import { isoDate, ruleLevel, ruleUuid } from '../../../src/packs/rule-meta.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from '../../../src/packs/settings.js';
import type { ConvertedRule, PackSettings } from '../../../src/packs/types.js';

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
  detectionName: string,
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
          // ESCU's `%name%`: the detection's name (in the ESCU form the shortened, unique one), as its YAML says.
          ['action.notable.param.rule_title', detectionName],
          ['action.notable.param.security_domain', escu.securityDomain],
          ['action.notable.param.severity', ruleLevel(rule, settings)],
        ]
      : [];
  return { head, schedule, notable };
}

/** The stanza for one query of a rule; `name` is the stanza name already made unique. */
function savedSearchStanza(rule: SigmaRule, query: string, name: string, settings: PackSettings, detectionName = rule.title): ConfStanza {
  const splunk = settings.splunk;
  const escu = splunk.flavour === 'escu' ? escuSettings(rule, query, name, settings, detectionName) : undefined;
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

/** A stanza name as the conf writer will write it (no brackets, one line), for comparing names. */
function stanzaKey(name: string): string {
  return name.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Stanza names of the plain form, per rule and query: `splunk.stanzaName` with the title (` (2)`, ` (3)` … for a
 * rule's further queries); a name an earlier stanza already has gets the next free ` (n)`, so no stanza overrides
 * another and every query keeps its own.
 */
export function plainStanzaNames(
  rules: readonly ConvertedRule[],
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
): readonly (readonly string[])[] {
  const taken = new Set<string>();
  return rules.map((converted) => {
    const template = settingsForRule(converted.rule, settings).splunk.stanzaName;
    const base =
      template
        .replace(/\{title\}/g, converted.rule.title)
        .replace(/[[\]]/g, '')
        .replace(/\s+/g, ' ')
        .trim() || ruleUuid(converted.rule);
    return converted.queries.map((_query, index) => {
      let name = index === 0 ? base : `${base} (${index + 1})`;
      for (let n = 2; taken.has(stanzaKey(name)); n += 1) name = `${base} (${n})`;
      taken.add(stanzaKey(name));
      return name;
    });
  });
}

/** `ESCU - <name> - Rule`, the stanza contentctl writes for a detection. */
export function escuStanzaName(name: string): string {
  return `ESCU - ${name} - Rule`;
}

/**
 * The savedsearches.conf stanzas of converted rules, one per query. `form: 'plain'` names them from
 * `splunk.stanzaName`; `form: 'escu'` is the ESCU app form: `ESCU - <name> - Rule` stanzas in the `escu` flavour,
 * each search ending in its detection's filter macro, for rules of exactly one query.
 */
export function savedSearchStanzas(
  rules: readonly ConvertedRule[],
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
  form: 'plain' | 'escu' = 'plain',
): readonly ConfStanza[] {
  if (form === 'escu') {
    const names = escuNames(rules);
    return rules.flatMap((converted, i) => {
      const name = names[i] ?? escuRuleName(converted.rule);
      const s = settingsForRule(converted.rule, settings);
      const escuFlavour: PackSettings = { ...s, splunk: { ...s.splunk, flavour: 'escu' } };
      return converted.queries.map((query) =>
        savedSearchStanza(
          converted.rule,
          withFilterMacro(name, query, filterMacroFor(escuRuleName(converted.rule))),
          escuStanzaName(name),
          escuFlavour,
          name,
        ),
      );
    });
  }
  const names = plainStanzaNames(rules, settings);
  return rules.flatMap((converted, i) => {
    const s = settingsForRule(converted.rule, settings);
    return converted.queries.map((query, index) => savedSearchStanza(converted.rule, query, names[i]?.[index] ?? converted.rule.title, s));
  });
}

/** `savedsearches.conf`: one scheduled search per query of each rule, the search on one logical line. */
export function savedsearchesConf(
  rules: readonly ConvertedRule[],
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
  form: 'plain' | 'escu' = 'plain',
): string {
  return renderConf(savedSearchStanzas(rules, settings, form), ['Generated by sigmaform from Sigma rules.']);
}

/**
 * `macros.conf`: one argument-less ESCU filter macro per detection (`<stem>_filter`, `definition = search *`), as
 * generated ESCU apps ship them; the names are the pack's ESCU names (`escuNames`), so each detection has its own.
 */
export function macrosConf(rules: readonly ConvertedRule[]): string {
  const stanzas: ConfStanza[] = escuNames(rules).map((name) => ({
    name: filterMacroFor(name),
    settings: [
      ['definition', 'search *'],
      ['description', FILTER_MACRO_DESCRIPTION],
    ],
  }));
  return renderConf(stanzas, ['Generated by sigmaform: one filter macro per detection, empty by default.']);
}
