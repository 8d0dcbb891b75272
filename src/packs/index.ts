/** Rule-pack writers (Splunk, Sentinel, Elastic) and the offline ATT&CK table. Pure functions, no I/O. */
export type {
  ConvertedRule,
  ElasticPackSettings,
  ElasticSeverity,
  EscuDetectionType,
  EscuSettings,
  EscuStatus,
  LevelMap,
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
export { DEFAULT_PACK_SETTINGS, PACK_CUSTOM_ATTRIBUTES, packSettings, settingsForRule } from './settings.js';
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
export { filterMacroName, snakeCaseTitle } from './escu-common.js';
export { macrosConf, savedSearchStanzas, savedsearchesConf } from './splunk-conf.js';
export { escuDetectionFileName, escuDetectionYaml, withFilterMacro } from './escu-yaml.js';
export { sentinelArmTemplate, sentinelRuleYaml, sentinelRuleYamls } from './sentinel.js';
export { elasticRule, elasticRuleNdjson, elasticThreat, type ElasticThreat } from './elastic.js';
export { elasticPackFiles, sentinelPackFiles, splunkPackFiles } from './pack.js';
export { isoDuration, shortToIso } from './duration.js';
export { type ConfStanza, renderConf } from './conf.js';
