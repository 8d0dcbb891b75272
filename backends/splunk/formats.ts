/**
 * Output formats of the Splunk backend. `default`, `data_model` and `escu` differ in how a compiled query is
 * laid out (each has its own compiler instance, see index.ts); `savedsearches` is the plain search written as a
 * savedsearches.conf with one stanza per query by the rule-pack writer.
 */
import type { OutputFormat, RuleResult } from '../../src/backend.js';
import type { ConvertedRule } from '../../src/packs/types.js';
import { savedsearchesConf } from './pack/savedsearches.js';
import { renderSearch, withTable } from './query.js';
import { renderDataModel, renderEscu } from './data-model.js';
import type { SplLayout } from './dialect.js';

export const converted = (result: RuleResult): ConvertedRule => ({
  rule: result.rule,
  queries: result.queries,
  target: 'splunk',
  state: result.state,
});

export const splunkFormats: Readonly<Record<string, OutputFormat>> = Object.freeze({
  default: Object.freeze({ description: 'Plain SPL searches' }),
  data_model: Object.freeze({ description: 'tstats searches over the CIM data model the splunk_cim pipeline maps the rule to' }),
  escu: Object.freeze({ description: 'tstats searches in the Splunk ESCU house style (security_content macros, filter macro)' }),
  savedsearches: Object.freeze({
    description: 'Plain SPL in a savedsearches.conf file, one stanza per query',
    finalizeOutput: (results: readonly RuleResult[]): string => savedsearchesConf(results.map(converted)),
  }),
});

/** How each format lays out a compiled query. */
export const splunkLayouts: Readonly<Record<string, SplLayout>> = Object.freeze({
  default: (query, rule) => withTable(renderSearch(query), rule, ' | '),
  data_model: renderDataModel,
  escu: renderEscu,
  savedsearches: (query, rule) => withTable(renderSearch(query), rule, '\n| '),
});

/** `pack -f`: the query forms a Splunk pack holds, and `savedsearches` (the pack's own file) as the plain form. */
export const splunkPackFormats: Readonly<Record<string, string>> = Object.freeze({
  default: 'default',
  data_model: 'data_model',
  escu: 'escu',
  savedsearches: 'default',
});
