/**
 * sigmaform/node: the Node-only helpers (files, folders, globs, pipeline files, rule packs) on top of the
 * browser-safe core, which it re-exports.
 */
export * from './index.js';
export { expandPaths } from './node/files.js';
export { expandRulePaths } from './node/files.js';
export { resolvePipelineArgs, isPipelineFile } from './node/pipelines.js';
export { buildPack, loadPackSettings, packWriter, type BuildPackOptions, type BuildPackResult } from './node/pack.js';
export * from './packs/index.js';
export { convertFiles, defaultJobs, workerSpec, type WorkerConverterSpec, type ParallelOptions } from './node/parallel.js';
export { openRuleCache, DEFAULT_CACHE_FILE, type RuleCache } from './node/cache.js';
