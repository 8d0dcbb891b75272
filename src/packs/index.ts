/**
 * Rule-pack writers (Splunk, Sentinel, Elastic) and the offline ATT&CK table. Pure functions, no I/O. Each writer
 * lives with its backend (`backends/<target>/pack/`); what packs share (settings, ATT&CK, conf, chunking) is here.
 */
export type {
  ConvertedRule,
  ElasticPackSettings,
  ElasticSeverity,
  EscuDetectionType,
  EscuSettings,
  EscuStatus,
  EscuTest,
  LevelMap,
  PackContext,
  PackFile,
  PackSettings,
  SentinelDataConnector,
  SentinelEntityMapping,
  SentinelFieldMapping,
  SentinelPackSettings,
  SentinelSeverity,
  SentinelTriggerOperator,
  SplunkPackSettings,
} from './types.js';
export { DEFAULT_PACK_SETTINGS, PACK_CUSTOM_ATTRIBUTES, packSettings, packSettingsFromText, settingsForRule } from './settings.js';
export {
  ATTACK_VERSION,
  attackFromTags,
  attackTactics,
  tacticById,
  tacticByShortname,
  tacticGroups,
  techniqueById,
  techniqueFullName,
  type AttackTactic,
  type AttackTechnique,
  type RuleAttack,
  type TacticGroup,
} from './attack.js';
export {
  contentctlStem,
  escuBaseName,
  escuNames,
  ESCU_MAX_NAME_LENGTH,
  filterMacroName,
  snakeCaseTitle,
} from '../../backends/splunk/pack/escu-common.js';
export { escuStanzaName, macrosConf, savedSearchStanzas, savedsearchesConf } from '../../backends/splunk/pack/savedsearches.js';
export { escuDetectionFileName, escuDetectionYaml, withFilterMacro } from '../../backends/splunk/pack/escu-yaml.js';
export {
  ARM_LIMITS,
  sentinelArmTemplate,
  sentinelArmTemplates,
  sentinelRuleYaml,
  sentinelRuleYamls,
} from '../../backends/kusto/pack/sentinel.js';
export {
  EQL_RULE,
  elasticRule,
  elasticRuleNdjson,
  elasticThreat,
  type ElasticRuleKind,
  type ElasticThreat,
} from '../../backends/eql/pack/elastic.js';
export { KIBANA_IMPORT_LIMITS } from '../../backends/eql/pack/index.js';
export { elasticPackFiles, sentinelPackFiles, splunkPackFiles } from './pack.js';
export { chunkBySize, numberedNames, utf8Bytes, type ChunkLimits } from './chunks.js';
export { isoDuration, shortToIso } from './duration.js';
export { type ConfStanza, renderConf } from './conf.js';
