/**
 * The pySigma EQL reference in `../shared/reference/pysigma/`: `eql.jsonl`,
 * `eql.ecs_windows.jsonl` (one conversion per rule) and their `*.invalid.txt` lists
 * (`<rule path>: line L:C: <ANTLR message>` — the first error a parser generated from
 * EqlBase.g4 reports). Test tooling only (uses node:fs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `/work/shared`, i.e. `../shared` seen from the repository root. */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
export const PYSIGMA_DIR = join(SHARED_DIR, 'reference/pysigma');
export const EQL_REFERENCES = ['eql', 'eql.ecs_windows'] as const;
export type EqlReference = (typeof EQL_REFERENCES)[number];

export function hasEqlReference(): boolean {
  return EQL_REFERENCES.every((name) => existsSync(join(PYSIGMA_DIR, `${name}.jsonl`)));
}

/** Suffix for a describe title: says why the block is skipped. */
export function eqlSkipNote(): string {
  return hasEqlReference() ? '' : ` (skipped: ${PYSIGMA_DIR}/eql*.jsonl absent)`;
}

export interface EqlConversion {
  readonly path: string;
  readonly queries: readonly string[];
}

/** The rules pySigma converted (`ok: true`), in file order. */
export function readEqlConversions(name: EqlReference): readonly EqlConversion[] {
  const out: EqlConversion[] = [];
  for (const line of readFileSync(join(PYSIGMA_DIR, `${name}.jsonl`), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { path: string; ok: boolean; queries?: string[] };
    if (record.ok) out.push(Object.freeze({ path: record.path, queries: Object.freeze(record.queries ?? []) }));
  }
  return Object.freeze(out);
}

/** rule path → first error, as written in `<name>.invalid.txt`. */
export function readEqlInvalidList(name: EqlReference): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(PYSIGMA_DIR, `${name}.invalid.txt`), 'utf8').split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) out.set(line.slice(0, at), line.slice(at + 2));
  }
  return out;
}

/** The Sigma rule file a reference path names (`rules/…/x.yml`). */
export function readSigmaRule(path: string): string {
  return readFileSync(join(SHARED_DIR, 'sigma', path), 'utf8');
}
