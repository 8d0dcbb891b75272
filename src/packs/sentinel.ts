/**
 * Microsoft Sentinel scheduled analytic rules: the YAML form of the Azure-Sentinel repository (one file per rule)
 * and one ARM deployment template with an `alertRules` resource per converted query.
 */
import { dump } from 'js-yaml';
import { SigmaError } from '../errors.js';
import type { SigmaRule } from '../rule/ast.js';
import { checkQueryWindow, shortToIso } from './duration.js';
import { ruleUuid } from './rule-meta.js';
import { sentinelAttack, sentinelEntityMappings, sentinelSeverity } from './sentinel-common.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from './settings.js';
import type { ConvertedRule, PackSettings } from './types.js';

const LIMITS = { name: 256, description: 5000, query: 10000 } as const;
const ARM_TRIGGER_OPERATOR = { gt: 'GreaterThan', lt: 'LessThan', eq: 'Equal', ne: 'NotEqual' } as const;

interface SentinelRuleParts {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly settings: PackSettings;
}

/** Checks and gathers what both forms need; a rule that breaks a Sentinel limit is a SigmaError at the rule. */
function ruleParts(rule: SigmaRule, query: string, index: number, settings: PackSettings): SentinelRuleParts {
  const s = settingsForRule(rule, settings);
  checkQueryWindow(s.sentinel.queryFrequency, s.sentinel.queryPeriod, rule.source);
  const name = index === 0 ? rule.title : `${rule.title} (${index + 1})`;
  const description = rule.description?.trim() || rule.title;
  const fail = (what: string, limit: number): never => {
    throw new SigmaError('limit', `rule "${rule.title}": a Sentinel rule's ${what} is at most ${limit} characters`, rule.source);
  };
  if (name.length > LIMITS.name) fail('name', LIMITS.name);
  if (description.length > LIMITS.description) fail('description', LIMITS.description);
  if (query.length === 0 || query.length > LIMITS.query) fail('query', LIMITS.query);
  return { id: ruleUuid(rule, index), name, description, query, settings: s };
}

function yamlForParts(rule: SigmaRule, parts: SentinelRuleParts): string {
  const { sentinel } = parts.settings;
  const attack = sentinelAttack(rule);
  const entityMappings = sentinelEntityMappings(parts.query, parts.settings);
  const doc: Record<string, unknown> = {
    id: parts.id,
    name: parts.name,
    description: parts.description,
    severity: sentinelSeverity(rule, parts.settings),
    requiredDataConnectors: sentinel.requiredDataConnectors.map((c) => ({ connectorId: c.connectorId, dataTypes: [...c.dataTypes] })),
    queryFrequency: sentinel.queryFrequency,
    queryPeriod: sentinel.queryPeriod,
    triggerOperator: sentinel.triggerOperator,
    triggerThreshold: sentinel.triggerThreshold,
    tactics: [...attack.tactics],
    relevantTechniques: [...attack.techniques],
    query: parts.query,
    ...(entityMappings.length > 0 ? { entityMappings: entityMappings.map(plainMapping) } : {}),
    version: sentinel.version,
    kind: 'Scheduled',
  };
  return dump(doc, { lineWidth: -1, noRefs: true });
}

function plainMapping(m: { entityType: string; fieldMappings: readonly { identifier: string; columnName: string }[] }): unknown {
  return { entityType: m.entityType, fieldMappings: m.fieldMappings.map((f) => ({ identifier: f.identifier, columnName: f.columnName })) };
}

/**
 * A scheduled analytic rule in the Azure-Sentinel repository's YAML form for one rule and its KQL: id, name,
 * description, severity, requiredDataConnectors, queryFrequency, queryPeriod, triggerOperator, triggerThreshold,
 * tactics, relevantTechniques, query, entityMappings (when the query keeps its table's columns), version, kind.
 */
export function sentinelRuleYaml(rule: SigmaRule, query: string, settings: PackSettings = DEFAULT_PACK_SETTINGS): string {
  return yamlForParts(rule, ruleParts(rule, query, 0, settings));
}

/** ARM treats a string starting with `[` as an expression; a literal one starts with `[[`. */
function armLiteral(text: string): string {
  return text.startsWith('[') ? `[${text}` : text;
}

function armResource(rule: SigmaRule, parts: SentinelRuleParts): Record<string, unknown> {
  const { sentinel } = parts.settings;
  const attack = sentinelAttack(rule);
  const entityMappings = sentinelEntityMappings(parts.query, parts.settings);
  const where = rule.source;
  return {
    type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules',
    name: `[concat(parameters('workspace'),'/Microsoft.SecurityInsights/${parts.id}')]`,
    apiVersion: sentinel.apiVersion,
    kind: 'Scheduled',
    properties: {
      displayName: armLiteral(parts.name),
      description: armLiteral(parts.description),
      severity: sentinelSeverity(rule, parts.settings),
      enabled: sentinel.enabled,
      query: armLiteral(parts.query),
      queryFrequency: shortToIso(sentinel.queryFrequency, 'queryFrequency', where),
      queryPeriod: shortToIso(sentinel.queryPeriod, 'queryPeriod', where),
      triggerOperator: ARM_TRIGGER_OPERATOR[sentinel.triggerOperator],
      triggerThreshold: sentinel.triggerThreshold,
      suppressionDuration: shortToIso(sentinel.suppressionDuration, 'suppressionDuration', where),
      suppressionEnabled: sentinel.suppressionEnabled,
      tactics: [...attack.tactics],
      techniques: [...attack.parentTechniques],
      ...(entityMappings.length > 0 ? { entityMappings: entityMappings.map(plainMapping) } : {}),
      eventGroupingSettings: { aggregationKind: 'SingleAlert' },
      incidentConfiguration: {
        createIncident: sentinel.createIncident,
        groupingConfiguration: {
          enabled: false,
          reopenClosedIncident: false,
          lookbackDuration: 'PT5H',
          matchingMethod: 'AllEntities',
          groupByEntities: [],
          groupByAlertDetails: [],
          groupByCustomDetails: [],
        },
      },
      templateVersion: sentinel.version,
    },
  };
}

/**
 * One ARM deployment template (`az deployment group create … --parameters workspace=<name>`) with a
 * `Microsoft.OperationalInsights/workspaces/providers/alertRules` resource of kind Scheduled per converted query;
 * the resource name is the rule's UUID, durations are ISO 8601.
 */
export function sentinelArmTemplate(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): string {
  const resources = rules.flatMap((converted) =>
    converted.queries.map((query, index) => armResource(converted.rule, ruleParts(converted.rule, query, index, settings))),
  );
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      workspace: {
        type: 'string',
        metadata: { description: 'Name of the Log Analytics workspace that Microsoft Sentinel uses' },
      },
    },
    resources,
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

/** The Azure-Sentinel YAML of every query of a converted rule (second and later queries get their own id and name). */
export function sentinelRuleYamls(converted: ConvertedRule, settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly string[] {
  return converted.queries.map((query, index) => yamlForParts(converted.rule, ruleParts(converted.rule, query, index, settings)));
}
