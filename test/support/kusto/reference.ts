/**
 * Loaders for the pySigma reference measurements in `../shared/reference/pysigma/`:
 * `kusto.<pipeline>.jsonl` (one conversion result per rule) and
 * `kusto.<pipeline>.invalid.txt` (`<rule path>: <Severity>: <message> @<offset>` per line,
 * the rules whose reference query Microsoft's analyzer rejects, with its first error).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KustoDiagnostic } from './analyzer.js';

/** `/work/shared` seen from the repository root as `../shared`. */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
export const TABLES_JSON = join(SHARED_DIR, 'reference/tables.json');
export const PYSIGMA_DIR = join(SHARED_DIR, 'reference/pysigma');

/** Whether the shared reference data needed by the Kusto harness is present. */
export function hasKustoReference(): boolean {
  return existsSync(TABLES_JSON);
}

/** Suffix for a test title that is skipped because the shared data is absent. */
export function skipNote(): string {
  return hasKustoReference() ? '' : ` (skipped: ${TABLES_JSON} is absent)`;
}

export interface ReferenceConversion {
  readonly path: string;
  readonly queries: readonly string[];
}

/** The rules pySigma converted (`ok: true`), with their queries, in file order. */
export function readReferenceConversions(jsonlPath: string): ReferenceConversion[] {
  const out: ReferenceConversion[] = [];
  for (const line of readFileSync(jsonlPath, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { path: string; ok: boolean; queries?: string[] };
    if (record.ok) out.push(Object.freeze({ path: record.path, queries: record.queries ?? [] }));
  }
  return out;
}

/** rule path → first error as written in an `*.invalid.txt` list. */
export function readInvalidList(invalidTxtPath: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(invalidTxtPath, 'utf8').split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) out.set(line.slice(0, at), line.slice(at + 2));
  }
  return out;
}

/** A diagnostic in the `*.invalid.txt` notation: `Error: <message> @<start>`. */
export function formatLikeInvalidList(diagnostic: KustoDiagnostic): string {
  const severity = diagnostic.severity.charAt(0).toUpperCase() + diagnostic.severity.slice(1);
  return `${severity}: ${diagnostic.message} @${diagnostic.start}`;
}
