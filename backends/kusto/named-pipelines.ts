/**
 * The Kusto backend's named pipelines (`sentinel_asim`, `microsoft_xdr`), built lazily once per process from
 * `./pipelines/index.ts`.
 */
import type { NamedPipeline } from '../../src/backend.js';
import type { Pipeline } from '../../src/pipeline/index.js';
import { namedPipelines } from './pipelines/index.js';

const DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze({
  sentinel_asim: 'Generic Sigma log sources to Microsoft Sentinel ASIM tables and fields (imProcessCreate …)',
  microsoft_xdr: 'Generic Sigma log sources to Microsoft Defender XDR advanced hunting tables and fields (DeviceProcessEvents …)',
});

/** Wraps pipeline builders as named pipelines whose `load` builds once. */
export function namedPipelinesFrom(builders: Readonly<Record<string, () => Pipeline>>): Readonly<Record<string, NamedPipeline>> {
  const out: Record<string, NamedPipeline> = {};
  for (const [name, build] of Object.entries(builders)) {
    let built: Pipeline | undefined;
    out[name] = Object.freeze({
      description: DESCRIPTIONS[name] ?? name,
      load: () => (built ??= build()),
    });
  }
  return Object.freeze(out);
}

export const kustoPipelines: Readonly<Record<string, NamedPipeline>> = namedPipelinesFrom(namedPipelines);
