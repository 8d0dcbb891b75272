/** The EQL backend's named pipelines, each parsed once on first use. */
import { lazyPipeline, type Pipeline } from '../../../src/pipeline/index.js';
import { ecsWindows } from './ecs_windows.js';

export const namedPipelines: Readonly<Record<string, () => Pipeline>> = Object.freeze({
  ecs_windows: lazyPipeline(ecsWindows, 'backends/eql/pipelines/ecs_windows.ts'),
});
