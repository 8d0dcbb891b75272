/**
 * The library's conversion API: text or AST in, queries out. `createConverter` resolves the target, its
 * pipelines and format once, so converting thousands of rules does not rebuild anything.
 */
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from './rule/ast.js';
import { loadDocuments } from './rule/load.js';
import { applyFilters } from './rule/filters.js';
import { hiddenByCorrelations, resolveCorrelation } from './rule/correlation.js';
import { SigmaError, toSigmaError } from './errors.js';
import { checkBackendOptions, getBackend, getFormat, getNamedPipeline, type Backend, type RuleResult } from './backend.js';
import { fileResult } from './batch.js';
import { combinePipelines, finalizedText, finalizeQueries, type Pipeline } from './pipeline/index.js';

export interface ConvertRequest {
  /** Target name: `splunk`, `kusto`, `eql`, or a registered third-party backend. */
  readonly target: string;
  /** Named pipelines of any registered backend, or pipelines loaded with `loadPipelineYaml`. */
  readonly pipelines?: readonly (string | Pipeline)[];
  readonly format?: string;
  /** Backend options, checked against the ones the backend declares (`Backend.options`). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Use pipelines even when they declare other targets (`allowed_backends`); sigma-cli's --disable-pipeline-check. */
  readonly disablePipelineCheck?: boolean;
}

/**
 * The outcome for one rule file, in the shape of sigma-cli's JSON lines. A file whose rules all fail (or that
 * does not load) is `ok: false`; a file where some rules convert is `ok: true`, and `errors` holds the failures
 * of its other rules.
 */
export type FileResult =
  | {
      readonly path: string;
      readonly ok: true;
      readonly queries: readonly string[];
      readonly results: readonly RuleResult[];
      /** Rules of this file that could not be converted (the others are in `results`); absent when none failed. */
      readonly errors?: readonly SigmaError[];
      /** The converted rules' warnings (alternatives left out, see RuleResult.warnings); absent when none. */
      readonly warnings?: readonly SigmaError[];
    }
  | { readonly path: string; readonly ok: false; readonly error: SigmaError };

/** A rule file for `Converter.files`: its text, or the documents already loaded from it (e.g. from a cache). */
export interface ConverterInput {
  readonly text: string;
  readonly path: string;
  /** The documents `loadRules(text, path)` gives; when present the text is not loaded again. */
  readonly documents?: readonly SigmaDocument[];
}

export interface Converter {
  readonly backend: Backend;
  readonly pipeline: Pipeline | undefined;
  readonly format: string;
  /** Converts one rule; throws SigmaError. */
  rule(rule: SigmaRule): RuleResult;
  /** Converts a correlation whose rules are among `documents`; throws SigmaError. */
  correlation(correlation: SigmaCorrelation, documents: readonly SigmaDocument[]): RuleResult;
  /** Converts every rule of a YAML text; never throws: failures are error records. */
  text(text: string, path: string): FileResult;
  /**
   * Converts several files as one collection: filters apply to the rules they name and correlations find
   * their rules in any of the files. One result per file, in order; never throws.
   */
  files(inputs: readonly ConverterInput[], onFile?: (result: FileResult) => void): FileResult[];
  /**
   * The output text of a run's queries (every rule's, in order): the pipeline's finalizers applied (`concat`,
   * `json`, `yaml`, `nested`), or one query per line without them; ends with a line break unless empty.
   * Throws SigmaError when a finalizer cannot take what the one before it made.
   */
  finalize(queries: readonly string[]): string;
}

/**
 * The pipelines of a run combined into one. Each pipeline that declares the targets it is for
 * (`allowed_backends`) must include `backend`, unless `disableCheck`: a pipeline for another target would make
 * queries of another language (`-t splunk -p sentinel_asim`). A pipeline that declares none is allowed anywhere.
 */
export function resolvePipelines(
  backend: Backend | undefined,
  pipelines: readonly (string | Pipeline)[] = [],
  disableCheck = false,
): Pipeline | undefined {
  if (pipelines.length === 0) return undefined;
  const resolved = pipelines.map((p) => (typeof p === 'string' ? getNamedPipeline(backend, p) : p));
  if (backend && !disableCheck) {
    resolved.forEach((p, i) => {
      if (p.allowedBackends.length === 0 || p.allowedBackends.includes(backend.name)) return;
      const given = pipelines[i];
      const name = typeof given === 'string' ? given : (p.source?.file ?? p.name ?? `pipeline ${i + 1}`);
      throw new SigmaError(
        'backend',
        `pipeline '${name}' is for target${p.allowedBackends.length > 1 ? 's' : ''} ${p.allowedBackends.join(', ')}, not ${backend.name} ` +
          `(use a pipeline for ${backend.name}, or --disable-pipeline-check / disablePipelineCheck to use it anyway)`,
        typeof given === 'string' ? {} : (p.source ?? {}),
      );
    });
  }
  return resolved.length === 1 ? resolved[0] : combinePipelines(resolved);
}

export function createConverter(request: ConvertRequest): Converter {
  const backend = getBackend(request.target);
  const format = request.format ?? 'default';
  getFormat(backend, format);
  const backendOptions = request.options ? checkBackendOptions(backend, request.options) : undefined;
  const pipeline = resolvePipelines(backend, request.pipelines, request.disablePipelineCheck);
  const options = { format, ...(pipeline ? { pipeline } : {}), ...(backendOptions ? { options: backendOptions } : {}) };
  const rule = (r: SigmaRule): RuleResult => backend.convert(r, options);
  const correlation = (c: SigmaCorrelation, documents: readonly SigmaDocument[]): RuleResult => {
    if (!backend.convertCorrelation)
      throw new SigmaError('unsupported', `target '${backend.name}' does not support correlation rules`, c.source);
    return backend.convertCorrelation(resolveCorrelation(c, documents), options);
  };
  const files = (inputs: readonly ConverterInput[], onFile?: (result: FileResult) => void): FileResult[] => {
    // Load every file first: filters and correlations may refer to rules in other files.
    // A document that does not load is an error record of its file; the file's other documents still convert.
    // Documents already loaded (e.g. from `--cache`, which keeps only files that load whole) are taken as they are.
    const loaded = inputs.map(({ text, path, documents }) =>
      documents ? { path, documents, errors: [] } : { path, ...loadDocuments(text, path) },
    );
    const all = loaded.flatMap((l) => l.documents);
    const applied = all.some((d) => d.kind === 'filter') ? applyFilters(all) : undefined;
    const filtered = applied?.documents ?? all;
    const rewritten = applied?.rewritten;
    const hidden = all.some((d) => d.kind === 'correlation') ? hiddenByCorrelations(filtered) : new Set<SigmaDocument>();
    const convertFile = (l: (typeof loaded)[number]): FileResult => {
      const results: RuleResult[] = [];
      const errors: SigmaError[] = [...l.errors];
      // Each rule on its own: one the target cannot express does not take the others of its file with it.
      for (const original of l.documents) {
        const d = rewritten?.get(original) ?? original;
        try {
          if (d.kind === 'rule' && !hidden.has(d)) results.push(rule(d));
          else if (d.kind === 'correlation' && !hidden.has(d)) results.push(correlation(d, filtered));
        } catch (e) {
          errors.push(toSigmaError(e, { file: l.path }));
        }
      }
      return fileResult(l.path, results, errors);
    };
    return loaded.map((l) => {
      const result = convertFile(l);
      onFile?.(result);
      return result;
    });
  };
  return {
    backend,
    pipeline,
    format,
    rule,
    correlation,
    files,
    text: (text, path) => files([{ text, path }])[0] as FileResult,
    finalize: (queries) => finalizedText(finalizeQueries(pipeline, queries)),
  };
}

/** Converts a rule given as YAML text or AST; throws SigmaError on the first failure. */
export function convert(input: string | SigmaRule, request: ConvertRequest): string[] {
  const converter = createConverter(request);
  if (typeof input !== 'string') return [...converter.rule(input).queries];
  const result = converter.text(input, '<input>');
  if (!result.ok) throw result.error;
  const failed = result.errors?.[0];
  if (failed) throw failed;
  return [...result.queries];
}
