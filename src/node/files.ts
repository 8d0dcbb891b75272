/** Node-only: turning command-line paths (files, folders, globs) into rule files. */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { SigmaError } from '../errors.js';

const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[\]{}]/;

/** Appends to `out` the files below `dir` (recursively, in name order) whose name matches `name`. */
export async function walkFiles(dir: string, name: RegExp, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walkFiles(p, name, out);
    else if (e.isFile() && name.test(e.name)) out.push(p);
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
      const { glob } = await import('tinyglobby'); // loaded for glob patterns only
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
      await walkFiles(abs, YAML_FILE, files);
      const absolute = p.startsWith('/');
      out.push(...files.map((f) => (absolute ? f : relative(cwd, f))));
    } else out.push(p);
  }
  return [...new Set(out)];
}

/**
 * `expandPaths` for the rule files of a run: an input that names no rule file (a folder without *.yml/*.yaml files, a
 * glob that matches none) is an error, not an empty run — among other inputs too, where a typo
 * in one of them would otherwise drop its rules without a word (as a shell leaves an unmatched glob as written and
 * sigma-cli refuses a path that does not exist).
 */
export async function expandRulePaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const empty: string[] = [];
  for (const p of paths) {
    const files = await expandPaths([p], cwd);
    if (files.length === 0) empty.push(p);
    out.push(...files);
  }
  if (empty.length > 0) {
    throw new SigmaError(
      'io',
      `no rule files in ${empty.map((p) => `'${p}'`).join(', ')} (folders are searched recursively for *.yml and *.yaml; a glob must match such files)`,
    );
  }
  return [...new Set(out)];
}

/** Why a file operation failed, in words: the system's code (ENOENT …) said plainly. */
export function ioReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EEXIST':
      return 'a file is in the way';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Reads a UTF-8 file the user named (`path` as given, relative to `cwd`); a failure is a SigmaError naming it. */
export async function readUserFile(path: string, cwd: string, what = 'file'): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw new SigmaError('io', `cannot read ${what} ${path}: ${ioReason(e)}`, { file: path });
  }
}

/**
 * `readUserFile`, synchronously: for the thousands of small rule files of a run, one blocking read each is
 * several times faster than as many promises (each waits its turn on libuv's thread pool).
 */
export function readUserFileSync(path: string, cwd: string, what = 'file'): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw new SigmaError('io', `cannot read ${what} ${path}: ${ioReason(e)}`, { file: path });
  }
}

/** Writes a file (making its folders); a failure is a SigmaError naming the path as the user gave it. */
export async function writeUserFile(path: string, content: string | Uint8Array, cwd = '.'): Promise<void> {
  const abs = resolve(cwd, path);
  try {
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  } catch (e) {
    throw new SigmaError('io', `cannot write ${path}: ${ioReason(e)}`, { file: path });
  }
}

/** Makes a folder (and its parents); a failure is a SigmaError naming it. */
export async function makeUserFolder(path: string, cwd = '.'): Promise<void> {
  try {
    await mkdir(resolve(cwd, path), { recursive: true });
  } catch (e) {
    throw new SigmaError('io', `cannot create folder ${path}: ${ioReason(e)}`, { file: path });
  }
}
