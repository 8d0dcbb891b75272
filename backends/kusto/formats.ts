/**
 * Output formats of the Kusto backend: the bare KQL (`default`), a Microsoft Sentinel scheduled analytic rule in
 * the Azure-Sentinel repository's YAML form per query (`sentinel_rule`), and one ARM deployment template with an
 * alertRules resource per query for the whole run (`arm`). The rule-pack writers of `src/packs` do the writing.
 */
import type { OutputFormat, RuleResult } from '../../src/backend.js';
import type { ConvertedRule } from '../../src/packs/types.js';
import type { SigmaRule } from '../../src/rule/ast.js';
import { ruleParts, sentinelArmTemplate, sentinelRuleYamls } from './pack/sentinel.js';
import { DEFAULT_PACK_SETTINGS } from '../../src/packs/settings.js';

const sentinelRule: OutputFormat = Object.freeze({
  description: 'Microsoft Sentinel scheduled analytic rule, YAML of the Azure-Sentinel repository (one document per query)',
  finalizeQuery: (query: string, rule: SigmaRule, _state: unknown, index: number): string => {
    // The n-th query of a rule gets the n-th id and name; the writer numbers them from the query's position.
    const queries = Array.from({ length: index + 1 }, () => query);
    return sentinelRuleYamls({ rule, queries, target: 'kusto' })[index] as string;
  },
  finalizeOutput: (results: readonly RuleResult[]): string => results.flatMap((r) => r.queries).join('---\n'),
});

/** A converted rule as the rule-pack writers take it. */
export const convertedRule = (result: RuleResult): ConvertedRule => ({
  rule: result.rule,
  queries: result.queries,
  target: 'kusto',
  state: result.state,
});

export const kustoFormats: Readonly<Record<string, OutputFormat>> = Object.freeze({
  default: Object.freeze({ description: 'KQL queries (Microsoft Sentinel, Defender XDR, Azure Data Explorer)' }),
  sentinel_rule: sentinelRule,
  arm: Object.freeze({
    description:
      'ARM deployment template with a Microsoft Sentinel scheduled alert rule per query (az deployment group create); over 800 rules or 4 MB, use pack',
    // A rule over a Sentinel limit (query of 10,000 characters …) is its own error record, not the end of the run.
    finalizeQuery: (query: string, rule: SigmaRule, _state: unknown, index: number): string => {
      ruleParts(rule, query, index, DEFAULT_PACK_SETTINGS);
      return query;
    },
    finalizeOutput: (results: readonly RuleResult[]) => sentinelArmTemplate(results.map(convertedRule)),
  }),
});

/** `pack -f`: a Sentinel pack holds plain KQL; `sentinel_rule` and `arm` name its own files. */
export const kustoPackFormats: Readonly<Record<string, string>> = Object.freeze({
  default: 'default',
  sentinel_rule: 'default',
  arm: 'default',
});
