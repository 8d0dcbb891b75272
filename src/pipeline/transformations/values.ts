/**
 * Value transformations (pySigma names): replace_string, map_string, regex, set_value, convert_type, case.
 */
import { z } from 'zod';
import { SigmaError, type SourceLocation } from '../../errors.js';
import type { SigmaValue } from '../../rule/ast.js';
import { parseSigmaString, plainString } from '../../rule/strings.js';
import { parseReplacement, pythonRegex } from '../pyregex.js';
import { lowerString, replaceString, snakeCaseString, stringToRegexPattern, upperString, type Replacement } from '../strings.js';
import type { TransformationDefinition } from '../types.js';
import { pyPlain, sigmaValueOf } from '../values.js';
import { valueTransform } from './value-transform.js';

function compileError(path: string, location: SourceLocation, e: unknown): SigmaError {
  return new SigmaError('pipeline', `${path}: ${e instanceof Error ? e.message : String(e)}`, location);
}

type ReplaceParams = { regex: string; replacement: string; skip_special: boolean; interpret_special: boolean };

/** Regular-expression replacement in string values (Python pattern and `re.sub` template syntax). */
export const replaceStringTransformation: TransformationDefinition<ReplaceParams> = {
  params: z.strictObject({
    regex: z.string(),
    replacement: z.string(),
    skip_special: z.boolean().default(false),
    interpret_special: z.boolean().default(false),
  }),
  compile: (p, { path, location }) => {
    let r: Replacement;
    try {
      r = {
        regex: pythonRegex(p.regex),
        template: parseReplacement(p.replacement),
        skipSpecial: p.skip_special,
        interpretSpecial: p.interpret_special,
      };
    } catch (e) {
      throw compileError(path, location, e);
    }
    return valueTransform((_f, v) => {
      if (v.kind !== 'string') return undefined;
      const out = replaceString(v, r);
      return out === v ? undefined : out;
    });
  },
};

/** Maps whole string values (by their plain text) to one or several other strings. */
export const mapStringTransformation: TransformationDefinition<{ mapping: Record<string, string | string[]> }> = {
  params: z.strictObject({ mapping: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }),
  compile: ({ mapping }) => {
    const map = new Map(Object.entries(mapping));
    return valueTransform((_f, v) => {
      if (v.kind !== 'string') return undefined;
      const to = map.get(pyPlain(v));
      if (to === undefined) return undefined;
      return typeof to === 'string' ? parseSigmaString(to, v.cased) : to.map((t) => parseSigmaString(t, v.cased));
    });
  },
};

type RegexMethod = 'plain' | 'ignore_case_flag' | 'ignore_case_brackets';

/** Turns string values into regular expressions (to emulate case-insensitive matching). */
export const regexTransformation: TransformationDefinition<{ method: RegexMethod }> = {
  params: z.strictObject({ method: z.enum(['plain', 'ignore_case_flag', 'ignore_case_brackets']).default('ignore_case_brackets') }),
  compile: ({ method }, { location }) =>
    valueTransform((_f, v) => {
      if (v.kind !== 'string' || v.parts.length === 0) return undefined;
      const pattern = stringToRegexPattern(v, method === 'ignore_case_brackets');
      if (typeof pattern !== 'string') {
        throw new SigmaError(
          'pipeline',
          `placeholder '${pattern.placeholder}' cannot become a regular expression: resolve placeholders first`,
          location,
        );
      }
      return Object.freeze({
        kind: 'regex',
        pattern,
        flags: Object.freeze({ ignoreCase: method === 'ignore_case_flag', multiline: false, dotAll: false }),
      });
    }),
};

type SetValueParams = { value: string | number | boolean | null; force_type?: 'str' | 'num' | null };

/** Replaces every value by a fixed one (optionally forced to a string or number). */
export const setValueTransformation: TransformationDefinition<SetValueParams> = {
  params: z.strictObject({
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    force_type: z.enum(['str', 'num']).nullish(),
  }),
  compile: ({ value, force_type }, { path, location }) => {
    let fixed: SigmaValue;
    if (force_type === 'str') {
      if (typeof value !== 'string' && typeof value !== 'number')
        throw new SigmaError('pipeline', `${path}: force_type 'str' takes a string or number value`, location);
      fixed = parseSigmaString(String(value));
    } else if (force_type === 'num') {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === ''))
        throw new SigmaError('pipeline', `${path}: value '${String(value)}' is not a number`, location);
      fixed = Object.freeze({ kind: 'number', value: n, text: String(value) });
    } else fixed = sigmaValueOf(value);
    return valueTransform(() => fixed);
  },
};

/**
 * convert_type: numbers → strings (`str`) or numeric strings → numbers (`num`). Null, booleans, regular
 * expressions and other typed values are kept, as pySigma does.
 */
export const convertTypeTransformation: TransformationDefinition<{ target_type: 'str' | 'num' }> = {
  params: z.strictObject({ target_type: z.enum(['str', 'num']) }),
  compile: ({ target_type }, { location }) =>
    valueTransform((field, v) => {
      if (target_type === 'str') return v.kind === 'number' ? plainString(v.text) : undefined;
      if (v.kind !== 'string') return undefined;
      const text = pyPlain(v);
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) {
        throw new SigmaError(
          'pipeline-failure',
          `value '${text}' of field '${field ?? '(keyword)'}' can't be converted to a number`,
          location,
        );
      }
      return Object.freeze({ kind: 'number', value: n, text });
    }),
};

/** Lower case, upper case or snake_case of string values. */
export const caseTransformation: TransformationDefinition<{ method: 'lower' | 'upper' | 'snake_case' }> = {
  params: z.strictObject({ method: z.enum(['lower', 'upper', 'snake_case']).default('lower') }),
  compile: ({ method }) => {
    const f = method === 'lower' ? lowerString : method === 'upper' ? upperString : snakeCaseString;
    return valueTransform((_f, v) => (v.kind === 'string' ? f(v) : undefined));
  },
};
