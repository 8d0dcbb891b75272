/** The Splunk backend's named pipelines, each parsed once on first use. */
import { lazyPipeline, type Pipeline } from '../../../src/pipeline/index.js';
import { splunkCim } from './splunk_cim.js';
import { splunkWindows } from './splunk_windows.js';

export const namedPipelines: Readonly<Record<string, () => Pipeline>> = Object.freeze({
  splunk_windows: lazyPipeline(splunkWindows, 'backends/splunk/pipelines/splunk_windows.ts'),
  splunk_cim: lazyPipeline(splunkCim, 'backends/splunk/pipelines/splunk_cim.ts'),
});
