/**
 * The per-rule bookkeeping of a batch run, as pure functions of values (no I/O, no shared state, so a worker
 * thread can run them on its share of the files): a file's outcome from its rules' results and errors, a
 * whole-run writer (savedsearches.conf, an ARM template, a rule pack) that one rule cannot stop, and the
 * rules that converted to no query.
 */
import type { RuleResult } from './backend.js';
import type { FileResult } from './convert.js';
import { SigmaError, toSigmaError, type SourceLocation } from './errors.js';

/**
 * A file's outcome: `ok: false` with its first error when nothing of it converted, otherwise `ok: true` with
 * its results and (when some of its documents failed) their errors.
 */
export function fileResult(path: string, results: readonly RuleResult[], errors: readonly SigmaError[]): FileResult {
  const first = errors[0];
  if (first && results.length === 0) return { path, ok: false, error: first };
  const queries = results.flatMap((r) => r.queries);
  const warnings = results.flatMap((r) => r.warnings ?? []);
  return {
    path,
    ok: true,
    queries,
    results,
    ...(errors.length ? { errors } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Where a converted rule is: its document's place in its file. */
export const ruleLocation = (result: RuleResult, file: string): SourceLocation => ({
  ...(result.correlation?.source ?? result.rule.source),
  file,
});

/** An error a writer threw for one rule, located at that rule unless it already points into the rule's file. */
export function errorAtRule(e: unknown, result: RuleResult, file: string): SigmaError {
  const error = toSigmaError(e);
  if (error.line !== undefined && (error.file === undefined || error.file === file)) return error.inFile(file);
  return new SigmaError(error.code, error.message, ruleLocation(result, file));
}

/** A whole-run output and the file outcomes once the rules the writer refused are error records. */
export interface IsolatedOutput<T> {
  readonly output: T;
  readonly results: readonly FileResult[];
}

/**
 * Runs a writer that takes every converted rule of a run at once (a savedsearches.conf, an ARM template, a rule
 * pack) so that no single rule can stop or empty the run: when the writer throws, each rule is tried alone, the
 * ones it refuses become error records of their files (file:line:column of the rule) and the rest are written.
 * A failure that no single rule causes (e.g. a limit on the whole output) is thrown as it is.
 */
export function writeIsolated<T>(results: readonly FileResult[], write: (rules: readonly RuleResult[]) => T): IsolatedOutput<T> {
  const all = results.flatMap((r) => (r.ok ? r.results : []));
  try {
    return { output: write(all), results };
  } catch (whole) {
    const refused = new Map<RuleResult, SigmaError>();
    for (const r of results) {
      if (!r.ok) continue;
      for (const rule of r.results) {
        try {
          write([rule]);
        } catch (e) {
          refused.set(rule, errorAtRule(e, rule, r.path));
        }
      }
    }
    if (refused.size === 0) throw whole;
    const output = write(all.filter((rule) => !refused.has(rule)));
    return { output, results: results.map((r) => withRefused(r, refused)) };
  }
}

/** A file's outcome with the rules in `refused` moved from its results to its errors. */
function withRefused(r: FileResult, refused: ReadonlyMap<RuleResult, SigmaError>): FileResult {
  if (!r.ok || !r.results.some((rule) => refused.has(rule))) return r;
  const errors = [...(r.errors ?? []), ...r.results.flatMap((rule) => refused.get(rule) ?? [])];
  return fileResult(
    r.path,
    r.results.filter((rule) => !refused.has(rule)),
    errors,
  );
}

/** A rule that converted without error to no query at all (e.g. a pipeline left nothing to search for). */
export interface NoQueryRule {
  readonly file: string;
  readonly title: string;
  readonly location: SourceLocation;
}

/** The rules of a run that converted to no query, in file order. */
export function noQueryRules(results: readonly FileResult[]): NoQueryRule[] {
  return results.flatMap((r) =>
    r.ok
      ? r.results
          .filter((rule) => rule.queries.length === 0)
          .map((rule) => ({ file: r.path, title: rule.rule.title, location: ruleLocation(rule, r.path) }))
      : [],
  );
}

/** How many files and rules of a run converted, failed, or converted to no query. */
export interface RunCounts {
  readonly files: number;
  /** Files with at least one query. */
  readonly convertedFiles: number;
  /** Files that loaded and converted without error but gave no query at all. */
  readonly noQueryFiles: number;
  /** Files of which nothing converted (they did not load, or every rule failed). */
  readonly failedFiles: number;
  /** Rules (and correlations) with at least one query. */
  readonly convertedRules: number;
  readonly noQueryRules: number;
  /** Every error: whole files and single rules of files that converted otherwise. */
  readonly errors: readonly SigmaError[];
  /** Files that converted but where some rules failed. */
  readonly partialFiles: number;
}

export function runCounts(results: readonly FileResult[]): RunCounts {
  let convertedFiles = 0;
  let noQueryFiles = 0;
  let failedFiles = 0;
  let convertedRules = 0;
  let noQuery = 0;
  let partialFiles = 0;
  const errors: SigmaError[] = [];
  for (const r of results) {
    if (!r.ok) {
      failedFiles++;
      errors.push(r.error);
      continue;
    }
    const withQueries = r.results.filter((rule) => rule.queries.length > 0).length;
    convertedRules += withQueries;
    noQuery += r.results.length - withQueries;
    if (r.queries.length > 0 || r.results.length === 0) convertedFiles++;
    else noQueryFiles++;
    if (r.errors?.length) {
      partialFiles++;
      errors.push(...r.errors);
    }
  }
  return {
    files: results.length,
    convertedFiles,
    noQueryFiles,
    failedFiles,
    convertedRules,
    noQueryRules: noQuery,
    errors,
    partialFiles,
  };
}
