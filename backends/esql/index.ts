/**
 * The Elastic ES|QL backend: the ES|QL dialect (`dialect.ts`), the `ecs_windows` pipeline shared with eql
 * (Winlogbeat ≥ 7 / ECS field names), every correlation type (`correlation.ts`), the formats `default` and
 * `siem_rule_ndjson`, and the Elastic pack of `esql` rules.
 *
 * The queries need Elasticsearch 8.14 or later (ES|QL generally available, `METADATA`, `BUCKET`-era functions,
 * the released grammar the tests parse every query with).
 *
 * Backend options (`ConvertOptions.options`, `-O key=value` on the command line):
 * - `index: "logs-*,winlogbeat-*"` — the FROM index patterns (comma-separated, or a list); else the pipeline
 *   state's `index`; else the Elastic pack's default index patterns;
 * - `keywordField: "<field>"` — the field keyword detections search (default `message`).
 */
import type { Backend, BackendOption, NamedPipeline } from '../../src/backend.js';
import { convertWithCompiler } from '../../src/compile/convert.js';
import { correlationConverter } from '../../src/compile/correlation.js';
import { SigmaError } from '../../src/errors.js';
import { DEFAULT_PACK_SETTINGS } from '../../src/packs/settings.js';
import { namedPipelines } from '../eql/pipelines/index.js';
import { esqlCorrelation } from './correlation.js';
import { DEFAULT_KEYWORD_FIELD, EsqlCompiler } from './dialect.js';
import { esqlFormats, esqlPackFiles, esqlPackFormats } from './formats.js';

const DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze({
  ecs_windows: 'Windows log sources to Elastic Common Schema fields as Winlogbeat ≥ 7 writes them (shared with eql)',
});

const esqlPipelines: Readonly<Record<string, NamedPipeline>> = Object.freeze(
  Object.fromEntries(
    Object.entries(namedPipelines).map(([name, load]) => [name, Object.freeze({ description: DESCRIPTIONS[name] ?? name, load })]),
  ),
);

function indexOption(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!list || !list.every((s) => typeof s === 'string'))
    throw new SigmaError('backend', `esql option 'index' must be index patterns (e.g. logs-*,winlogbeat-*), not '${String(value)}'`);
  return list.map((s: string) => s.trim()).filter((s: string) => s !== '');
}

const compilers = new Map<string, EsqlCompiler>();

/** The compiler for a run's backend options, built once per distinct option set. */
export function esqlCompilerFor(options: Readonly<Record<string, unknown>> = {}): EsqlCompiler {
  const { keywordField = DEFAULT_KEYWORD_FIELD } = options;
  if (typeof keywordField !== 'string' || keywordField === '')
    throw new SigmaError('backend', `esql option 'keywordField' must be a field name`);
  const index = indexOption(options.index);
  const key = `${(index ?? []).join(',')}\u0000${keywordField}`;
  let compiler = compilers.get(key);
  if (!compiler) {
    compiler = new EsqlCompiler({ ...(index ? { index } : {}), defaultIndex: DEFAULT_PACK_SETTINGS.elastic.index, keywordField });
    compilers.set(key, compiler);
  }
  return compiler;
}

const convert: Backend['convert'] = (rule, options) => convertWithCompiler(esqlCompilerFor(options.options), rule, options, esqlFormats);

export const esqlBackend: Backend = Object.freeze({
  name: 'esql',
  description: 'Elastic ES|QL (Elasticsearch piped query language, Elastic Security esql rules; Elasticsearch ≥ 8.14)',
  pipelines: esqlPipelines,
  formats: esqlFormats,
  // `field IS NULL`: an empty string is not null.
  nullMatchesEmpty: false,
  convert,
  convertCorrelation: correlationConverter(convert, esqlFormats, (plan, queries) => esqlCorrelation(plan, queries)),
  pack: esqlPackFiles,
  packFormats: esqlPackFormats,
  options: Object.freeze({
    index: { type: 'string', description: "FROM index patterns, comma-separated (e.g. 'logs-*,winlogbeat-*')" },
    keywordField: { type: 'string', description: 'the field keyword detections search (default: message)' },
  } satisfies Record<string, BackendOption>),
});

export { EsqlCompiler, type EsqlDialectOptions } from './dialect.js';
export { esqlFormats, esqlRule } from './formats.js';
export { esqlCorrelation } from './correlation.js';
