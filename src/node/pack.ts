/**
 * Node-only build-script API: convert rules from files or globs and write a deployable rule pack.
 *
 *   await buildPack({ rules: 'rules/**\/*.yml', target: 'splunk', format: 'escu', out: 'dist/splunk' })
 */
import { join } from 'node:path';
import { createConverter, type ConvertRequest, type FileResult } from '../convert.js';
import { SigmaError } from '../errors.js';
import { getBackend, type Backend, type RuleResult } from '../backend.js';
import type { Pipeline } from '../pipeline/index.js';
import { DEFAULT_PACK_SETTINGS, packSettings, packSettingsFromText } from '../packs/settings.js';
import type { PackContext, PackFile, PackSettings } from '../packs/types.js';
import { expandRulePaths, makeUserFolder, readUserFile, writeUserFile } from './files.js';
import { writeIsolated } from '../batch.js';
import { convertFiles, workerSpec } from './parallel.js';
import { resolvePipelineArgs } from './pipelines.js';

/** A target's pack writer (each backend brings its own, `Backend.pack`). */
type PackWriter = (results: readonly RuleResult[], settings: PackSettings, context?: PackContext) => readonly PackFile[];

export function packWriter(backend: Backend): PackWriter {
  const writer = backend.pack;
  if (!writer) throw new SigmaError('backend', `target '${backend.name}' has no rule-pack writer`);
  return writer;
}

/**
 * The query format a pack of `backend` holds when `pack -f format` is asked: a query format as it is, a document
 * format that names the pack's own files as the query format inside them. Any other format is a `backend`
 * SigmaError (a usage error on the command line) that names the formats a pack takes.
 */
export function packQueryFormat(backend: Backend, format = 'default'): string {
  const formats = backend.packFormats;
  if (formats === undefined) return format;
  const query = formats[format];
  if (query !== undefined) return query;
  const what =
    backend.formats[format] === undefined
      ? `target '${backend.name}' has no format '${format}'`
      : `'${format}' is a document format of 'convert -t ${backend.name}', not a query form a ${backend.name} pack holds (use 'sigmaform convert -t ${backend.name} -f ${format}' for it)`;
  throw new SigmaError('backend', `${what}; pack takes -f ${Object.keys(formats).join(', ')}`);
}

/**
 * The pack of converted files: a rule the pack cannot hold (a Sentinel limit, an ESCU detection without a date …)
 * becomes an error record of that rule (`writeIsolated`) and the pack goes on without it.
 */
export function packFiles(
  writer: PackWriter,
  converted: readonly FileResult[],
  settings: PackSettings,
  context: PackContext,
): { readonly results: readonly FileResult[]; readonly files: readonly PackFile[] } {
  const { output, results } = writeIsolated(converted, (rules) => writer(rules, settings, context));
  return { results, files: output };
}

export interface BuildPackOptions {
  /** Rule files, folders or glob patterns (one or several). */
  readonly rules: string | readonly string[];
  readonly target: string;
  /** Named pipelines or pipeline YAML files (`.yml`), or loaded pipelines. */
  readonly pipelines?: readonly (string | Pipeline)[];
  /**
   * Query format inside the pack (splunk: `default`, `data_model`, `escu`); a document format that names the pack's
   * own layout (`arm`, `sentinel_rule`, `siem_rule_ndjson`, `savedsearches`) means its default; others are refused.
   */
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

/** Reads a pack settings file (YAML or JSON) into PackSettings; a bad setting is a SigmaError at its line. */
export async function loadPackSettings(file: string, cwd = process.cwd()): Promise<PackSettings> {
  const text = await readUserFile(file, cwd, 'pack settings file');
  return packSettingsFromText(text, file);
}

export async function buildPack(options: BuildPackOptions): Promise<BuildPackResult> {
  const cwd = options.cwd ?? process.cwd();
  const base = options.config ? await loadPackSettings(options.config, cwd) : DEFAULT_PACK_SETTINGS;
  const settings = options.settings !== undefined ? packSettings(options.settings, base) : base;
  const queryFormat = packQueryFormat(getBackend(options.target), options.format);
  const context: PackContext = { format: queryFormat };
  const request: ConvertRequest = {
    target: options.target,
    pipelines: options.pipelines ?? [],
    format: queryFormat,
    ...(options.options ? { options: options.options } : {}),
    ...(options.disablePipelineCheck ? { disablePipelineCheck: true } : {}),
  };
  const pipelines = await resolvePipelineArgs(
    (options.pipelines ?? []).filter((p): p is string => typeof p === 'string'),
    cwd,
  );
  const converter = createConverter({
    ...request,
    pipelines: [...pipelines, ...(options.pipelines ?? []).filter((p): p is Pipeline => typeof p !== 'string')],
  });
  const writer = packWriter(converter.backend);
  const paths = await expandRulePaths(typeof options.rules === 'string' ? [options.rules] : options.rules, cwd);
  const spec = workerSpec(converter, request, cwd);
  const convertedFiles = await convertFiles(converter, spec, paths, {
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
  // A rule the pack cannot hold (a Sentinel limit, an ESCU detection without a date …) is an error record.
  const { results, files } = packFiles(writer, convertedFiles, settings, context);
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
