/**
 * `convert --split`: the output file of each rule file, at the rule file's path relative to the folder all the
 * run's rule files share (`rules/a/r.yml` and `rules/b/r.yml` → `OUT/a/r.txt` and `OUT/b/r.txt`), so no two
 * rule files write to the same output; a collision that remains (`r.yml` beside `r.yaml`, or names that differ
 * only in case, which a case-insensitive file system would merge) is refused before anything is written.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { SigmaError } from '../errors.js';

/** The folder every path is in (absolute). */
function commonFolder(absolute: readonly string[]): string {
  const [first, ...rest] = absolute.map((p) => dirname(p).split(sep));
  if (!first) return sep;
  let n = first.length;
  for (const parts of rest) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/**
 * Output paths, relative to the output folder, for rule files given relative to `cwd` (or absolute), in the
 * same order. Throws a SigmaError naming both rule files when two would write the same output file.
 */
export function splitOutputPaths(paths: readonly string[], cwd: string, extension = '.txt'): string[] {
  const absolute = paths.map((p) => resolve(cwd, p));
  const base = commonFolder(absolute);
  const out = absolute.map((p) => relative(base, p).replace(/\.ya?ml$/i, '') + extension);
  const seen = new Map<string, number>();
  out.forEach((name, i) => {
    const key = name.toLowerCase();
    const before = seen.get(key);
    if (before !== undefined) {
      throw new SigmaError(
        'io',
        `--split: ${paths[before]} and ${paths[i]} would both be written to ${name} (rename one of them, or convert them in separate runs)`,
        { file: paths[i] as string },
      );
    }
    seen.set(key, i);
  });
  return out;
}
