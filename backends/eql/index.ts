/**
 * The Elastic EQL backend: the EQL dialect (`dialect.ts`), the `ecs_windows` pipeline (Winlogbeat ≥ 7 / ECS field
 * names) and the formats `default`, `eqlapi` and `siem_rule_ndjson`.
 *
 * Backend options (`ConvertOptions.options`, `-O key=value` on the command line):
 * - `categoryPrefix: true` — `process where …`, `file where …`, `registry where …`, `network where …` from the
 *   rule's logsource category instead of the reference's `any where …`;
 * - `keywordField: "<field>"` — the field keyword detections search (default `message`).
 */
import type { Backend, BackendOption, NamedPipeline } from '../../src/backend.js';
import { convertWithCompiler } from '../../src/compile/convert.js';
import { SigmaError } from '../../src/errors.js';
import { EqlCompiler } from './dialect.js';
import { eqlFormats, eqlPackFormats } from './formats.js';
import { elasticPackFiles } from './pack/index.js';
import type { ConvertedRule } from '../../src/packs/types.js';
import { DEFAULT_KEYWORD_FIELD } from './keywords.js';
import { namedPipelines } from './pipelines/index.js';
import { correlationConverter, eqlCorrelation } from '../../src/compile/correlation.js';

const DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze({
  ecs_windows: 'Windows log sources to Elastic Common Schema fields as Winlogbeat ≥ 7 writes them',
});

const eqlPipelines: Readonly<Record<string, NamedPipeline>> = Object.freeze(
  Object.fromEntries(
    Object.entries(namedPipelines).map(([name, load]) => [name, Object.freeze({ description: DESCRIPTIONS[name] ?? name, load })]),
  ),
);

const compilers = new Map<string, EqlCompiler>();

/** The compiler for a run's backend options, built once per distinct option set. */
export function eqlCompilerFor(options: Readonly<Record<string, unknown>> = {}): EqlCompiler {
  const { categoryPrefix = false, keywordField = DEFAULT_KEYWORD_FIELD } = options;
  if (typeof categoryPrefix !== 'boolean')
    throw new SigmaError('backend', `eql option 'categoryPrefix' must be true or false, not '${String(categoryPrefix)}'`);
  if (typeof keywordField !== 'string' || keywordField === '')
    throw new SigmaError('backend', `eql option 'keywordField' must be a field name`);
  const key = `${categoryPrefix}\u0000${keywordField}`;
  let compiler = compilers.get(key);
  if (!compiler) {
    compiler = new EqlCompiler({ categoryAware: categoryPrefix, keywordField });
    compilers.set(key, compiler);
  }
  return compiler;
}

const convert: Backend['convert'] = (rule, options) => convertWithCompiler(eqlCompilerFor(options.options), rule, options, eqlFormats);

/** The Elastic pack: Kibana rule-import NDJSON (see pack/index.ts). */
const pack: NonNullable<Backend['pack']> = (results, settings) =>
  elasticPackFiles(
    results.map((r): ConvertedRule => ({ rule: r.rule, queries: r.queries, target: 'eql', state: r.state })),
    settings,
  );

export const eqlBackend: Backend = Object.freeze({
  name: 'eql',
  description: 'Elastic EQL (Elasticsearch event query language, Elastic Security)',
  pipelines: eqlPipelines,
  formats: eqlFormats,
  // `?field == null`: an empty string is not null.
  nullMatchesEmpty: false,
  options: Object.freeze({
    categoryPrefix: {
      type: 'boolean',
      description: "'process where …', 'file where …' … from the rule's logsource category instead of 'any where …'",
    },
    keywordField: { type: 'string', description: 'the field keyword detections search (default: message)' },
  } satisfies Record<string, BackendOption>),
  convert,
  convertCorrelation: correlationConverter(convert, eqlFormats, (plan, queries) => eqlCorrelation(plan, queries)),
  pack,
  packFormats: eqlPackFormats,
});

export { EqlCompiler, type EqlDialectOptions } from './dialect.js';
export { eqlFormats } from './formats.js';
