/**
 * sigmaform: Sigma detection rules → Splunk SPL, Microsoft Sentinel/Defender KQL and Elastic EQL and ES|QL.
 * This entry point is browser-safe (no Node built-ins); file and folder helpers are in `sigmaform/node`.
 */
import { registerBackend } from './backend.js';
import { splunkBackend } from '../backends/splunk/index.js';
import { kustoBackend } from '../backends/kusto/index.js';
import { eqlBackend } from '../backends/eql/index.js';
import { esqlBackend } from '../backends/esql/index.js';

registerBackend(splunkBackend);
registerBackend(kustoBackend);
registerBackend(eqlBackend);
registerBackend(esqlBackend);

export * from './rule/ast.js';
export { SigmaError, toSigmaError, type SigmaErrorCode, type SourceLocation } from './errors.js';
export { loadRules, loadRuleList, documentFrom } from './rule/load.js';
export { loadDocuments, type LoadedDocuments } from './rule/load.js';
export * from './batch.js';
export { parseYaml, type ParsedYaml, type Position } from './rule/yaml.js';
export { parseSigmaString, renderString, plainText, hasWildcards } from './rule/strings.js';
export { parseCondition, resolveCondition } from './condition/parse.js';
export { applyFilter, applyFilters, filterApplies } from './rule/filters.js';
export * from './pipeline/index.js';
export {
  TextCompiler,
  deferred,
  type CompileContext as QueryCompileContext,
  type Deferred,
  type Fragment,
  type Tokens,
} from './compile/compiler.js';
export { ruleToNodes, conditionToNode, type QueryNode, type MatchNode } from './compile/tree.js';
export { convertWithCompiler } from './compile/convert.js';
export {
  registerBackend,
  getBackend,
  listBackends,
  getFormat,
  getNamedPipeline,
  type Backend,
  type ConvertOptions,
  type NamedPipeline,
  type OutputFormat,
  type RuleResult,
} from './backend.js';
export {
  convert,
  createConverter,
  resolvePipelines,
  type Converter,
  type ConverterInput,
  type ConvertRequest,
  type FileResult,
} from './convert.js';
export * from './eval/index.js';
export { correlate, DEFAULT_TIME_FIELDS, type CorrelateOptions, type CorrelationHit } from './eval/correlate.js';
export {
  resolveCorrelation,
  correlationComparisons,
  aliasField,
  correlationAsRule,
  type CorrelationPlan,
  type CorrelatedRule,
} from './rule/correlation.js';
export { splunkCorrelation, kustoCorrelation, eqlCorrelation } from './compile/correlation.js';
export { splunkBackend, kustoBackend, eqlBackend };
export * from './analyze/index.js';
export * from './validate/index.js';
export { esqlBackend, esqlCorrelation } from '../backends/esql/index.js';
export {
  parseCorrelationExpression,
  evaluateExpression,
  expressionRules,
  type CorrelationExpression,
} from './rule/correlation-condition.js';
