/**
 * Registers pySigma's built-in transformation, condition and post-processing types under their YAML names.
 * Imported for its effect by the parser, so a pipeline can always use them.
 */
import { DETECTION_ITEM_CONDITIONS } from './conditions/detection-item.js';
import { FIELD_NAME_CONDITIONS } from './conditions/field-name.js';
import { RULE_CONDITIONS } from './conditions/rule.js';
import { concatFinalizer, jsonFinalizer, nestedFinalizer, yamlFinalizer } from './finalizers.js';
import { embed, embedJson, nestPostprocessing, replace, simpleTemplate } from './postprocessing.js';
import { registerCondition, registerFinalizer, registerPostprocessing, registerTransformation } from './registry.js';
import {
  addField,
  fieldNameMapping,
  fieldNamePrefix,
  fieldNamePrefixMapping,
  fieldNameSuffix,
  removeField,
  setField,
} from './transformations/fields.js';
import { hashesFields } from './transformations/hashes.js';
import { computedField } from './computed.js';
import { queryExpressionPlaceholders, valuePlaceholders, wildcardPlaceholders } from './transformations/placeholders.js';
import {
  addCondition,
  changeLogsource,
  detectionItemFailure,
  dropDetectionItem,
  nest,
  ruleFailure,
  setCustomAttribute,
  setState,
} from './transformations/rule.js';
import {
  caseTransformation,
  convertTypeTransformation,
  mapStringTransformation,
  regexTransformation,
  replaceStringTransformation,
  setValueTransformation,
} from './transformations/values.js';
import type { TransformationDefinition } from './types.js';

const TRANSFORMATIONS: Readonly<Record<string, TransformationDefinition<never>>> = {
  field_name_mapping: fieldNameMapping,
  field_name_prefix_mapping: fieldNamePrefixMapping,
  field_name_prefix: fieldNamePrefix,
  field_name_suffix: fieldNameSuffix,
  add_field: addField,
  remove_field: removeField,
  set_field: setField,
  drop_detection_item: dropDetectionItem,
  hashes_fields: hashesFields,
  wildcard_placeholders: wildcardPlaceholders,
  value_placeholders: valuePlaceholders,
  query_expression_placeholders: queryExpressionPlaceholders,
  add_condition: addCondition,
  change_logsource: changeLogsource,
  replace_string: replaceStringTransformation,
  map_string: mapStringTransformation,
  set_state: setState,
  regex: regexTransformation,
  set_value: setValueTransformation,
  convert_type: convertTypeTransformation,
  rule_failure: ruleFailure,
  detection_item_failure: detectionItemFailure,
  set_custom_attribute: setCustomAttribute,
  nest,
  case: caseTransformation,
  computed_field: computedField,
} as unknown as Readonly<Record<string, TransformationDefinition<never>>>;

for (const [type, definition] of Object.entries(TRANSFORMATIONS)) registerTransformation(type, definition);
for (const [type, definition] of Object.entries(RULE_CONDITIONS)) registerCondition('rule', type, definition);
for (const [type, definition] of Object.entries(DETECTION_ITEM_CONDITIONS)) registerCondition('detection_item', type, definition);
for (const [type, definition] of Object.entries(FIELD_NAME_CONDITIONS)) registerCondition('field_name', type, definition);
registerPostprocessing('embed', embed);
registerPostprocessing('replace', replace);
registerPostprocessing('simple_template', simpleTemplate);
registerPostprocessing('json', embedJson);
registerPostprocessing('nest', nestPostprocessing);
registerFinalizer('concat', concatFinalizer);
registerFinalizer('json', jsonFinalizer);
registerFinalizer('yaml', yamlFinalizer);
registerFinalizer('nested', nestedFinalizer);
