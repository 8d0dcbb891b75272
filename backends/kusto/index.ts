/**
 * The Kusto (KQL) backend: Microsoft Sentinel (ASIM tables), Microsoft Defender XDR advanced hunting and Azure
 * Data Explorer. Pipelines `sentinel_asim` and `microsoft_xdr` map Sigma log sources to tables and fields and
 * put the table line first; formats `default`, `sentinel_rule` and `arm`; correlations as `summarize … by bin()`;
 * rule packs of Azure-Sentinel YAML files and one ARM template.
 */
import type { Backend } from '../../src/backend.js';
import { convertWithCompiler } from '../../src/compile/convert.js';
import { correlationConverter, kustoCorrelation } from '../../src/compile/correlation.js';
import { sentinelPackFiles } from './pack/index.js';
import { columnType } from './columns.js';
import { KustoCompiler } from './dialect.js';
import { convertedRule, kustoFormats, kustoPackFormats } from './formats.js';
import { kustoPipelines } from './named-pipelines.js';

const compiler = new KustoCompiler();

const convert: Backend['convert'] = (rule, options) => convertWithCompiler(compiler, rule, options, kustoFormats);

/** Defender XDR tables carry their event time in `Timestamp`; Sentinel tables (ASIM included) in `TimeGenerated`. */
export function timeColumn(state: Readonly<Record<string, unknown>>): string {
  const table = state['query_table'];
  return typeof table === 'string' && columnType(table, 'Timestamp') === 'datetime' ? 'Timestamp' : 'TimeGenerated';
}

const NUMERIC: ReadonlySet<string | undefined> = new Set(['int', 'long', 'real', 'decimal']);

/** Whether a column of the query table is a number (sum/avg/percentile of other columns need `toreal()`). */
export function numericColumn(state: Readonly<Record<string, unknown>>): (field: string) => boolean {
  const table = state['query_table'];
  return (field) => typeof table === 'string' && NUMERIC.has(columnType(table, field));
}

/** A Sentinel rule pack: one Azure-Sentinel YAML per query under `rules/`, ARM templates and a deploy README. */
const pack: NonNullable<Backend['pack']> = (results, settings) => sentinelPackFiles(results.map(convertedRule), settings);

export const kustoBackend: Backend = Object.freeze({
  name: 'kusto',
  description: 'Kusto Query Language (Microsoft Sentinel, Defender XDR, Azure Data Explorer)',
  pipelines: kustoPipelines,
  formats: kustoFormats,
  convert,
  convertCorrelation: correlationConverter(convert, kustoFormats, (plan, queries, state) =>
    kustoCorrelation(plan, queries, timeColumn(state), numericColumn(state)),
  ),
  pack,
  packFormats: kustoPackFormats,
});

export { KustoCompiler, stringMatch, isExpansion, CHAIN_LIMIT } from './dialect.js';
export { kustoFormats } from './formats.js';
