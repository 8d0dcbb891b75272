/**
 * Output finalizers (pySigma names): they run once over the queries of every rule of a conversion, in the
 * order the pipeline lists them, each on what the one before produced.
 *
 * - `concat` (separator `\n`, prefix, suffix): one text of all queries.
 * - `json` (indent): Python's `json.dumps` of the output, byte for byte (see pyjson.ts).
 * - `yaml` (indent): the output as a YAML document (js-yaml's layout: the same data as PyYAML's
 *   `safe_dump`, which folds long lines at 80 characters where this keeps them whole).
 * - `nested` (finalizers): a list of finalizers run in order.
 *
 * `template` (Jinja2) is refused when the pipeline is read, with a pointer to `concat` and `json`.
 */
import { dump } from 'js-yaml';
import { z } from 'zod';
import { SigmaError, type SourceLocation } from '../errors.js';
import { pythonJson } from './pyjson.js';
import type { FinalizerDefinition, Pipeline } from './types.js';

const indent = z.number().int().min(0).max(16).nullish();

/** Whether an output is still a list of queries (no finalizer has made something else of it). */
const isTextList = (output: unknown): output is string[] => Array.isArray(output) && output.every((q) => typeof q === 'string');

const textList = (output: unknown, type: string, path: string, location: SourceLocation): string[] => {
  if (isTextList(output)) return output;
  throw new SigmaError(
    'pipeline',
    `${path}: finalizer '${type}' joins a list of queries, but the finalizer before it already made ${
      typeof output === 'string' ? 'one text' : 'something else'
    } of them`,
    location,
  );
};

export const concatFinalizer: FinalizerDefinition<{ separator: string; prefix: string; suffix: string }> = {
  params: z.strictObject({ separator: z.string().default('\n'), prefix: z.string().default(''), suffix: z.string().default('') }),
  compile:
    ({ separator, prefix, suffix }, { path, location }) =>
    (output) =>
      prefix + textList(output, 'concat', path, location).join(separator) + suffix,
};

export const jsonFinalizer: FinalizerDefinition<{ indent?: number | null | undefined }> = {
  params: z.strictObject({ indent }),
  compile:
    ({ indent }) =>
    (output) =>
      pythonJson(output, indent),
};

export const yamlFinalizer: FinalizerDefinition<{ indent?: number | null | undefined }> = {
  params: z.strictObject({ indent: indent.refine((n) => n !== 0, 'YAML needs an indent of at least 1') }),
  compile:
    ({ indent }) =>
    (output) =>
      dump(output, { indent: indent ?? 2, lineWidth: -1, noRefs: true }),
};

export const nestedFinalizer: FinalizerDefinition<{ finalizers: unknown[] }> = {
  params: z.strictObject({ finalizers: z.array(z.unknown()) }),
  compile: ({ finalizers }, { compileFinalizers }) => {
    const inner = compileFinalizers(finalizers, 'finalizers');
    return (output) => inner.reduce((out, f) => f.apply(out), output);
  },
};

/**
 * The output of a conversion once the pipeline's finalizers have run over its queries (all rules, in order):
 * the list of queries itself when there are none, else what the last finalizer made (usually one text).
 */
export function finalizeQueries(pipeline: Pipeline | undefined, queries: readonly string[]): unknown {
  let output: unknown = [...queries];
  for (const finalizer of pipeline?.finalizers ?? []) output = finalizer.apply(output);
  return output;
}

/**
 * The text a finalized output is written as (what sigma-cli prints): a text as is, a list of queries one per
 * line, anything else as JSON; always ending with one line break.
 */
export function finalizedText(output: unknown): string {
  const text = typeof output === 'string' ? output : isTextList(output) ? output.join('\n') : pythonJson(output, 4);
  return text === '' || text.endsWith('\n') ? text : text + '\n';
}
