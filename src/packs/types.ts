/**
 * Types of the rule-pack writers: what a backend hands over (a converted rule) and the project-wide pack settings
 * that a rule's custom attributes may override (see `settings.ts`).
 */
import type { Level, SigmaRule } from '../rule/ast.js';

/** A rule after conversion: the rule, its query text(s) for one target, and the pipeline state. */
export interface ConvertedRule {
  readonly rule: SigmaRule;
  /** The backend's query text(s) for the rule; most rules have exactly one. */
  readonly queries: readonly string[];
  readonly target: 'splunk' | 'kusto' | 'eql' | (string & {});
  /** Pipeline state, e.g. `data_model` / `query_table` (read for the Sentinel table and the ESCU data model). */
  readonly state?: Readonly<Record<string, unknown>>;
}

/** One file of a pack. Paths are relative, with `/` separators. */
export interface PackFile {
  readonly path: string;
  readonly content: string;
}

export type LevelMap<T> = Readonly<Record<Level, T>>;

export type EscuDetectionType = 'TTP' | 'Anomaly' | 'Hunting' | 'Correlation';
export type EscuStatus = 'production' | 'experimental' | 'deprecated';

/** contentctl detection YAML (ESCU) defaults. */
export interface EscuSettings {
  /** Detection type; when absent it follows the rule's level (`typeByLevel`). */
  readonly type?: EscuDetectionType;
  readonly typeByLevel: LevelMap<EscuDetectionType>;
  /** When absent: stable/test → production, experimental → experimental, deprecated/unsupported → deprecated. */
  readonly status?: EscuStatus;
  readonly version: number;
  /** Story names; each must exist in the security_content `stories/` of the app the pack goes to. */
  readonly analyticStory: readonly string[];
  readonly assetType: string;
  readonly product: readonly string[];
  readonly securityDomain: 'endpoint' | 'network' | 'threat' | 'identity' | 'access' | 'audit';
  /** Data-source names; when absent they follow the rule's logsource (Windows process_creation → Sysmon 1, 4688). */
  readonly dataSource?: readonly string[];
  readonly howToImplement: string;
  /** RBA risk-object score per level (1–100); contentctl derives the severity from it. */
  readonly riskScoreByLevel: LevelMap<number>;
  /**
   * contentctl unit tests for every detection (a rule's `escu_tests` attribute gives its own). Without tests a
   * detection is `experimental`: contentctl requires tests of every production detection.
   */
  readonly tests?: readonly EscuTest[];
}

/** A contentctl unit test: attack data replayed into Splunk, and the detection expected to fire on it. */
export interface EscuTest {
  readonly name: string;
  readonly attack_data: readonly {
    readonly data: string;
    readonly source: string;
    readonly sourcetype: string;
    readonly custom_index?: string;
    readonly host?: string;
  }[];
}

export interface SplunkPackSettings {
  /** `core`: Splunk Enterprise settings only; `escu`: also the ES / ESCU `action.*` settings of generated ESCU apps. */
  readonly flavour: 'core' | 'escu';
  /** Stanza name; `{title}` is the rule title (e.g. `ESCU - {title} - Rule`). */
  readonly stanzaName: string;
  /** `request.ui_dispatch_app`; omitted when absent. */
  readonly app?: string;
  readonly cronSchedule: string;
  readonly earliestTime: string;
  readonly latestTime: string;
  /** Minutes or `auto`. */
  readonly scheduleWindow: string;
  readonly enableSched: boolean;
  readonly disabled: boolean;
  /** `alert.severity` (1 debug … 6 fatal) per level. */
  readonly alertSeverityByLevel: LevelMap<number>;
  readonly escu: EscuSettings;
}

export type SentinelSeverity = 'Informational' | 'Low' | 'Medium' | 'High';
export type SentinelTriggerOperator = 'gt' | 'lt' | 'eq' | 'ne';

export interface SentinelFieldMapping {
  readonly identifier: string;
  readonly columnName: string;
}
export interface SentinelEntityMapping {
  readonly entityType: string;
  readonly fieldMappings: readonly SentinelFieldMapping[];
}
export interface SentinelDataConnector {
  readonly connectorId: string;
  readonly dataTypes: readonly string[];
}

export interface SentinelPackSettings {
  /** Short form `5m` / `1h` / `1d` (5 minutes … 14 days). */
  readonly queryFrequency: string;
  readonly queryPeriod: string;
  /** Overrides the level mapping for every rule. */
  readonly severity?: SentinelSeverity;
  readonly severityByLevel: LevelMap<SentinelSeverity>;
  readonly triggerOperator: SentinelTriggerOperator;
  readonly triggerThreshold: number;
  readonly requiredDataConnectors: readonly SentinelDataConnector[];
  /** `X.Y.Z` */
  readonly version: string;
  /** Explicit entity mappings; when absent they come from the query table's known columns. */
  readonly entityMappings?: readonly SentinelEntityMapping[];
  /** ARM only: the deployed rule's state (default false: deployed disabled) and suppression. */
  readonly enabled: boolean;
  readonly suppressionEnabled: boolean;
  readonly suppressionDuration: string;
  readonly createIncident: boolean;
  readonly apiVersion: string;
}

export type ElasticSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface ElasticPackSettings {
  /** Index patterns the rule searches. */
  readonly index: readonly string[];
  /** `5m` */
  readonly interval: string;
  /** Date math, `now-9m`. */
  readonly from: string;
  readonly to: string;
  readonly enabled: boolean;
  readonly maxSignals: number;
  readonly version: number;
  readonly riskScore?: number;
  readonly riskScoreByLevel: LevelMap<number>;
  readonly severity?: ElasticSeverity;
  readonly severityByLevel: LevelMap<ElasticSeverity>;
  /** Extra tags on every rule (besides `OS:` and `Tactic:` tags derived from the rule). */
  readonly tags: readonly string[];
  readonly timestampOverride?: string;
}

/** Project-wide pack settings. Build one with `packSettings(partial)`; per-rule values with `settingsForRule`. */
export interface PackSettings {
  /** Level assumed for a rule without `level`. */
  readonly defaultLevel: Level;
  /**
   * Whether the packs deploy their rules enabled (default false: every pack's rules arrive disabled). Setting it
   * sets `splunk.disabled`, `sentinel.enabled` and `elastic.enabled` together, unless those are given too.
   */
  readonly enabled: boolean;
  readonly splunk: SplunkPackSettings;
  readonly sentinel: SentinelPackSettings;
  readonly elastic: ElasticPackSettings;
}

/** What a pack writer is told about the run besides the rules: the query format the queries are in. */
export interface PackContext {
  /** The backend format the queries were converted with (`default`, `data_model`, `escu` …). */
  readonly format: string;
}
