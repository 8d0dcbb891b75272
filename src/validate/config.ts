/**
 * sigma-cli's validation configuration file (`sigma check --validation-config FILE`), pySigma's format:
 *
 *   validators:          # ids to run; 'all' = every validator; '-id' removes one (in order)
 *     - all
 *     - -sigmahq_title_case
 *   exclusions:          # rule id → validator id(s) not run on that rule
 *     5013332f-8a70-4e04-bcc1-06a98a2cca2e: sigmahq_filename_prefix
 *   config:              # validator id → parameters
 *     filename_length: { max_size: 100 }
 *
 * As in pySigma, a file without `validators` selects none.
 */
import { load } from 'js-yaml';
import { SigmaError } from '../errors.js';
import { VALIDATORS, validatorById } from './registry.js';
import type { ValidateOptions } from './run.js';
import type { ValidatorParams } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a validation configuration (YAML or JSON text) into runner options; throws a SigmaError on a bad file. */
export function parseValidationConfig(text: string, file?: string): ValidateOptions {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    throw new SigmaError('schema', `validation config: invalid YAML: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  if (doc === undefined || doc === null) doc = {};
  if (!isRecord(doc)) throw new SigmaError('schema', 'validation config: must be a map with validators, exclusions and config', { file });
  const bad = (message: string): SigmaError => new SigmaError('schema', `validation config: ${message}`, { file });
  const known = (id: string, where: string): string => {
    if (!validatorById(id)) throw bad(`unknown validator '${id}' in ${where}`);
    return id;
  };
  for (const key of Object.keys(doc))
    if (!['validators', 'exclusions', 'config'].includes(key)) throw bad(`unknown key '${key}' (expected validators, exclusions, config)`);

  const selected = new Set<string>();
  const list = doc.validators ?? [];
  if (!Array.isArray(list)) throw bad("'validators' must be a list of validator ids ('all', 'id' or '-id')");
  for (const entry of list) {
    const v = String(entry);
    if (v === 'all') for (const x of VALIDATORS) selected.add(x.id);
    else if (v.startsWith('-')) {
      const id = known(v.slice(1), "'validators'");
      if (!selected.delete(id)) throw bad(`'${v}' removes validator '${id}', which is not selected at that point`);
    } else selected.add(known(v, "'validators'"));
  }

  const exclusions: Record<string, string[]> = {};
  const rawExclusions = doc.exclusions ?? {};
  if (!isRecord(rawExclusions)) throw bad("'exclusions' must map rule ids to validator ids");
  for (const [ruleId, ids] of Object.entries(rawExclusions)) {
    const names = (Array.isArray(ids) ? ids : [ids]).map((x) => known(String(x), `the exclusions of ${ruleId}`));
    exclusions[ruleId.toLowerCase()] = names;
  }

  const config: Record<string, ValidatorParams> = {};
  const rawConfig = doc.config ?? {};
  if (!isRecord(rawConfig)) throw bad("'config' must map validator ids to parameter maps");
  for (const [id, params] of Object.entries(rawConfig)) {
    known(id, "'config'");
    if (!isRecord(params)) throw bad(`configuration for validator '${id}' is not a map`);
    config[id] = params;
  }
  return { validators: [...selected].sort(), exclusions, config };
}
