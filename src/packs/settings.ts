/**
 * Pack settings: project-wide defaults (`DEFAULT_PACK_SETTINGS`, or a user's partial config merged by
 * `packSettings`) and the per-rule values a rule's custom attributes override (`settingsForRule`).
 *
 * Custom attributes a rule may carry (top-level keys of the Sigma rule, snake_case as in Sigma):
 *
 * | attribute | overrides |
 * | --- | --- |
 * | `splunk_cron_schedule`, `splunk_earliest_time`, `splunk_latest_time`, `splunk_schedule_window`, `splunk_app`, `splunk_disabled` | savedsearches.conf scheduling |
 * | `escu_type`, `escu_analytic_story`, `escu_security_domain`, `escu_asset_type`, `escu_how_to_implement`, `escu_version` | ESCU detection YAML |
 * | `sentinel_severity`, `sentinel_query_frequency`, `sentinel_query_period`, `sentinel_trigger_operator`, `sentinel_trigger_threshold`, `sentinel_version` | Sentinel rule |
 * | `elastic_index`, `elastic_interval`, `elastic_from`, `elastic_risk_score`, `elastic_severity`, `elastic_max_signals`, `elastic_version` | Elastic rule |
 */
import { z } from 'zod';
import { SigmaError, type SourceLocation } from '../errors.js';
import type { SigmaRule } from '../rule/ast.js';
import { parseYaml, type ParsedYaml } from '../rule/yaml.js';
import { checkQueryWindow, shortDurationMinutes } from './duration.js';
import type { PackSettings } from './types.js';

export const DEFAULT_PACK_SETTINGS: PackSettings = deepFreeze({
  defaultLevel: 'medium',
  enabled: false,
  splunk: {
    flavour: 'core',
    stanzaName: '{title}',
    cronSchedule: '0 * * * *',
    earliestTime: '-70m@m',
    latestTime: '-10m@m',
    scheduleWindow: 'auto',
    enableSched: true,
    disabled: true,
    alertSeverityByLevel: { informational: 2, low: 3, medium: 4, high: 5, critical: 6 },
    escu: {
      typeByLevel: { informational: 'Hunting', low: 'Anomaly', medium: 'Anomaly', high: 'TTP', critical: 'TTP' },
      version: 1,
      analyticStory: [],
      assetType: 'Endpoint',
      product: ['Splunk Enterprise', 'Splunk Enterprise Security', 'Splunk Cloud'],
      securityDomain: 'endpoint',
      howToImplement:
        "The search needs the events of the rule's log source mapped to the Splunk Common Information Model (CIM) data model it queries, with the field names the search uses.",
      riskScoreByLevel: { informational: 15, low: 30, medium: 50, high: 70, critical: 90 },
    },
  },
  sentinel: {
    queryFrequency: '1h',
    queryPeriod: '1h',
    severityByLevel: { informational: 'Informational', low: 'Low', medium: 'Medium', high: 'High', critical: 'High' },
    triggerOperator: 'gt',
    triggerThreshold: 0,
    requiredDataConnectors: [],
    version: '1.0.0',
    enabled: false,
    suppressionEnabled: false,
    suppressionDuration: '5h',
    createIncident: true,
    apiVersion: '2025-09-01',
  },
  elastic: {
    index: ['winlogbeat-*', 'logs-*'],
    interval: '5m',
    from: 'now-9m',
    to: 'now',
    enabled: false,
    maxSignals: 100,
    version: 1,
    riskScoreByLevel: { informational: 21, low: 21, medium: 47, high: 73, critical: 99 },
    severityByLevel: { informational: 'low', low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
    tags: ['Sigma'],
  },
} satisfies PackSettings);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ───────────────────────────── partial config (pack.yml / CLI flags) ─────────────────────────────

const level = z.enum(['informational', 'low', 'medium', 'high', 'critical']);
const levelMap = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    informational: item.optional(),
    low: item.optional(),
    medium: item.optional(),
    high: item.optional(),
    critical: item.optional(),
  });
const nonEmpty = z.string().min(1);
const escuType = z.enum(['TTP', 'Anomaly', 'Hunting', 'Correlation']);
const sentinelSeverity = z.enum(['Informational', 'Low', 'Medium', 'High']);
const elasticSeverity = z.enum(['low', 'medium', 'high', 'critical']);
const shortDuration = z.string().regex(/^\d+[mhd]$/, 'a duration such as 5m, 1h or 1d');
const riskScore = z.number().int().min(0).max(100);
const elasticInterval = z.string().regex(/^\d+[smhd]$/, 'an interval such as 5m');
/** contentctl's UnitTest: a name and the attack data it replays (data URL or path, source, sourcetype). */
const escuTest = z.strictObject({
  name: nonEmpty,
  attack_data: z
    .array(
      z.strictObject({
        data: nonEmpty,
        source: nonEmpty,
        sourcetype: nonEmpty,
        custom_index: nonEmpty.optional(),
        host: nonEmpty.optional(),
      }),
    )
    .min(1),
});
const escuTests = z.array(escuTest).min(1);

const partialSchema = z.strictObject({
  defaultLevel: level.optional(),
  enabled: z.boolean().optional(),
  splunk: z
    .strictObject({
      flavour: z.enum(['core', 'escu']).optional(),
      stanzaName: nonEmpty.optional(),
      app: nonEmpty.optional(),
      cronSchedule: nonEmpty.optional(),
      earliestTime: nonEmpty.optional(),
      latestTime: nonEmpty.optional(),
      scheduleWindow: z
        .union([nonEmpty, z.number().int().min(0)])
        .transform(String)
        .optional(),
      enableSched: z.boolean().optional(),
      disabled: z.boolean().optional(),
      alertSeverityByLevel: levelMap(z.number().int().min(1).max(6)).optional(),
      escu: z
        .strictObject({
          type: escuType.optional(),
          typeByLevel: levelMap(escuType).optional(),
          status: z.enum(['production', 'experimental', 'deprecated']).optional(),
          version: z.number().int().min(0).optional(),
          analyticStory: z.array(nonEmpty).optional(),
          assetType: nonEmpty.optional(),
          product: z.array(nonEmpty).min(1).optional(),
          securityDomain: z.enum(['endpoint', 'network', 'threat', 'identity', 'access', 'audit']).optional(),
          dataSource: z.array(nonEmpty).optional(),
          howToImplement: z.string().min(4).optional(),
          riskScoreByLevel: levelMap(z.number().int().min(1).max(100)).optional(),
          tests: escuTests.optional(),
        })
        .optional(),
    })
    .optional(),
  sentinel: z
    .strictObject({
      queryFrequency: shortDuration.optional(),
      queryPeriod: shortDuration.optional(),
      severity: sentinelSeverity.optional(),
      severityByLevel: levelMap(sentinelSeverity).optional(),
      triggerOperator: z.enum(['gt', 'lt', 'eq', 'ne']).optional(),
      triggerThreshold: z.number().int().min(0).max(10000).optional(),
      requiredDataConnectors: z.array(z.strictObject({ connectorId: nonEmpty, dataTypes: z.array(nonEmpty) })).optional(),
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .optional(),
      entityMappings: z
        .array(
          z.strictObject({
            entityType: nonEmpty,
            fieldMappings: z
              .array(z.strictObject({ identifier: nonEmpty, columnName: nonEmpty }))
              .min(1)
              .max(3),
          }),
        )
        .max(10)
        .optional(),
      enabled: z.boolean().optional(),
      suppressionEnabled: z.boolean().optional(),
      suppressionDuration: shortDuration.optional(),
      createIncident: z.boolean().optional(),
      apiVersion: nonEmpty.optional(),
    })
    .optional(),
  elastic: z
    .strictObject({
      index: z.array(nonEmpty).min(1).optional(),
      interval: elasticInterval.optional(),
      from: nonEmpty.optional(),
      to: nonEmpty.optional(),
      enabled: z.boolean().optional(),
      maxSignals: z.number().int().min(1).optional(),
      version: z.number().int().min(1).optional(),
      riskScore: riskScore.optional(),
      riskScoreByLevel: levelMap(riskScore).optional(),
      severity: elasticSeverity.optional(),
      severityByLevel: levelMap(elasticSeverity).optional(),
      tags: z.array(nonEmpty).optional(),
      timestampOverride: nonEmpty.optional(),
    })
    .optional(),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Merges `patch` into `base`: objects key by key, everything else (arrays included) replaced; undefined skipped. */
function merge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = merge(out[key], value);
  }
  return out as T;
}

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

function pathText(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '(top level)';
}

/** Where a settings issue is: the file, and the line and column of its key when the settings came from a text. */
function issueLocation(path: readonly PropertyKey[], file: string | undefined, yaml: ParsedYaml | undefined): SourceLocation {
  const keys = path.filter((k): k is string | number => typeof k !== 'symbol');
  let position;
  for (let n = keys.length; n >= 0 && position === undefined; n -= 1) position = yaml?.locate(0, keys.slice(0, n), 'key');
  return { ...(file === undefined ? {} : { file }), ...(position ?? {}) };
}

function settingsError(issues: readonly Issue[], file: string | undefined, yaml: ParsedYaml | undefined): SigmaError {
  const [first] = issues;
  const text = issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ');
  return new SigmaError('schema', `invalid pack settings: ${text}`, issueLocation(first?.path ?? [], file, yaml));
}

type Partial_ = z.infer<typeof partialSchema>;

/** The top-level `enabled` switch, spelled out for each SIEM (an explicit per-SIEM value wins). */
function spreadEnabled(partial: Partial_): Partial_ {
  if (partial.enabled === undefined) return partial;
  const on = partial.enabled;
  return {
    ...partial,
    splunk: { disabled: !on, ...partial.splunk },
    sentinel: { enabled: on, ...partial.sentinel },
    elastic: { enabled: on, ...partial.elastic },
  };
}

/** Rules that span several settings: the Sentinel query window, the suppression duration, ESCU production tests. */
function crossChecks(settings: PackSettings, partial: Partial_): Issue[] {
  const issues: Issue[] = [];
  const sentinel = partial.sentinel ?? {};
  try {
    checkQueryWindow(settings.sentinel.queryFrequency, settings.sentinel.queryPeriod);
  } catch (e) {
    const key = sentinel.queryPeriod !== undefined ? 'queryPeriod' : 'queryFrequency';
    issues.push({ path: ['sentinel', key], message: e instanceof Error ? e.message : String(e) });
  }
  const suppression = shortDurationMinutes(settings.sentinel.suppressionDuration, 'suppressionDuration');
  if (suppression < 5 || suppression > 1440) {
    issues.push({ path: ['sentinel', 'suppressionDuration'], message: "must be between 5m and 24h (Sentinel's limits)" });
  }
  const escu = settings.splunk.escu;
  if (escu.status === 'production' && (escu.tests ?? []).length === 0) {
    issues.push({
      path: ['splunk', 'escu', 'status'],
      message: 'production ESCU detections need tests (contentctl refuses a production detection without tests): give splunk.escu.tests',
    });
  }
  return issues;
}

/**
 * Project-wide settings from a partial configuration (a parsed `pack.yml`, CLI flags) over the defaults.
 * Unknown keys, wrong types and settings that contradict each other (a queryPeriod shorter than queryFrequency …)
 * are a `schema` SigmaError naming each offending path, located at the first one's key when `yaml` is given.
 */
export function packSettings(
  partial: unknown = {},
  base: PackSettings = DEFAULT_PACK_SETTINGS,
  file?: string,
  yaml?: ParsedYaml,
): PackSettings {
  const parsed = partialSchema.safeParse(partial ?? {});
  if (!parsed.success) {
    // an unknown key is located at the key itself, not at the object holding it
    const issues = parsed.error.issues.map((i): Issue =>
      i.code === 'unrecognized_keys' && i.keys[0] !== undefined ? { path: [...i.path, i.keys[0]], message: i.message } : i,
    );
    throw settingsError(issues, file, yaml);
  }
  const data = spreadEnabled(parsed.data);
  const merged = deepFreeze(merge(base, data));
  const issues = crossChecks(merged, data);
  if (issues.length > 0) throw settingsError(issues, file, yaml);
  return merged;
}

/** Settings from the text of a pack settings file (YAML or JSON), every error located at its line and column. */
export function packSettingsFromText(text: string, file?: string, base: PackSettings = DEFAULT_PACK_SETTINGS): PackSettings {
  const yaml = parseYaml(text, file);
  if (yaml.documents.length > 1) {
    throw new SigmaError('schema', 'a pack settings file holds one YAML document', { ...(file === undefined ? {} : { file }) });
  }
  return packSettings(yaml.documents[0] ?? {}, base, file, yaml);
}

// ───────────────────────────── per-rule overrides from custom attributes ─────────────────────────────

const stringList = z.union([nonEmpty.transform((s) => [s]), z.array(nonEmpty).min(1)]);
const caseInsensitive = <T extends string>(values: readonly [T, ...T[]]) =>
  z.string().transform((s, ctx) => {
    const found = values.find((v) => v.toLowerCase() === s.toLowerCase());
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return found;
  });

interface Override {
  readonly schema: z.ZodType;
  /** Where the value goes in the partial settings. */
  readonly path: readonly string[];
}

/** The custom attributes `settingsForRule` understands, and the setting each overrides. */
export const PACK_CUSTOM_ATTRIBUTES: Readonly<Record<string, Override>> = Object.freeze({
  splunk_cron_schedule: { schema: nonEmpty, path: ['splunk', 'cronSchedule'] },
  splunk_earliest_time: { schema: nonEmpty, path: ['splunk', 'earliestTime'] },
  splunk_latest_time: { schema: nonEmpty, path: ['splunk', 'latestTime'] },
  splunk_schedule_window: { schema: z.union([nonEmpty, z.number().int().min(0).transform(String)]), path: ['splunk', 'scheduleWindow'] },
  splunk_app: { schema: nonEmpty, path: ['splunk', 'app'] },
  splunk_disabled: { schema: z.boolean(), path: ['splunk', 'disabled'] },
  escu_type: { schema: caseInsensitive(['TTP', 'Anomaly', 'Hunting', 'Correlation']), path: ['splunk', 'escu', 'type'] },
  escu_analytic_story: { schema: stringList, path: ['splunk', 'escu', 'analyticStory'] },
  escu_security_domain: {
    schema: z.enum(['endpoint', 'network', 'threat', 'identity', 'access', 'audit']),
    path: ['splunk', 'escu', 'securityDomain'],
  },
  escu_asset_type: { schema: nonEmpty, path: ['splunk', 'escu', 'assetType'] },
  escu_how_to_implement: { schema: z.string().min(4), path: ['splunk', 'escu', 'howToImplement'] },
  escu_version: { schema: z.number().int().min(0), path: ['splunk', 'escu', 'version'] },
  escu_tests: { schema: escuTests, path: ['splunk', 'escu', 'tests'] },
  sentinel_severity: { schema: caseInsensitive(['Informational', 'Low', 'Medium', 'High']), path: ['sentinel', 'severity'] },
  sentinel_query_frequency: { schema: shortDuration, path: ['sentinel', 'queryFrequency'] },
  sentinel_query_period: { schema: shortDuration, path: ['sentinel', 'queryPeriod'] },
  sentinel_trigger_operator: { schema: z.enum(['gt', 'lt', 'eq', 'ne']), path: ['sentinel', 'triggerOperator'] },
  sentinel_trigger_threshold: { schema: z.number().int().min(0).max(10000), path: ['sentinel', 'triggerThreshold'] },
  sentinel_version: { schema: z.string().regex(/^\d+\.\d+\.\d+$/), path: ['sentinel', 'version'] },
  elastic_index: { schema: stringList, path: ['elastic', 'index'] },
  elastic_interval: { schema: elasticInterval, path: ['elastic', 'interval'] },
  elastic_from: { schema: nonEmpty, path: ['elastic', 'from'] },
  elastic_risk_score: { schema: riskScore, path: ['elastic', 'riskScore'] },
  elastic_severity: { schema: caseInsensitive(['low', 'medium', 'high', 'critical']), path: ['elastic', 'severity'] },
  elastic_max_signals: { schema: z.number().int().min(1), path: ['elastic', 'maxSignals'] },
  elastic_version: { schema: z.number().int().min(1), path: ['elastic', 'version'] },
} satisfies Record<string, Override>);

function nest(path: readonly string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>);
}

/**
 * The settings for one rule: `settings` with the rule's pack custom attributes (`PACK_CUSTOM_ATTRIBUTES`) applied.
 * A malformed attribute is a `schema` SigmaError at the rule's location; other custom attributes are ignored.
 */
export function settingsForRule(rule: SigmaRule, settings: PackSettings = DEFAULT_PACK_SETTINGS): PackSettings {
  let patch: Record<string, unknown> = {};
  for (const [key, override] of Object.entries(PACK_CUSTOM_ATTRIBUTES)) {
    if (!(key in rule.custom)) continue;
    const parsed = override.schema.safeParse(rule.custom[key]);
    if (!parsed.success) {
      throw new SigmaError(
        'schema',
        `rule "${rule.title}": custom attribute ${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        rule.source,
      );
    }
    patch = merge(patch, nest(override.path, parsed.data));
  }
  return Object.keys(patch).length === 0 ? settings : deepFreeze(merge(settings, patch));
}
