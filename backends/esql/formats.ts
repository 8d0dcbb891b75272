/**
 * Output formats of the ES|QL backend: the bare query (`default`) and Elastic Security detection rules of type
 * `esql` as NDJSON for Kibana's rule import (`siem_rule_ndjson`), with the same settings as the EQL rules (the
 * shared Elastic rule document of `backends/eql/pack/elastic.ts`, narrowed to what an ES|QL rule takes: its query names
 * its indices in FROM, so the document has no `index`). The pack (`esqlPackFiles`) writes `rules.ndjson`.
 */
import type { OutputFormat, RuleResult } from '../../src/backend.js';
import { elasticRule, type ElasticRuleKind } from '../eql/pack/elastic.js';
import { elasticPackFromLines } from '../eql/pack/index.js';
import { DEFAULT_PACK_SETTINGS } from '../../src/packs/settings.js';
import type { PackFile, PackSettings } from '../../src/packs/types.js';
import type { SigmaRule } from '../../src/rule/ast.js';

/** The Kibana rule object (type `esql`) for one query of a rule. */
export function esqlRule(
  rule: SigmaRule,
  query: string,
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
  index = 0,
): Record<string, unknown> {
  const { index: _index, ...shared } = elasticRule(rule, query, settings, index, ESQL_RULE);
  return shared;
}

const ESQL_RULE: ElasticRuleKind = Object.freeze({ type: 'esql', language: 'esql' });

/** `pack -f`: an Elastic pack holds plain ES|QL; `siem_rule_ndjson` names its own file. */
export const esqlPackFormats: Readonly<Record<string, string>> = Object.freeze({
  default: 'default',
  siem_rule_ndjson: 'default',
});

/** The Elastic pack of ES|QL rules: `rules.ndjson` (split at Kibana's import limits) for Kibana's rule import. */
export function esqlPackFiles(results: readonly RuleResult[], settings: PackSettings): readonly PackFile[] {
  return elasticPackFromLines(
    results.flatMap((r) => r.queries.map((q, i) => JSON.stringify(esqlRule(r.rule, q, settings, i)))),
    settings,
  );
}

const lines = (results: readonly RuleResult[]): string => {
  const all = results.flatMap((r) => r.queries);
  return all.length === 0 ? '' : `${all.join('\n')}\n`;
};

export const esqlFormats: Readonly<Record<string, OutputFormat>> = Object.freeze({
  default: Object.freeze({ description: 'Elastic ES|QL queries' }),
  siem_rule_ndjson: Object.freeze({
    description: "Elastic Security detection rules (type esql) as NDJSON for Kibana's rule import, one rule per query",
    finalizeQuery: (query: string, rule: SigmaRule, _state: unknown, index: number): string =>
      JSON.stringify(esqlRule(rule, query, DEFAULT_PACK_SETTINGS, index)),
    finalizeOutput: lines,
  }),
});
