/** Rule validators (pySigma core and SigmaHQ), browser-safe. */
export {
  SEVERITIES,
  severityAtLeast,
  type Severity,
  type Finding,
  type Issue,
  type TextEdit,
  type Validator,
  type ValidatorEnv,
  type ValidatorParams,
  type DocumentContext,
} from './types.js';
export { VALIDATORS, validatorById } from './registry.js';
export { validateRules, validateLoaded, selectValidators, type RuleSource, type ValidateOptions, type FileValidation } from './run.js';
export { loadForValidation, type LoadedFile } from './context.js';
export { applyEdits } from './edits.js';
export { parseValidationConfig } from './config.js';
export { fixText, KEY_ORDER, type FixResult } from './fix.js';
export { toSarif, pathToUri, type SarifOptions } from './sarif.js';
