/**
 * Output formats of the Kusto backend: the bare KQL (`default`), a Microsoft Sentinel scheduled analytic rule in
 * the Azure-Sentinel repository's YAML form per query (`sentinel_rule`), and one ARM deployment template with an
 * alertRules resource per query for the whole run (`arm`). The rule-pack writers of `src/packs` do the writing.
 */
import type { OutputFormat, RuleResult } from '../../src/backend.js';
import type { ConvertedRule } from '../../src/packs/types.js';
import type { SigmaRule } from '../../src/rule/ast.js';
import { sentinelArmTemplate, sentinelRuleYamls } from '../../src/packs/sentinel.js';

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
    description: 'ARM deployment template with a Microsoft Sentinel scheduled alert rule per query (az deployment group create)',
    finalizeOutput: (results: readonly RuleResult[]) => sentinelArmTemplate(results.map(convertedRule)),
  }),
});
