/**
 * Every validator, under pySigma's identifiers: the 31 of pySigma core (`sigma/validators/core`) and the 49 of the
 * SigmaHQ plugin (pySigma-validators-sigmaHQ). Sorted by id.
 */
import type { Validator } from './types.js';
import { allOfThemCondition } from './validators/all_of_them_condition.js';
import { attacktag } from './validators/attacktag.js';
import { danglingCondition, danglingDetection, themConditionWithSingleDetection } from './validators/condition.js';
import { fieldnameLogsource, specificInsteadOfGenericLogsource } from './validators/logsources.js';
import {
  customAttributes,
  duplicateFilename,
  duplicateReferences,
  duplicateTag,
  duplicateTitle,
  filenameLength,
  identifierExistence,
  identifierUniqueness,
} from './validators/metadata.js';
import { invalidModifierCombinations } from './validators/modifiers.js';
import {
  cartag,
  cvetag,
  d3fendTag,
  detectionTag,
  namespaceTag,
  stptag,
  tagFormat,
  tlptag,
  tlpv1Tag,
  tlpv2Tag,
} from './validators/pattern-tags.js';
import { controlCharacter, doubleWildcard, escapedWildcard, numberAsString, wildcardsInsteadOfModifiers } from './validators/values.js';
import * as hqMeta from './validators/sigmahq-metadata.js';
import * as hqData from './validators/sigmahq-data-checks.js';
import * as hqTags from './validators/sigmahq-tags.js';
import * as hqCondition from './validators/sigmahq-condition.js';

const CORE: readonly Validator[] = [
  allOfThemCondition,
  attacktag,
  cartag,
  controlCharacter,
  customAttributes,
  cvetag,
  d3fendTag,
  danglingCondition,
  danglingDetection,
  detectionTag,
  doubleWildcard,
  duplicateFilename,
  duplicateReferences,
  duplicateTag,
  duplicateTitle,
  escapedWildcard,
  fieldnameLogsource,
  filenameLength,
  identifierExistence,
  identifierUniqueness,
  invalidModifierCombinations,
  namespaceTag,
  numberAsString,
  specificInsteadOfGenericLogsource,
  stptag,
  tagFormat,
  themConditionWithSingleDetection,
  tlptag,
  tlpv1Tag,
  tlpv2Tag,
  wildcardsInsteadOfModifiers,
];

const isValidator = (v: unknown): v is Validator => typeof v === 'object' && v !== null && typeof (v as Validator).id === 'string';
const SIGMAHQ: readonly Validator[] = [hqMeta, hqData, hqTags, hqCondition].flatMap((m) => Object.values(m).filter(isValidator));

/** All validators, sorted by id. */
export const VALIDATORS: readonly Validator[] = Object.freeze(
  [...CORE, ...SIGMAHQ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
);

const BY_ID = new Map(VALIDATORS.map((v) => [v.id, v] as const));

/** The validator with pySigma's identifier `id`. */
export function validatorById(id: string): Validator | undefined {
  return BY_ID.get(id);
}
