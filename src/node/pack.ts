/**
 * Node-only build-script API: convert rules from files or globs and write a deployable rule pack.
 *
 *   await buildPack({ rules: 'rules/**\/*.yml', target: 'splunk', format: 'escu', out: 'dist/splunk' })
 */
import { join } from 'node:path';
import { load } from 'js-yaml';
import { createConverter, type FileResult } from '../convert.js';
import { SigmaError } from '../errors.js';
import type { Backend, RuleResult } from '../backend.js';
import type { Pipeline } from '../pipeline/index.js';
import {
  DEFAULT_PACK_SETTINGS,
  elasticPackFiles,
  packSettings,
  sentinelPackFiles,
  splunkPackFiles,
  type PackFile,
  type PackSettings,
} from '../packs/index.js';
import { expandRulePaths, makeUserFolder, readUserFile, writeUserFile } from './files.js';
import { writeIsolated } from '../batch.js';
import { convertFiles, isBuiltinBackend } from './parallel.js';
import { resolvePipelineArgs } from './pipelines.js';

/** Pack writers of the built-in targets; a third-party backend brings its own `pack`. */
type PackWriter = (results: readonly RuleResult[], settings: PackSettings) => readonly PackFile[];
const writerFor =
  (
    target: string,
    write: (rules: readonly (RuleResult & { target: string })[], settings: PackSettings) => readonly PackFile[],
  ): PackWriter =>
  (results, settings) =>
    write(
      results.map((r) => ({ ...r, target })),
      settings,
    );
const BUILTIN_PACKS: Readonly<Record<string, PackWriter>> = {
  splunk: writerFor('splunk', splunkPackFiles),
  kusto: writerFor('kusto', sentinelPackFiles),
  eql: writerFor('eql', elasticPackFiles),
};

export function packWriter(backend: Backend): PackWriter {
  const writer = backend.pack ?? BUILTIN_PACKS[backend.name];
  if (!writer) throw new SigmaError('backend', `target '${backend.name}' has no rule-pack writer`);
  return writer;
}

export interface BuildPackOptions {
  /** Rule files, folders or glob patterns (one or several). */
  readonly rules: string | readonly string[];
  readonly target: string;
  /** Named pipelines or pipeline YAML files (`.yml`), or loaded pipelines. */
  readonly pipelines?: readonly (string | Pipeline)[];
  /** Query format used inside the pack (e.g. `escu` for Splunk); the target's default when absent. */
  readonly format?: string;
  /** Output folder; the pack's files are written below it. */
  readonly out: string;
  /** Pack settings (partial; defaults fill the rest), or a YAML/JSON settings file to read. */
  readonly settings?: unknown;
  readonly config?: string;
  /** Working folder for relative paths (default: process.cwd()). */
  readonly cwd?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Use pipelines even when they declare other targets (`allowed_backends`). */
  readonly disablePipelineCheck?: boolean;
  /** Threads to convert with (this one included); default: half the cores, 1 for small batches. */
  readonly jobs?: number;
  /** Called after each rule file is converted (progress). */
  readonly onFile?: (result: FileResult) => void;
}

export interface BuildPackResult {
  /** Paths of the files written, relative to `out`; none when no rule converted (no empty pack is written). */
  readonly files: readonly string[];
  /** Every rule file's outcome; failed ones carry a located SigmaError. */
  readonly results: readonly FileResult[];
  /** Rules (and correlations) with a query in the pack. */
  readonly converted: number;
  readonly failed: number;
  /** Types of the pipeline's finalizers, which a pack does not run (they shape `convert` output only). */
  readonly ignoredFinalizers: readonly string[];
}

/** Reads a pack settings file (YAML or JSON) into PackSettings. */
export async function loadPackSettings(file: string, cwd = process.cwd()): Promise<PackSettings> {
  const text = await readUserFile(file, cwd, 'pack settings file');
  let data: unknown;
  try {
    data = load(text);
  } catch (e) {
    throw new SigmaError('yaml', `invalid pack settings file: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  return packSettings(data ?? {}, DEFAULT_PACK_SETTINGS, file);
}

export async function buildPack(options: BuildPackOptions): Promise<BuildPackResult> {
  const cwd = options.cwd ?? process.cwd();
  const base = options.config ? await loadPackSettings(options.config, cwd) : DEFAULT_PACK_SETTINGS;
  const settings = options.settings !== undefined ? packSettings(options.settings, base) : base;
  const pipelines = await resolvePipelineArgs(
    (options.pipelines ?? []).filter((p): p is string => typeof p === 'string'),
    cwd,
  );
  const converter = createConverter({
    target: options.target,
    pipelines: [...pipelines, ...(options.pipelines ?? []).filter((p): p is Pipeline => typeof p !== 'string')],
    ...(options.format ? { format: options.format } : {}),
    ...(options.options ? { options: options.options } : {}),
    ...(options.disablePipelineCheck ? { disablePipelineCheck: true } : {}),
  });
  const writer = packWriter(converter.backend);
  const paths = await expandRulePaths(typeof options.rules === 'string' ? [options.rules] : options.rules, cwd);
  // Worker threads rebuild the converter from names, so they help only when every pipeline is a name or a file.
  const byName = (options.pipelines ?? []).every((p) => typeof p === 'string') && isBuiltinBackend(converter.backend);
  const spec = byName
    ? {
        target: options.target,
        pipelines: (options.pipelines ?? []) as readonly string[],
        ...(options.format ? { format: options.format } : {}),
        ...(options.options ? { options: options.options } : {}),
        ...(options.disablePipelineCheck ? { disablePipelineCheck: true } : {}),
        cwd,
      }
    : undefined;
  const convertedFiles = await convertFiles(converter, spec, paths, {
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
  // A rule the pack cannot hold (e.g. an ESCU detection without a date) is an error record; the pack goes on.
  const { output: files, results } = writeIsolated(convertedFiles, (rules) => writer(rules, settings));
  const converted = results.flatMap((r) => (r.ok ? r.results.filter((rule) => rule.queries.length > 0) : []));
  // No empty pack: a SIEM would deploy it as "nothing to detect" without a word.
  if (converted.length > 0) {
    await makeUserFolder(options.out, cwd);
    for (const f of files) await writeUserFile(join(options.out, f.path), f.content, cwd);
  }
  return {
    files: converted.length > 0 ? files.map((f) => f.path) : [],
    results,
    converted: converted.length,
    failed: results.filter((r) => !r.ok).length,
    ignoredFinalizers: (converter.pipeline?.finalizers ?? []).map((f) => f.type),
  };
}
