/** `--jobs N` and `--cache`. */
import { SigmaError } from '../errors.js';
import { DEFAULT_CACHE_FILE, openRuleCache, type RuleCache } from '../node/cache.js';

/** `--jobs`: a whole number ≥ 1; absent means the default (cores, 1 for small batches). */
export function jobsOption(value: unknown): { jobs?: number } {
  if (value === undefined) return {};
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new SigmaError('backend', `--jobs takes a whole number of threads (1 or more), not '${String(value)}'`);
  return { jobs };
}

/** `--cache` / `--cache-location FILE`: the rule cache of a previous run, or none. */
export async function cacheOption(cache: unknown, location: unknown, cwd: string): Promise<RuleCache | undefined> {
  if (!cache) {
    if (location !== undefined) throw new SigmaError('backend', '--cache-location goes with --cache');
    return undefined;
  }
  return openRuleCache(typeof location === 'string' ? location : DEFAULT_CACHE_FILE, cwd);
}
