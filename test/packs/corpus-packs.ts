/**
 * Shared work of the corpus pack tests: convert the SigmaHQ corpus once with `convert`'s converter (what
 * `sigmaform convert` prints), build the pack from those results as `buildPack` does (`packFiles`), and read back
 * every query the pack holds. In memory: one conversion per configuration and test file.
 */
import '../../src/index.js';
import { createConverter, type FileResult } from '../../src/convert.js';
import { packFiles, packQueryFormat, packWriter } from '../../src/node/pack.js';
import { packSettings } from '../../src/packs/settings.js';
import { corpus } from '../support/corpus.js';

export interface PackRun {
  /** What `convert` gives for each file (same target, pipelines, query format). */
  readonly convert: readonly FileResult[];
  /** The same files after the pack: rules the pack refused are error records. */
  readonly results: readonly FileResult[];
  readonly files: ReadonlyMap<string, string>;
}

export function packRun(target: string, pipelines: readonly string[], format: string, settings: unknown = {}): PackRun {
  const converter = createConverter({ target, pipelines, format });
  const convert = converter.files(corpus().map((f) => ({ path: f.path, text: f.text })));
  const writer = packWriter(converter.backend);
  const { results, files } = packFiles(writer, convert, packSettings(settings), { format: packQueryFormat(converter.backend, format) });
  return { convert, results, files: new Map(files.map((f) => [f.path, f.content])) };
}

/** Every query `convert` printed, as a multiset (query → count). */
export function convertQueries(run: PackRun): Map<string, number> {
  return multiset(run.convert.flatMap((r) => (r.ok ? r.results.flatMap((rule) => rule.queries) : [])));
}

/** Queries of the rules the pack refused (one error record each): reported, not lost. */
export function refusedQueries(run: PackRun): Map<string, number> {
  const refused = new Set(run.results.filter((r) => !r.ok).map((r) => r.path));
  return multiset(run.convert.flatMap((r) => (r.ok && refused.has(r.path) ? r.results.flatMap((rule) => rule.queries) : [])));
}

export function multiset(values: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

export function total(m: ReadonlyMap<string, number>): number {
  return [...m.values()].reduce((a, b) => a + b, 0);
}

/** `a` minus `b` (multisets): what is left over, a few entries for a failure message. */
export function difference(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) if (n > (b.get(k) ?? 0)) out.push(`${n - (b.get(k) ?? 0)}× ${k.slice(0, 200)}`);
  return out.slice(0, 5);
}

export function file(run: PackRun, path: string): string {
  const text = run.files.get(path);
  if (text === undefined) throw new Error(`the pack has no ${path} (it has ${[...run.files.keys()].slice(0, 5).join(', ')} …)`);
  return text;
}

/** Paths of the pack's files under `dir/` (sorted). */
export function under(run: PackRun, dir: string): string[] {
  return [...run.files.keys()].filter((p) => p.startsWith(`${dir}/`)).sort();
}

/** A savedsearches.conf value as Splunk reads it back: the writer's ` \` continuations, and a trailing-backslash guard, undone. */
export function confText(value: string): string {
  const joined = value.replace(/ \n/g, '\n');
  return joined.endsWith('\\ ') ? joined.slice(0, -1) : joined;
}
