/** Node-only: turning command-line paths (files, folders, globs) into rule files. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { SigmaError } from '../errors.js';

const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[\]{}]/;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && YAML_FILE.test(e.name)) out.push(p);
  }
}

/**
 * Expands files, folders (recursively, `*.yml`/`*.yaml`) and glob patterns into a sorted, de-duplicated list of
 * paths, each as given relative to `cwd` (absolute paths stay absolute). A path that does not exist is an error.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (GLOB_CHARS.test(p)) {
      const matches = await glob(p, { cwd, onlyFiles: true, absolute: false });
      out.push(...matches.filter((m) => YAML_FILE.test(m)).sort());
      continue;
    }
    const abs = resolve(cwd, p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new SigmaError('io', `no such file or folder: ${p}`, { file: p });
    }
    if (info.isDirectory()) {
      const files: string[] = [];
      await walk(abs, files);
      const absolute = p.startsWith('/');
      out.push(...files.map((f) => (absolute ? f : relative(cwd, f))));
    } else out.push(p);
  }
  return [...new Set(out)];
}
