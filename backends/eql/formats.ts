/**
 * Output formats of the EQL backend: the bare EQL query (`default`, the reference's `any where …`), the request body
 * of Elasticsearch's EQL search API (`eqlapi`: `{"query": "…"}` per query, as the reference's `eqlapi` format), and
 * Elastic Security detection rules as NDJSON for Kibana's rule import (`siem_rule_ndjson`, one rule per query,
 * written by `src/packs/elastic.ts` with the offline ATT&CK table).
 */
import type { OutputFormat, RuleResult } from '../../src/backend.js';
import { elasticRule } from './pack/elastic.js';
import { DEFAULT_PACK_SETTINGS } from '../../src/packs/settings.js';
import type { SigmaRule } from '../../src/rule/ast.js';

const lines = (results: readonly RuleResult[]): string => {
  const all = results.flatMap((r) => r.queries);
  return all.length === 0 ? '' : `${all.join('\n')}\n`;
};

export const eqlFormats: Readonly<Record<string, OutputFormat>> = Object.freeze({
  default: Object.freeze({ description: 'Elastic EQL queries' }),
  eqlapi: Object.freeze({
    description: 'Request bodies for Elasticsearch\'s EQL search API (POST <index>/_eql/search): {"query": …} per query',
    finalizeQuery: (query: string): string => JSON.stringify({ query }),
  }),
  siem_rule_ndjson: Object.freeze({
    description: "Elastic Security detection rules (type eql) as NDJSON for Kibana's rule import, one rule per query",
    finalizeQuery: (query: string, rule: SigmaRule, _state: unknown, index: number): string =>
      JSON.stringify(elasticRule(rule, query, DEFAULT_PACK_SETTINGS, index)),
    finalizeOutput: lines,
  }),
});

/** `pack -f`: an Elastic pack holds plain EQL; `siem_rule_ndjson` names its own file. (`eqlapi` is a request body.) */
export const eqlPackFormats: Readonly<Record<string, string>> = Object.freeze({
  default: 'default',
  siem_rule_ndjson: 'default',
});
