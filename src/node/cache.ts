/**
 * Node-only: `--cache`, a file of loaded rules keyed by each file's content (as `eslint --cache`). A repeat run
 * skips YAML parsing, schema checks and AST building for every file whose text has not changed; the queries are
 * made anew each time, so pipelines, targets and options never read a stale result.
 *
 * The file holds V8's serialization of the documents (Maps and all), under a key of sigmaform's version, the
 * cache format and V8's version: any of them changing empties it. A file that does not load is not cached (its
 * error is found again, with its location). A cache file that cannot be read is ignored and written anew.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadRules } from '../rule/load.js';
import type { SigmaDocument } from '../rule/ast.js';
import { writeUserFile } from './files.js';

/** Where `--cache` keeps its file when `--cache-location` does not say. */
export const DEFAULT_CACHE_FILE = '.sigmaformcache';
const FORMAT = 1;

declare const __SIGMAFORM_VERSION__: string | undefined;
const VERSION = typeof __SIGMAFORM_VERSION__ === 'string' ? __SIGMAFORM_VERSION__ : 'dev';

interface Entry {
  readonly hash: string;
  readonly documents: readonly SigmaDocument[];
}
interface CacheFile {
  readonly key: string;
  readonly entries: Record<string, Entry>;
}

export interface RuleCache {
  /** The documents of `path` with this `text`, from the cache or loaded now (and kept); undefined if it does not load. */
  documents(path: string, text: string): readonly SigmaDocument[] | undefined;
  /** How many files came from the cache, and how many were loaded. */
  readonly stats: { hits: number; misses: number };
  /** Writes the cache file: the entries of this run only, so files no longer in the batch drop out. */
  save(): Promise<void>;
}

const cacheKey = (): string => `sigmaform ${VERSION} cache ${FORMAT} v8 ${process.versions.v8}`;
const hashOf = (text: string): string => createHash('sha1').update(text).digest('base64');

export async function openRuleCache(file: string, cwd: string): Promise<RuleCache> {
  let previous: Record<string, Entry> = {};
  try {
    const data = deserialize(await readFile(resolve(cwd, file))) as Partial<CacheFile>;
    if (data && data.key === cacheKey() && data.entries && typeof data.entries === 'object') previous = data.entries;
  } catch {
    // No cache yet, or one written by another version: start empty.
  }
  const entries: Record<string, Entry> = {};
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    documents(path, text) {
      const hash = hashOf(text);
      const cached = previous[path];
      if (cached && cached.hash === hash) {
        stats.hits++;
        entries[path] = cached;
        return cached.documents;
      }
      stats.misses++;
      try {
        const { documents } = loadRules(text, path);
        entries[path] = { hash, documents };
        return documents;
      } catch {
        return undefined;
      }
    },
    async save() {
      // Nothing new and nothing gone: the file on disk already says all this.
      if (stats.misses === 0 && Object.keys(entries).length === Object.keys(previous).length) return;
      await writeUserFile(file, serialize({ key: cacheKey(), entries } satisfies CacheFile), cwd);
    },
  };
}
