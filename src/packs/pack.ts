/**
 * Whole packs as lists of files (relative paths, `/` separators) for the CLI and build scripts to write.
 */
import { SigmaError } from '../errors.js';
import { snakeCaseTitle } from './escu-common.js';
import { escuDetectionYaml } from './escu-yaml.js';
import { elasticRuleNdjson } from './elastic.js';
import { ruleUuid } from './rule-meta.js';
import { sentinelArmTemplate, sentinelRuleYamls } from './sentinel.js';
import { DEFAULT_PACK_SETTINGS } from './settings.js';
import { macrosConf, savedsearchesConf } from './splunk-conf.js';
import type { ConvertedRule, PackFile, PackSettings } from './types.js';

/** A file stem per rule: the title in snake case, with the rule's UUID added when two rules would collide. */
function uniqueStems(rules: readonly ConvertedRule[]): readonly string[] {
  const taken = new Set<string>();
  return rules.map(({ rule }) => {
    let stem = snakeCaseTitle(rule.title) || ruleUuid(rule);
    if (taken.has(stem)) stem = `${stem}_${ruleUuid(rule)}`;
    taken.add(stem);
    return stem;
  });
}

/**
 * Splunk: `default/savedsearches.conf`, `default/macros.conf` (empty filter macros) and one ESCU detection YAML per
 * rule under `detections/`. A rule with several searches cannot be one ESCU detection: that is a SigmaError.
 */
export function splunkPackFiles(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly PackFile[] {
  const stems = uniqueStems(rules);
  const detections = rules.map((converted, i): PackFile => {
    const [query, ...more] = converted.queries;
    if (query === undefined || more.length > 0) {
      throw new SigmaError(
        'unsupported',
        `rule "${converted.rule.title}": an ESCU detection holds exactly one search, the conversion gave ${converted.queries.length}`,
        converted.rule.source,
      );
    }
    return { path: `detections/${stems[i]}.yml`, content: escuDetectionYaml(converted.rule, query, settings) };
  });
  return [
    { path: 'default/savedsearches.conf', content: savedsearchesConf(rules, settings) },
    { path: 'default/macros.conf', content: macrosConf(rules) },
    ...detections,
  ];
}

/** Sentinel: one Azure-Sentinel YAML per query under `rules/`, and `azuredeploy.json` with all of them. */
export function sentinelPackFiles(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly PackFile[] {
  const stems = uniqueStems(rules);
  const yamls = rules.flatMap((converted, i) =>
    sentinelRuleYamls(converted, settings).map((content, index): PackFile => ({
      path: `rules/${stems[i]}${index === 0 ? '' : `_${index + 1}`}.yaml`,
      content,
    })),
  );
  return [...yamls, { path: 'azuredeploy.json', content: sentinelArmTemplate(rules, settings) }];
}

/** Elastic: `rules.ndjson` for Kibana's rule import. */
export function elasticPackFiles(rules: readonly ConvertedRule[], settings: PackSettings = DEFAULT_PACK_SETTINGS): readonly PackFile[] {
  return [{ path: 'rules.ndjson', content: elasticRuleNdjson(rules, settings) }];
}
