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
  /**
   * Alternatives the pipeline left out because the target cannot express them (code `unsupported`, located at
   * the rule's value): the queries fire on less than the rule does. Absent when none.
   */
  readonly warnings?: readonly SigmaError[];
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

/** A backend option (`ConvertOptions.options`, `-O key=value`): its value type and what it does. */
export interface BackendOption {
  readonly type: 'boolean' | 'number' | 'string';
  readonly description: string;
}

export interface Backend {
  readonly name: string;
  /**
   * The options this backend reads, by key. Any other key, or a value of another type, is refused before a
   * rule is converted (a `backend` SigmaError listing the valid keys). Absent: the backend takes no options.
   */
  readonly options?: Readonly<Record<string, BackendOption>>;
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
  /**
   * Whether the target's query for `field: null` also matches an empty string (KQL's `isempty()` does; EQL's
   * `== null` and ES|QL's `IS NULL` do not). `match -p` with this backend's pipelines evaluates `null` so.
   * Absent: true.
   */
  readonly nullMatchesEmpty?: boolean;
}

const registry = new Map<string, Backend>();

/**
 * How `null` matches with these `-p` pipelines (named ones: their backends' `nullMatchesEmpty`, which must agree;
 * a pipeline file says nothing of its target): false only when every named pipeline's backends say so.
 */
export function pipelinesNullMatchesEmpty(pipelines: readonly (string | unknown)[]): boolean {
  const names = pipelines.filter((p): p is string => typeof p === 'string');
  if (names.length === 0) return true;
  return !names.every((name) => {
    const owners = listBackends().filter((b) => Object.prototype.hasOwnProperty.call(b.pipelines, name));
    return owners.length > 0 && owners.every((b) => b.nullMatchesEmpty === false);
  });
}

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
  throw new SigmaError('backend', `unknown pipeline '${name}' (known: ${[...new Set(known)].join(', ')})`);
}

/**
 * A run's backend options checked against what the backend declares: an unknown key or a value that is not of the
 * option's type is a `backend` SigmaError naming the valid keys. Text given for a boolean (`true`/`false`) or a
 * number (as `-O key=value` gives it) is turned into that type, and a number or boolean given for a text option
 * into text.
 */
export function checkBackendOptions(backend: Backend, given: Readonly<Record<string, unknown>> = {}): Readonly<Record<string, unknown>> {
  const declared = backend.options ?? {};
  const valid = Object.entries(declared).map(([key, o]) => `${key} (${o.type})`);
  const known = valid.length ? `valid keys: ${valid.join(', ')}` : `target '${backend.name}' takes no options`;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    const option = Object.hasOwn(declared, key) ? declared[key] : undefined;
    if (!option) throw new SigmaError('backend', `unknown option '${key}' for target '${backend.name}' (${known})`);
    const bad = (): never => {
      throw new SigmaError('backend', `option '${key}' of target '${backend.name}' must be a ${option.type}, not '${String(value)}'`);
    };
    switch (option.type) {
      case 'boolean':
        out[key] = value === true || value === 'true' ? true : value === false || value === 'false' ? false : bad();
        break;
      case 'number': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
        out[key] = Number.isFinite(n) ? n : bad();
        break;
      }
      case 'string':
        out[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : bad();
        break;
    }
  }
  return Object.freeze(out);
}
