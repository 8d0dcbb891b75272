/**
 * The kusto backend's named pipelines, each parsed once on first use, and the registration of the kusto
 * pipeline types they use (importing this module registers them).
 */
import { lazyPipeline, type Pipeline } from '../../../src/pipeline/index.js';
import { microsoftXdr } from './microsoft_xdr.js';
import { sentinelAsim } from './sentinel_asim.js';
import './transformations.js';

export const namedPipelines: Readonly<Record<string, () => Pipeline>> = Object.freeze({
  sentinel_asim: lazyPipeline(sentinelAsim, 'backends/kusto/pipelines/sentinel_asim.ts'),
  microsoft_xdr: lazyPipeline(microsoftXdr, 'backends/kusto/pipelines/microsoft_xdr.ts'),
});
