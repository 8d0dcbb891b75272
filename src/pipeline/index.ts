/**
 * The processing-pipeline engine: pySigma's pipeline format as data, compiled once, applied purely.
 * See README.md for the state keys the named pipelines set.
 */
import './builtins.js';

export type {
  CompileContext,
  ConditionDefinition,
  ConditionMatchers,
  ConditionScope,
  DetectionItemMatcher,
  FinalizerDefinition,
  FinalizerItem,
  FinalizeTransform,
  FieldNameMatcher,
  ItemContext,
  ItemReplacement,
  Pipeline,
  PipelineDocument,
  PipelineSource,
  PostprocessingDefinition,
  PostprocessingItem,
  PostprocessTransform,
  ProcessingItem,
  ProcessingResult,
  RuleMatcher,
  Run,
  Transform,
  TransformationDefinition,
} from './types.js';
export { parsePipeline } from './parse.js';
export { loadPipelineYaml } from './load.js';
export { applyPipeline, combinePipelines, lazyPipeline, postprocessQuery } from './apply.js';
export {
  conditionTypes,
  finalizerTypes,
  postprocessingTypes,
  registerCondition,
  registerFinalizer,
  registerPostprocessing,
  registerTransformation,
  transformationTypes,
} from './registry.js';
export { finalizeQueries, finalizedText } from './finalizers.js';
export { pythonJson } from './pyjson.js';
// Building blocks for backends that register their own transformation types.
export {
  fieldNameTransform,
  mapFieldsList,
  renameItem,
  trackField,
  withFields,
  type FieldNameFunction,
} from './transformations/field-names.js';
export { transformValues, valueTransform, expansion, type ValueFunction } from './transformations/value-transform.js';
export { groupHashes, hashDetection, splitHash, type HashOptions } from './transformations/hashes.js';
export { detection, detectionItems, markApplied, newItem, replaceItems, withField, withSelections, withValues } from './walk.js';
export { splitString } from './strings.js';
export { pyPlain, sigmaValueOf } from './values.js';
export { addWarning, inexpressible, pipelineWarnings, type Inexpressible, type PipelineWarning } from './inexpressible.js';
export {
  computeCondition,
  computeField,
  computedColumns,
  computedFields,
  type ComputedCondition,
  type ComputedExpression,
  type ComputedField,
} from './computed.js';
