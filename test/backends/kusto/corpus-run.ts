/** The corpus converted by the Kusto backend with one named pipeline (once per test worker). */
import { registerBackend } from '../../../src/backend.js';
import { createConverter, type FileResult } from '../../../src/convert.js';
import { kustoBackend } from '../../../backends/kusto/index.js';
import { corpus } from '../../support/corpus.js';

export const KUSTO_PIPELINES = ['sentinel_asim', 'microsoft_xdr'] as const;
export type KustoPipeline = (typeof KUSTO_PIPELINES)[number];

/** The table every query of a process_creation rule starts with, per pipeline. */
export const PROCESS_TABLE: Readonly<Record<KustoPipeline, string>> = Object.freeze({
  sentinel_asim: 'imProcessCreate',
  microsoft_xdr: 'DeviceProcessEvents',
});

const cache = new Map<string, ReadonlyMap<string, FileResult>>();

/** rule path (`rules/…`) → our conversion of that file with `-t kusto -p <pipeline>`. */
export function convertedCorpus(pipeline: KustoPipeline, format = 'default'): ReadonlyMap<string, FileResult> {
  const key = `${pipeline}/${format}`;
  let out = cache.get(key);
  if (!out) {
    registerBackend(kustoBackend);
    const converter = createConverter({ target: 'kusto', pipelines: [pipeline], format });
    const results = new Map<string, FileResult>();
    for (const file of corpus()) results.set(file.path, converter.text(file.text, file.path));
    out = results;
    cache.set(key, out);
  }
  return out;
}
