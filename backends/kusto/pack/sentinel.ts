/**
 * Microsoft Sentinel scheduled analytic rules: the YAML form of the Azure-Sentinel repository (one file per rule)
 * and ARM deployment templates with an `alertRules` resource per converted query, split so that each template
 * stays within Azure's limits (800 resources, 4 MB).
 */
import { dump } from 'js-yaml';
import { SigmaError } from '../../../src/errors.js';
import type { SigmaRule } from '../../../src/rule/ast.js';
import { checkQueryWindow, shortToIso } from '../../../src/packs/duration.js';
import { ruleUuid } from '../../../src/packs/rule-meta.js';
import { sentinelAttack, sentinelEntityMappings, sentinelSeverity } from './sentinel-common.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from '../../../src/packs/settings.js';
import type { ConvertedRule, PackSettings } from '../../../src/packs/types.js';
import { chunkBySize, utf8Bytes } from '../../../src/packs/chunks.js';

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
export function ruleParts(rule: SigmaRule, query: string, index: number, settings: PackSettings): SentinelRuleParts {
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
 * Azure's limits for one deployment template (Azure Resource Manager docs, "Template limits"): 800 resources and
 * 4 MB for the template. The byte limit is kept with a margin (4,000,000 bytes, under 4 MiB).
 */
export const ARM_LIMITS = { resources: 800, bytes: 4_000_000 } as const;

function armTemplate(resources: readonly Record<string, unknown>[]): string {
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

/** Every query's alertRules resource, each with its size inside a template (indented under `resources`). */
function armResources(rules: readonly ConvertedRule[], settings: PackSettings): { resource: Record<string, unknown>; bytes: number }[] {
  return rules.flatMap((converted) =>
    converted.queries.map((query, index) => {
      const resource = armResource(converted.rule, ruleParts(converted.rule, query, index, settings));
      const text = JSON.stringify(resource, null, 2);
      // 4 more spaces on each line inside the template, and `,\n` between items
      return { resource, bytes: utf8Bytes(text) + 4 * text.split('\n').length + 2 };
    }),
  );
}

/**
 * ARM deployment templates (`az deployment group create … --parameters workspace=<name>`) with a
 * `Microsoft.OperationalInsights/workspaces/providers/alertRules` resource of kind Scheduled per converted query,
 * as many as Azure's limits need (`ARM_LIMITS`), in rule order. The resource name is the rule's UUID, durations
 * are ISO 8601; rules are deployed disabled unless `sentinel.enabled`.
 */
export function sentinelArmTemplates(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly string[] {
  const items = armResources(rules, settings);
  if (items.length === 0) return [armTemplate([])];
  const chunks = chunkBySize(items, (i) => i.bytes, {
    maxItems: ARM_LIMITS.resources,
    maxBytes: ARM_LIMITS.bytes,
    overhead: utf8Bytes(armTemplate([])),
  });
  return chunks.map((chunk) => armTemplate(chunk.map((i) => i.resource)));
}

/**
 * One ARM deployment template with every converted query (see `sentinelArmTemplates`). More than one template's
 * worth (over 800 resources or 4 MB) is a `limit` SigmaError that says to build a pack, which splits them.
 */
export function sentinelArmTemplate(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): string {
  const templates = sentinelArmTemplates(rules, settings);
  if (templates.length > 1) {
    const count = rules.reduce((n, r) => n + r.queries.length, 0);
    throw new SigmaError(
      'limit',
      `${count} Sentinel rules do not fit one ARM template (Azure allows ${ARM_LIMITS.resources} resources and 4 MB per template); ` +
        `use 'sigmaform pack -t kusto', which writes them as ${templates.length} templates, or convert fewer rules per run`,
    );
  }
  return templates[0] as string;
}

/** The Azure-Sentinel YAML of every query of a converted rule (second and later queries get their own id and name). */
export function sentinelRuleYamls(converted: ConvertedRule, settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly string[] {
  return converted.queries.map((query, index) => yamlForParts(converted.rule, ruleParts(converted.rule, query, index, settings)));
}
