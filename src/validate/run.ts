/**
 * The runner: rule files → findings. Runs every selected validator on every document, then the cross-rule
 * checks over all documents of the run; honours per-rule exclusions; output sorted and deterministic.
 */
import { SigmaError, type SourceLocation } from '../errors.js';
import { loadForValidation, type LoadedFile } from './context.js';
import { VALIDATORS, validatorById } from './registry.js';
import type { DocumentContext, Finding, Issue, Severity, Validator, ValidatorParams } from './types.js';

/** A rule file to validate: its text and (for messages and file-name checks) its path. */
export interface RuleSource {
  readonly text: string;
  readonly path?: string;
}

export interface ValidateOptions {
  /** Validator ids to run (default: all). */
  readonly validators?: readonly string[];
  /** Validator ids not to run. */
  readonly skip?: readonly string[];
  /** Rule id (lower-case UUID) → validator ids not to run on that rule (sigma-cli's `exclusions`). */
  readonly exclusions?: Readonly<Record<string, readonly string[]>>;
  /** Validator id → parameters (sigma-cli's `config`, e.g. `{ filename_length: { max_size: 100 } }`). */
  readonly config?: Readonly<Record<string, ValidatorParams>>;
  /** Today as YYYY-MM-DD (sigmahq_status_to_high); default: the current UTC date. */
  readonly today?: string;
}

/** The outcome for one file: its findings, or the error that kept it from loading. */
export interface FileValidation {
  readonly path?: string;
  /** Number of Sigma documents loaded (0 when the file did not load). */
  readonly documents: number;
  readonly findings: readonly Finding[];
  /** Why the file (or, when `documents` > 0, one of its documents) did not load: the first of `errors`. */
  readonly error?: SigmaError;
  /** Every document of the file that did not load, when some did (the others were validated). */
  readonly errors?: readonly SigmaError[];
}

/** The validators that `options` select, in id order; throws a SigmaError for an unknown id. */
export function selectValidators(options: ValidateOptions = {}): readonly Validator[] {
  const check = (ids: readonly string[] | undefined): void => {
    for (const id of ids ?? [])
      if (!validatorById(id)) throw new SigmaError('backend', `unknown validator '${id}' (see 'sigmaform check --list-validators')`);
  };
  check(options.validators);
  check(options.skip);
  for (const ids of Object.values(options.exclusions ?? {})) check(ids);
  check(Object.keys(options.config ?? {}));
  const only = options.validators ? new Set(options.validators) : undefined;
  const skip = new Set(options.skip ?? []);
  return VALIDATORS.filter((v) => (!only || only.has(v.id)) && !skip.has(v.id));
}

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
function byPlace(a: Finding, b: Finding): number {
  return (
    compare(a.document, b.document) ||
    compare(a.line ?? 0, b.line ?? 0) ||
    compare(a.column ?? 0, b.column ?? 0) ||
    compare(a.validator, b.validator) ||
    compare(a.message, b.message)
  );
}

/**
 * Where the key or one-line scalar that starts at `start` ends (exclusive), or undefined for block scalars, flow
 * collections and anything spanning lines: editors underline exactly the offending text.
 */
export function tokenEnd(text: string, start: number, what: 'key' | 'value'): number | undefined {
  const eol = text.indexOf('\n', start);
  const lineEnd = eol === -1 ? text.length : eol;
  const c = text[start];
  if (c === "'" || c === '"') {
    for (let i = start + 1; i < lineEnd; i++) {
      if (c === '"' && text[i] === '\\') i++;
      else if (text[i] === c) {
        if (c === "'" && text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return undefined;
  }
  if (c === undefined || '|>[{-\r\n'.includes(c)) return undefined;
  const line = text.slice(start, lineEnd);
  const stop = what === 'key' ? line.search(/:(?:\s|$)/) : line.search(/\s#/);
  const token = (stop === -1 ? line : line.slice(0, stop)).replace(/\s+$/, '');
  return token.length > 0 ? start + token.length : undefined;
}

function toFinding(v: Validator, ctx: DocumentContext, issue: Issue): Finding {
  const where: SourceLocation = issue.location ?? (issue.at ? ctx.locate(issue.at, issue.what ?? 'value') : ctx.document.source);
  let end: { endLine: number; endColumn: number } | undefined;
  if (!issue.location && issue.at && where.line !== undefined && where.column !== undefined) {
    const start = ctx.offset(issue.at, issue.what ?? 'value');
    const stop = start === undefined ? undefined : tokenEnd(ctx.text, start, issue.what ?? 'value');
    if (start !== undefined && stop !== undefined) end = { endLine: where.line, endColumn: where.column + (stop - start) };
  }
  const doc = ctx.document;
  return Object.freeze({
    validator: v.id,
    severity: issue.severity ?? v.severity,
    message: issue.message,
    ...(ctx.file !== undefined ? { file: ctx.file } : {}),
    ...(where.line !== undefined ? { line: where.line, column: where.column ?? 1 } : {}),
    ...(end ?? {}),
    document: ctx.index,
    ...(doc.id !== undefined ? { ruleId: doc.id } : {}),
    title: doc.title,
    ...(issue.fix ? { fix: issue.fix } : {}),
  });
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Validates loaded files (see `loadForValidation`); the cross-rule checks see all of them. */
export function validateLoaded(files: readonly LoadedFile[], options: ValidateOptions = {}): FileValidation[] {
  const validators = selectValidators(options);
  const env = (v: Validator) => ({ params: options.config?.[v.id] ?? {}, today: options.today ?? today() });
  // rule id → excluded validator ids, looked up once per document (most runs have no exclusions at all)
  const exclusions = new Map(Object.entries(options.exclusions ?? {}).map(([id, ids]) => [id.toLowerCase(), new Set(ids)] as const));
  const excludedFor = new Map<DocumentContext, ReadonlySet<string>>();
  const excluded = (v: Validator, ctx: DocumentContext): boolean => {
    if (exclusions.size === 0) return false;
    let set = excludedFor.get(ctx);
    if (!set) excludedFor.set(ctx, (set = exclusions.get(ctx.document.id?.toLowerCase() ?? '') ?? new Set()));
    return set.has(v.id);
  };
  const findings = new Map<DocumentContext, Finding[]>();
  const add = (ctx: DocumentContext, f: Finding): void => {
    const list = findings.get(ctx);
    if (list) list.push(f);
    else findings.set(ctx, [f]);
  };
  const all: DocumentContext[] = [];
  for (const file of files) if (file.ok) all.push(...file.documents);
  for (const v of validators) {
    const e = env(v);
    if (v.check) for (const ctx of all) if (!excluded(v, ctx)) for (const issue of v.check(ctx, e)) add(ctx, toFinding(v, ctx, issue));
    if (v.checkAll) for (const { ctx, issue } of v.checkAll(all, e)) if (!excluded(v, ctx)) add(ctx, toFinding(v, ctx, issue));
  }
  return files.map((file) => {
    const path = file.file;
    if (!file.ok)
      return Object.freeze({ ...(path !== undefined ? { path } : {}), documents: 0, findings: Object.freeze([]), error: file.error });
    const list = file.documents.flatMap((ctx) => findings.get(ctx) ?? []).sort(byPlace);
    return Object.freeze({
      ...(path !== undefined ? { path } : {}),
      documents: file.documents.length,
      findings: Object.freeze(list),
      ...(file.errors?.length ? { error: file.errors[0], errors: file.errors } : {}),
    });
  });
}

/**
 * Validates rule files with pySigma's validators (core and SigmaHQ). Each file yields its findings (validator id,
 * severity, message, line and column) or the error that kept it from loading; a bad file never stops the batch.
 */
export function validateRules(sources: readonly RuleSource[], options: ValidateOptions = {}): FileValidation[] {
  return validateLoaded(
    sources.map((s) => loadForValidation(s.text, s.path)),
    options,
  );
}

/** Severity order helper re-exported for callers that filter findings. */
export type { Severity };
