/** Access to ../shared (the SigmaHQ corpus and the reference outputs) for conformance tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = join(REPO, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'sigma', 'rules'));
/** Message for tests that skip without ../shared. */
export const SHARED_MISSING = `../shared is absent (expected at ${SHARED}): conformance tests skipped`;
if (!HAS_SHARED) console.warn(SHARED_MISSING);

export function walkYaml(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkYaml(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export interface CorpusFile {
  /** Path as the reference writes it: `rules/…/x.yml`. */
  readonly path: string;
  readonly file: string;
  readonly text: string;
}

let corpusCache: CorpusFile[] | undefined;
export function corpus(): CorpusFile[] {
  corpusCache ??= walkYaml(join(SHARED, 'sigma', 'rules')).map((file) => ({
    path: relative(join(SHARED, 'sigma'), file),
    file,
    text: readFileSync(file, 'utf8'),
  }));
  return corpusCache;
}

export type ReferenceRecord = { path: string; ok: true; queries: string[] } | { path: string; ok: false; error: string };

/** Reads `../shared/reference/pysigma/<name>.jsonl`, keyed by path. */
export function reference(name: string): Map<string, ReferenceRecord> {
  const text = readFileSync(join(SHARED, 'reference', 'pysigma', `${name}.jsonl`), 'utf8');
  const out = new Map<string, ReferenceRecord>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as ReferenceRecord;
    out.set(rec.path, rec);
  }
  return out;
}

/** Rule paths listed in `../shared/reference/pysigma/<name>.invalid.txt` (reference queries the target rejects). */
export function invalidList(name: string): Set<string> {
  const file = join(SHARED, 'reference', 'pysigma', `${name}.invalid.txt`);
  if (!existsSync(file)) return new Set();
  const out = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /(rules\/\S+\.ya?ml)/.exec(line);
    if (m?.[1]) out.add(m[1]);
  }
  return out;
}

/** Whitespace runs collapsed, as the parity measure says. */
export const collapse = (q: string): string => q.replace(/\s+/g, ' ').trim();
