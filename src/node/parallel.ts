/**
 * Node-only: a batch of rule files converted on every core. The calling thread and `jobs - 1` worker threads
 * take batches of files from one shared counter (whoever is free takes the next batch), so a slow file holds up
 * nobody; results are put back in input order, so the output is the same bytes as a single-threaded run.
 *
 * Filters and correlations see every document they need: a cheap first pass over the texts finds the files that
 * hold filter or correlation documents and the files those correlations name; every batch is converted together
 * with them (their own results are reported once, by the batch that owns them).
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Converter, ConvertRequest, FileResult } from '../convert.js';
import type { RuleResult } from '../backend.js';
import type { SigmaDocument, SigmaRule } from '../rule/ast.js';
import { loadDocuments } from '../rule/load.js';
import { SigmaError, toSigmaError, type SigmaErrorCode } from '../errors.js';
import { readUserFileSync } from './files.js';
import type { RuleCache } from './cache.js';
import { builtinBackend } from './builtins.js';

/**
 * What a worker needs to build the same converter as the calling thread: the conversion request with pipelines
 * as names and files only (each thread reads the files), and the folder they are relative to.
 */
export interface WorkerConverterSpec extends ConvertRequest {
  readonly pipelines: readonly string[];
  readonly cwd: string;
}

export interface ParallelOptions {
  /** Threads in all (the calling one included); default: the number of cores, 1 for small batches. */
  readonly jobs?: number;
  /**
   * Keep only the queries and the rules' metadata (no detection trees): for outputs that are the queries
   * themselves, so a large batch does not hold every rule's AST until the end.
   */
  readonly slim?: boolean;
  /** Loaded rules from a previous run (`--cache`); with a cache the batch runs on this thread only. */
  readonly cache?: RuleCache;
  /** Called for every file's result as soon as it is known (progress); not in input order. */
  readonly onFile?: (result: FileResult) => void;
}

/** Below this many files a worker costs more (its start-up and the library's import) than it saves. */
export const MIN_FILES_PER_WORKER = 400;
const BATCH = 48;

interface Input {
  readonly path: string;
  readonly text: string | undefined;
  readonly readError?: SigmaError;
}

/** A SigmaError as it crosses a thread: structured clone keeps only an Error's message. */
export interface WireError {
  readonly code: SigmaErrorCode;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}
export type WireResult =
  | {
      readonly path: string;
      readonly ok: true;
      readonly queries: readonly string[];
      readonly results: readonly RuleResult[];
      readonly errors?: readonly WireError[];
      readonly warnings?: readonly WireError[];
    }
  | { readonly path: string; readonly ok: false; readonly error: WireError };

const toWireError = (e: SigmaError): WireError => e.toJSON();
/** The SigmaError a WireError stands for (convert's and match's workers send their errors so). */
export const fromWireError = (e: WireError): SigmaError =>
  new SigmaError(e.code, e.message, {
    ...(e.file !== undefined ? { file: e.file } : {}),
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.column !== undefined ? { column: e.column } : {}),
  });

/** A file's result as it crosses a thread: its errors and its rules' warnings (SigmaErrors too) as plain records. */
export function toWire(r: FileResult): WireResult {
  if (!r.ok) return { path: r.path, ok: false, error: toWireError(r.error) };
  return {
    ...r,
    results: r.results.map((x) => (x.warnings ? { ...x, warnings: x.warnings.map(toWireError) as never } : x)),
    ...(r.errors ? { errors: r.errors.map(toWireError) } : {}),
    ...(r.warnings ? { warnings: r.warnings.map(toWireError) } : {}),
  };
}
export function fromWire(r: WireResult): FileResult {
  if (!r.ok) return { path: r.path, ok: false, error: fromWireError(r.error) };
  const back = (ws: readonly unknown[]): SigmaError[] => ws.map((w) => fromWireError(w as WireError));
  const { errors, warnings, ...rest } = r;
  return {
    ...rest,
    results: r.results.map((x) => (x.warnings ? { ...x, warnings: back(x.warnings) } : x)),
    ...(errors ? { errors: back(errors) } : {}),
    ...(warnings ? { warnings: back(warnings) } : {}),
  };
}

const CONTEXT_DOCUMENT = /^(?:correlation|filter)\s*:/m;
const NAME_OR_ID = /^(?:id|name)\s*:\s*['"]?([^\s'"#]+)/gm;

/**
 * The files every batch must see: those with a filter or correlation document, and (transitively) the files
 * whose rule `id` or `name` one of those documents mentions. A superset is harmless (only slower).
 */
export function contextFiles(texts: readonly (string | undefined)[]): Set<number> {
  const context = new Set<number>();
  const mentions: string[] = [];
  texts.forEach((t, i) => {
    if (t !== undefined && CONTEXT_DOCUMENT.test(t)) {
      context.add(i);
      mentions.push(t);
    }
  });
  if (context.size === 0) return context;
  const names = texts.map((t) => (t === undefined ? [] : [...t.matchAll(NAME_OR_ID)].map((m) => m[1] as string)));
  let pending = mentions;
  while (pending.length > 0) {
    const next: string[] = [];
    names.forEach((ns, i) => {
      if (context.has(i)) return;
      if (ns.some((n) => pending.some((text) => text.includes(n)))) {
        context.add(i);
        next.push(texts[i] as string);
      }
    });
    pending = next;
  }
  return context;
}

const NO_DETECTION: SigmaRule['detection'] = Object.freeze({ selections: new Map(), conditions: Object.freeze([]) });

/** A result without the rules' detection trees (metadata, queries and errors stay). */
export function slimResult(r: FileResult): FileResult {
  if (!r.ok) return r;
  return { ...r, results: r.results.map((x) => ({ ...x, rule: { ...x.rule, detection: NO_DETECTION } })) };
}

/**
 * A thread's converter of batches: each batch is converted together with the context files and returns its own
 * results, in order. The context files' documents are loaded once per thread, not once per batch (a batch that
 * owns a context file loads it itself, so its errors are reported there).
 */
export function batchConverter(
  converter: Converter,
  inputs: readonly Input[],
  context: readonly number[],
  slim = false,
  cache?: RuleCache,
): (batch: readonly number[]) => FileResult[] {
  const contextDocuments = new Map<number, readonly SigmaDocument[]>();
  const loaded = (i: number, path: string, text: string): readonly SigmaDocument[] => {
    let documents = contextDocuments.get(i);
    if (!documents) contextDocuments.set(i, (documents = cache?.documents(path, text) ?? loadDocuments(text, path).documents));
    return documents;
  };
  return (batch) => {
    const own = new Set(batch);
    const members = [...context.filter((i) => !own.has(i)), ...batch];
    const readable = members.filter((i) => inputs[i]?.text !== undefined);
    const converted = converter.files(
      readable.map((i) => {
        const { path, text } = inputs[i] as Input & { text: string };
        const documents = own.has(i) ? cache?.documents(path, text) : loaded(i, path, text);
        return documents ? { path, text, documents } : { path, text };
      }),
    );
    const byIndex = new Map<number, FileResult>();
    readable.forEach((i, k) => byIndex.set(i, converted[k] as FileResult));
    return batch.map((i) => {
      const input = inputs[i] as Input;
      const result = byIndex.get(i);
      if (result) return slim ? slimResult(result) : result;
      return {
        path: input.path,
        ok: false,
        error: input.readError ?? new SigmaError('io', `cannot read ${input.path}`, { file: input.path }),
      };
    });
  };
}

const batchOf = (index: number, total: number): number[] => {
  const out: number[] = [];
  for (let i = index * BATCH; i < Math.min(total, (index + 1) * BATCH); i++) out.push(i);
  return out;
};

/** A worker script next to this module in the build (`dist/worker.js`, …); absent when running from source. */
export function builtScript(name: string): string | undefined {
  try {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The spec worker threads rebuild `converter` from (made by `createConverter(request)`), or undefined where they
 * cannot: a pipeline object exists only in this thread, so such a run stays on it (as does one whose backend is
 * not the built-in one of its name, which `convertFiles` checks).
 */
export function workerSpec(converter: Converter, request: ConvertRequest, cwd: string): WorkerConverterSpec | undefined {
  const pipelines = request.pipelines ?? [];
  if (!pipelines.every((p): p is string => typeof p === 'string')) return undefined;
  return { ...request, pipelines, cwd };
}

/**
 * Threads for a batch of `files` on this machine. V8 already keeps a second core busy with its own compiler and
 * garbage-collector threads during a cold run (1.7 s of wall time take 2.2 s of CPU on two cores), so a worker
 * pays only where there are cores beyond that: half the cores, and one thread per MIN_FILES_PER_WORKER files.
 * Measured on 2 cores (the corpus, splunk): one thread 1.4–1.7 s, two threads 1.75–2.2 s.
 */
export function defaultJobs(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(Math.floor(cores / 2), Math.floor(files / MIN_FILES_PER_WORKER) + 1));
}

/**
 * Reads and converts `paths` with `converter` (in this thread) and, where `spec` is given and the build has its
 * worker script, with `jobs - 1` worker threads that build the same converter from `spec`. Never throws for a
 * rule: unreadable files and failed rules are error records. Results are in the order of `paths`.
 */
export async function convertFiles(
  converter: Converter,
  spec: WorkerConverterSpec | undefined,
  paths: readonly string[],
  options: ParallelOptions = {},
): Promise<FileResult[]> {
  const cwd = spec?.cwd ?? process.cwd();
  const inputs: Input[] = paths.map((path) => {
    try {
      return { path, text: readUserFileSync(path, cwd, 'rule file') };
    } catch (e) {
      return { path, text: undefined, readError: toSigmaError(e, { file: path }) };
    }
  });
  const context = [...contextFiles(inputs.map((i) => i.text))].sort((a, b) => a - b);
  const script = builtScript('worker.js');
  let jobs = spec && script && !options.cache ? Math.max(1, Math.floor(options.jobs ?? defaultJobs(paths.length))) : 1;
  // A worker thread has the built-in backends only: a third party's backend (or one registered under a built-in
  // name) keeps the run on this thread.
  if (jobs > 1 && (await builtinBackend(converter.backend.name)) !== converter.backend) jobs = 1;
  const batches = Math.ceil(paths.length / BATCH);
  const convertBatch = batchConverter(converter, inputs, context, options.slim, options.cache);
  const results = new Array<FileResult | undefined>(paths.length);
  const report = (batch: readonly number[], out: readonly FileResult[]) =>
    batch.forEach((i, k) => {
      results[i] = out[k];
      options.onFile?.(out[k] as FileResult);
    });

  if (jobs <= 1 || batches <= 1) {
    // One thread: the whole run in one call, as the library does it.
    for (let b = 0; b < batches; b++) {
      const batch = batchOf(b, paths.length);
      report(batch, convertBatch(batch));
    }
    return results as FileResult[];
  }

  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: Math.min(jobs - 1, batches - 1) }, () => {
    const worker = new Worker(script as string, {
      workerData: {
        spec,
        inputs: inputs.map((i) => ({ path: i.path, text: i.text })),
        context,
        counter,
        batch: BATCH,
        slim: options.slim === true,
      },
    });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { batch: number; results: WireResult[] }) =>
        report(batchOf(m.batch, paths.length), m.results.map(fromWire)),
      );
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code === 0 ? resolve() : reject(new SigmaError('internal', `a conversion worker stopped with code ${code}`)),
      );
    });
  });
  // This thread takes batches too, and lets the workers' messages in between (progress).
  for (;;) {
    const b = Atomics.add(counter, 0, 1);
    if (b >= batches) break;
    const batch = batchOf(b, paths.length);
    report(batch, convertBatch(batch));
    await new Promise((r) => setImmediate(r));
  }
  await Promise.allSettled(workers);
  // A batch a worker could not finish (it failed) is converted here, so no file is ever without a result.
  for (let b = 0; b < batches; b++) {
    const batch = batchOf(b, paths.length);
    if (batch.some((i) => results[i] === undefined)) report(batch, convertBatch(batch));
  }
  return results as FileResult[];
}
