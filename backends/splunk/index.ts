/**
 * The Splunk backend: SPL searches (`default`), tstats over CIM data models (`data_model`, with the `splunk_cim`
 * pipeline), the Splunk ESCU house style (`escu`) and savedsearches.conf (`savedsearches`). Pipelines
 * `splunk_windows` (Windows log sources → `source=` conditions, EventID → EventCode) and `splunk_cim`.
 */
import type { Backend } from '../../src/backend.js';
import { convertWithCompiler } from '../../src/compile/convert.js';
import { SigmaError } from '../../src/errors.js';
import { SplunkCompiler } from './dialect.js';
import { converted, splunkFormats, splunkLayouts, splunkPackFormats } from './formats.js';
import { splunkPackFiles } from './pack/index.js';
import { splunkPipelines } from './named-pipelines.js';
import { correlationConverter, splunkCorrelation } from '../../src/compile/correlation.js';

const compilers: Readonly<Record<string, SplunkCompiler>> = Object.freeze(
  Object.fromEntries(Object.entries(splunkLayouts).map(([format, layout]) => [format, new SplunkCompiler(layout)])),
);

const convert: Backend['convert'] = (rule, options) => {
  const format = options.format ?? 'default';
  const compiler = compilers[format];
  if (!compiler)
    throw new SigmaError('backend', `target 'splunk' has no format '${format}' (formats: ${Object.keys(splunkFormats).join(', ')})`);
  return convertWithCompiler(compiler, rule, options, splunkFormats);
};

/** Correlations in the reference's form (multisearch, bin, stats, search); tstats formats cannot hold them. */
const correlate = correlationConverter(convert, splunkFormats, (plan, queries) => splunkCorrelation(plan, queries));
const convertCorrelation: NonNullable<Backend['convertCorrelation']> = (plan, options) => {
  const format = options.format ?? 'default';
  if (format === 'data_model' || format === 'escu') {
    throw new SigmaError(
      'unsupported',
      `correlation rules convert to plain SPL (formats default, savedsearches), not to the '${format}' format`,
      plan.correlation.source,
    );
  }
  return correlate(plan, options);
};

/** The Splunk pack: savedsearches.conf for the plain forms, the ESCU app layout for `escu` (see pack/index.ts). */
const pack: NonNullable<Backend['pack']> = (results, settings, context) =>
  splunkPackFiles(results.map(converted), settings, context?.format ?? 'default');

export const splunkBackend: Backend = Object.freeze({
  name: 'splunk',
  description: 'Splunk SPL: searches, tstats over CIM data models, ESCU detections, savedsearches.conf',
  pipelines: splunkPipelines,
  formats: splunkFormats,
  convert,
  convertCorrelation,
  pack,
  packFormats: splunkPackFormats,
});

export { SplunkCompiler, type SplLayout } from './dialect.js';
export { splunkFormats, splunkLayouts } from './formats.js';
export { renderSearch, searchText, type SplQuery } from './query.js';
export { renderDataModel, renderEscu, ESCU_BY_FIELDS } from './data-model.js';
