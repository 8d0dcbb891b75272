/**
 * The public backend interface and registry. The built-in backends register through exactly this interface,
 * the same one a third party uses (`registerBackend`).
 */
import type { SigmaCorrelation, SigmaRule } from './rule/ast.js';
import type { CorrelationPlan } from './rule/correlation.js';
import type { PackContext, PackFile, PackSettings } from './packs/types.js';
import type { Pipeline } from './pipeline/index.js';
import { SigmaError } from './errors.js';

/** One rule after conversion: its queries (already finalized per rule) and the pipeline state. */
export interface RuleResult {
  /**
   * The converted rule. For a correlation it is the correlation's metadata as a rule (logsource of its first
   * referenced rule, no detection), and `correlation` holds the document itself.
   */
  readonly rule: SigmaRule;
  readonly correlation?: SigmaCorrelation;
  readonly queries: readonly string[];
  readonly state: Readonly<Record<string, unknown>>;
}

export interface OutputFormat {
  readonly description: string;
  /** Per rule: turns each raw query into this format's per-rule text (e.g. an ESCU search, a JSON body). */
  readonly finalizeQuery?: (query: string, rule: SigmaRule, state: Readonly<Record<string, unknown>>, index: number) => string;
  /**
   * Whole run: the text of a combined output file from every converted rule (e.g. savedsearches.conf). When
   * absent, the output is the per-rule queries, one per line.
   */
  readonly finalizeOutput?: (results: readonly RuleResult[]) => string;
}

export interface NamedPipeline {
  readonly description: string;
  /** Built lazily, once per process. */
  readonly load: () => Pipeline;
}

export interface ConvertOptions {
  /** The processing pipeline to apply before compiling (already combined from -p arguments). */
  readonly pipeline?: Pipeline;
  readonly format?: string;
  /** Backend-specific options (e.g. eql's category-aware prefix). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface Backend {
  readonly name: string;
  readonly description: string;
  readonly pipelines: Readonly<Record<string, NamedPipeline>>;
  readonly formats: Readonly<Record<string, OutputFormat>>;
  /**
   * Converts one rule: applies the pipeline, compiles, post-processes and finalizes per rule for the format.
   * Throws SigmaError when the rule cannot be expressed.
   */
  readonly convert: (rule: SigmaRule, options: ConvertOptions) => RuleResult;
  /**
   * Converts a correlation rule whose referenced rules are resolved in `plan`. Absent when the target has no
   * correlation support; then a correlation is an `unsupported` error record.
   */
  readonly convertCorrelation?: (plan: CorrelationPlan, options: ConvertOptions) => RuleResult;
  /** Writes a deployable rule pack (files with relative paths) from converted rules; absent: no `pack` support. */
  readonly pack?: (results: readonly RuleResult[], settings: PackSettings, context?: PackContext) => readonly PackFile[];
  /**
   * The formats `pack -f` accepts, each mapped to the query format converted into the pack: a query format maps to
   * itself, a document format that names the pack's own layout (`arm`, `siem_rule_ndjson`) to the query format the
   * pack holds. A format not listed is a usage error naming these. Absent: every format, as given.
   */
  readonly packFormats?: Readonly<Record<string, string>>;
}

const registry = new Map<string, Backend>();

export function registerBackend(backend: Backend): void {
  registry.set(backend.name, backend);
}

export function getBackend(name: string): Backend {
  const backend = registry.get(name);
  if (!backend) {
    throw new SigmaError('backend', `unknown target '${name}' (known: ${[...registry.keys()].join(', ') || 'none'})`);
  }
  return backend;
}

export function listBackends(): Backend[] {
  return [...registry.values()];
}

export function getFormat(backend: Backend, format = 'default'): OutputFormat {
  const f = backend.formats[format];
  if (!f) {
    throw new SigmaError(
      'backend',
      `target '${backend.name}' has no format '${format}' (formats: ${Object.keys(backend.formats).join(', ')})`,
    );
  }
  return f;
}

export function getNamedPipeline(backend: Backend | undefined, name: string): Pipeline {
  const owners = backend ? [backend, ...listBackends().filter((b) => b !== backend)] : listBackends();
  for (const b of owners) {
    const p = b.pipelines[name];
    if (p) return p.load();
  }
  const known = listBackends().flatMap((b) => Object.keys(b.pipelines));
  throw new SigmaError('backend', `unknown pipeline '${name}' (known: ${known.join(', ')})`);
}
