/** The conversion steps every backend shares: pipeline → compile → post-process → per-rule format. */
import type { SigmaRule } from '../rule/ast.js';
import type { ConvertOptions, OutputFormat, RuleResult } from '../backend.js';
import { applyPipeline, pipelineWarnings, postprocessQuery } from '../pipeline/index.js';
import type { TextCompiler } from './compiler.js';
import { SigmaError } from '../errors.js';

export function convertWithCompiler(
  compiler: TextCompiler,
  rule: SigmaRule,
  options: ConvertOptions,
  formats: Readonly<Record<string, OutputFormat>>,
): RuleResult {
  const formatName = options.format ?? 'default';
  const format = formats[formatName];
  if (!format) throw new SigmaError('backend', `no format '${formatName}' (formats: ${Object.keys(formats).join(', ')})`);
  const pipeline = options.pipeline;
  const processed = pipeline ? applyPipeline(pipeline, rule) : { rule, state: {}, applied: [] };
  let queries = compiler.compileRule(processed.rule, processed.state);
  if (pipeline) queries = queries.map((q) => postprocessQuery(pipeline, processed, q));
  const finalize = format.finalizeQuery;
  if (finalize) queries = queries.map((q, i) => finalize(q, processed.rule, processed.state, i));
  const warnings = pipelineWarnings(processed.state).map(
    (w) =>
      new SigmaError('unsupported', w.message, { ...(rule.source.file !== undefined ? { file: rule.source.file } : {}), ...w.location }),
  );
  return Object.freeze({
    rule: processed.rule,
    queries: Object.freeze(queries),
    state: processed.state,
    ...(warnings.length ? { warnings: Object.freeze(warnings) } : {}),
  });
}
