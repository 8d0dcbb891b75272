/**
 * The Splunk backend's named pipelines (`splunk_windows`, `splunk_cim`), built lazily once per process from
 * `./pipelines/index.ts`.
 */
import type { NamedPipeline } from '../../src/backend.js';
import type { Pipeline } from '../../src/pipeline/index.js';
import { namedPipelines } from './pipelines/index.js';

const DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze({
  splunk_windows: 'Windows log sources to Splunk source= conditions (WinEventLog:Security …), EventID to EventCode',
  splunk_cim: 'Sysmon, web proxy and DNS fields to Splunk CIM data model fields (Endpoint.Processes …), for -f data_model / escu',
});

function named(builders: Readonly<Record<string, () => Pipeline>>): Readonly<Record<string, NamedPipeline>> {
  const out: Record<string, NamedPipeline> = {};
  for (const [name, build] of Object.entries(builders)) {
    let built: Pipeline | undefined;
    out[name] = Object.freeze({ description: DESCRIPTIONS[name] ?? name, load: () => (built ??= build()) });
  }
  return Object.freeze(out);
}

export const splunkPipelines: Readonly<Record<string, NamedPipeline>> = named(namedPipelines);
