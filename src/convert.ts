/**
 * The library's conversion API: text or AST in, queries out. `createConverter` resolves the target, its
 * pipelines and format once, so converting thousands of rules does not rebuild anything.
 */
import type { SigmaRule } from './rule/ast.js';
import { loadRules } from './rule/load.js';
import { SigmaError, toSigmaError } from './errors.js';
import { getBackend, getFormat, getNamedPipeline, type Backend, type RuleResult } from './backend.js';
import { combinePipelines, type Pipeline } from './pipeline/index.js';

export interface ConvertRequest {
  /** Target name: `splunk`, `kusto`, `eql`, or a registered third-party backend. */
  readonly target: string;
  /** Named pipelines of any registered backend, or pipelines loaded with `loadPipelineYaml`. */
  readonly pipelines?: readonly (string | Pipeline)[];
  readonly format?: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The outcome for one rule file, in the shape of sigma-cli's JSON lines. */
export type FileResult =
  | { readonly path: string; readonly ok: true; readonly queries: readonly string[]; readonly results: readonly RuleResult[] }
  | { readonly path: string; readonly ok: false; readonly error: SigmaError };

export interface Converter {
  readonly backend: Backend;
  readonly pipeline: Pipeline | undefined;
  readonly format: string;
  /** Converts one rule; throws SigmaError. */
  rule(rule: SigmaRule): RuleResult;
  /** Converts every rule of a YAML text; never throws: failures are error records. */
  text(text: string, path: string): FileResult;
}

export function resolvePipelines(backend: Backend | undefined, pipelines: readonly (string | Pipeline)[] = []): Pipeline | undefined {
  if (pipelines.length === 0) return undefined;
  const resolved = pipelines.map((p) => (typeof p === 'string' ? getNamedPipeline(backend, p) : p));
  return resolved.length === 1 ? resolved[0] : combinePipelines(resolved);
}

export function createConverter(request: ConvertRequest): Converter {
  const backend = getBackend(request.target);
  const format = request.format ?? 'default';
  getFormat(backend, format);
  const pipeline = resolvePipelines(backend, request.pipelines);
  const options = { format, ...(pipeline ? { pipeline } : {}), ...(request.options ? { options: request.options } : {}) };
  const rule = (r: SigmaRule): RuleResult => backend.convert(r, options);
  return {
    backend,
    pipeline,
    format,
    rule,
    text(text, path) {
      try {
        const rules = loadRules(text, path).documents.filter((d): d is SigmaRule => d.kind === 'rule');
        const results = rules.map(rule);
        return { path, ok: true, queries: results.flatMap((r) => r.queries), results };
      } catch (e) {
        return { path, ok: false, error: toSigmaError(e, { file: path }) };
      }
    },
  };
}

/** Converts a rule given as YAML text or AST; throws SigmaError on the first failure. */
export function convert(input: string | SigmaRule, request: ConvertRequest): string[] {
  const converter = createConverter(request);
  if (typeof input !== 'string') return [...converter.rule(input).queries];
  const result = converter.text(input, '<input>');
  if (!result.ok) throw result.error;
  return [...result.queries];
}
