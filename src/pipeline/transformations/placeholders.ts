/**
 * Placeholder transformations for `|expand` values (pySigma names): value_placeholders (from the
 * pipeline's `vars`), wildcard_placeholders (`*`), query_expression_placeholders (a SigmaQueryExpression).
 * `include` / `exclude` restrict which placeholder names are handled; the others stay for later items.
 */
import { z } from 'zod';
import { SigmaError, type SourceLocation } from '../../errors.js';
import type { SigmaString, SigmaValue, StringPart } from '../../rule/ast.js';
import { ANY, parseSigmaString, sigmaString } from '../../rule/strings.js';
import type { TransformationDefinition } from '../types.js';
import { valueTransform } from './value-transform.js';

const selection = {
  include: z.array(z.string()).nullish(),
  exclude: z.array(z.string()).nullish(),
};
type Selection = { include?: string[] | null; exclude?: string[] | null };

function handled({ include, exclude }: Selection, path: string, location: SourceLocation): (name: string) => boolean {
  if (include && exclude) throw new SigmaError('pipeline', `${path}: 'include' and 'exclude' exclude each other`, location);
  if (include) {
    const set = new Set(include);
    return (n) => set.has(n);
  }
  if (exclude) {
    const set = new Set(exclude);
    return (n) => !set.has(n);
  }
  return () => true;
}

const hasHandled = (s: SigmaString, isHandled: (n: string) => boolean): boolean =>
  s.parts.some((p) => typeof p === 'object' && p.kind === 'placeholder' && isHandled(p.name));

/** Every combination of replacements of the handled placeholders of `s`. */
function expand(
  s: SigmaString,
  isHandled: (n: string) => boolean,
  replacements: (name: string) => readonly (readonly StringPart[])[],
): SigmaString[] {
  let variants: StringPart[][] = [[]];
  for (const p of s.parts) {
    if (typeof p === 'object' && p.kind === 'placeholder' && isHandled(p.name)) {
      const options = replacements(p.name);
      variants = variants.flatMap((v) => options.map((o) => [...v, ...o]));
    } else for (const v of variants) v.push(p);
  }
  return variants.map((parts) => sigmaString(parts, s.cased));
}

export const wildcardPlaceholders: TransformationDefinition<Selection> = {
  params: z.strictObject(selection),
  compile: (p, { path, location }) => {
    const isHandled = handled(p, path, location);
    return valueTransform((_f, v) =>
      v.kind === 'string' && hasHandled(v, isHandled) ? expand(v, isHandled, () => [[ANY]])[0] : undefined,
    );
  },
};

export const valuePlaceholders: TransformationDefinition<Selection> = {
  params: z.strictObject(selection),
  compile: (p, { path, location }) => {
    const isHandled = handled(p, path, location);
    return (rule, run, item) => {
      const replacements = (name: string): (readonly StringPart[])[] => {
        if (!Object.prototype.hasOwnProperty.call(run.vars, name)) {
          throw new SigmaError(
            'pipeline-failure',
            `placeholder '%${name}%' has no value: the pipeline's vars define no '${name}'`,
            rule.source,
          );
        }
        const raw = run.vars[name];
        const list = Array.isArray(raw) ? raw : [raw];
        return list.map((x) => {
          if (typeof x !== 'string' && typeof x !== 'number') {
            throw new SigmaError(
              'pipeline-failure',
              `pipeline variable '${name}' contains a value which is not a string or number`,
              item.location,
            );
          }
          return parseSigmaString(String(x)).parts;
        });
      };
      const fn = valueTransform((_f, v): SigmaValue | SigmaValue[] | undefined =>
        v.kind === 'string' && hasHandled(v, isHandled) ? expand(v, isHandled, replacements) : undefined,
      );
      return fn(rule, run, item);
    };
  },
};

export const queryExpressionPlaceholders: TransformationDefinition<Selection & { expression: string; mapping: Record<string, string> }> = {
  params: z.strictObject({ ...selection, expression: z.string(), mapping: z.record(z.string(), z.string()).default({}) }),
  compile: (p, { path, location }) => {
    const isHandled = handled(p, path, location);
    return valueTransform((field, v) => {
      if (v.kind !== 'string' || !hasHandled(v, isHandled)) return undefined;
      const only = v.parts.length === 1 ? v.parts[0] : undefined;
      if (typeof only !== 'object' || only.kind !== 'placeholder') {
        throw new SigmaError(
          'pipeline-failure',
          `query expression placeholders need a value that is only a placeholder, not '${field ?? ''}' value with other text`,
          location,
        );
      }
      if (!isHandled(only.name)) return undefined;
      return Object.freeze({ kind: 'query', expression: p.expression, id: p.mapping[only.name] || only.name });
    });
  },
};
