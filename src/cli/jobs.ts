/** `--jobs N`, `--cache`, and what a worker thread needs to convert as this thread does. */
import { SigmaError } from '../errors.js';
import type { WorkerConverterSpec } from '../node/parallel.js';
import { DEFAULT_CACHE_FILE, openRuleCache, type RuleCache } from '../node/cache.js';

/** `--jobs`: a whole number ≥ 1; absent means the default (cores, 1 for small batches). */
export function jobsOption(value: unknown): { jobs?: number } {
  if (value === undefined) return {};
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new SigmaError('backend', `--jobs takes a whole number of threads (1 or more), not '${String(value)}'`);
  return { jobs };
}

/**
 * The worker threads rebuild the converter from the command line's names; a pipeline or backend known only to
 * this thread (none from the command line) would not exist there.
 */
export function workerSpec(
  target: string,
  pipelines: readonly string[],
  format: string | undefined,
  options: Readonly<Record<string, unknown>>,
  cwd: string,
  disablePipelineCheck = false,
): WorkerConverterSpec {
  return { target, pipelines, ...(format ? { format } : {}), options, ...(disablePipelineCheck ? { disablePipelineCheck } : {}), cwd };
}

/** `--cache` / `--cache-location FILE`: the rule cache of a previous run, or none. */
export async function cacheOption(cache: unknown, location: unknown, cwd: string): Promise<RuleCache | undefined> {
  if (!cache) {
    if (location !== undefined) throw new SigmaError('backend', '--cache-location goes with --cache');
    return undefined;
  }
  return openRuleCache(typeof location === 'string' ? location : DEFAULT_CACHE_FILE, cwd);
}
