/**
 * One conversion of the playground: rule text + choices (+ optional pipeline YAML) → output text, or the
 * SigmaError and which input it belongs to. Uses only the library's public browser API.
 */
import {
  createConverter,
  getFormat,
  listBackends,
  loadPipelineYaml,
  toSigmaError,
  type Pipeline,
  type SigmaError,
} from '../../../src/index.js';
import type { Choices } from './choices.js';

export const RULE_FILE = 'rule.yml';
export const PIPELINE_FILE = 'pipeline.yml';

/** Which input an error points into: the rule editor, the pipeline editor, or the pickers. */
export type ErrorSource = 'rule' | 'pipeline' | 'choices';

export type ConversionOutcome =
  | { readonly kind: 'ok'; readonly output: string; readonly queryCount: number }
  | { readonly kind: 'error'; readonly source: ErrorSource; readonly error: SigmaError };

export interface ConversionInput extends Choices {
  readonly rule: string;
  readonly customPipeline: string;
}

/** The last parsed custom pipeline, so typing in the rule editor does not re-parse the pipeline. */
let lastPipeline: { readonly text: string; readonly result: Pipeline | SigmaError } | undefined;

function customPipeline(text: string): Pipeline | SigmaError | undefined {
  if (text.trim() === '') return undefined;
  if (lastPipeline?.text !== text) {
    let result: Pipeline | SigmaError;
    try {
      result = loadPipelineYaml(text, PIPELINE_FILE);
    } catch (e) {
      result = toSigmaError(e, { file: PIPELINE_FILE });
    }
    lastPipeline = { text, result };
  }
  return lastPipeline.result;
}

function isError(value: unknown): value is SigmaError {
  return value instanceof Error;
}

function sourceOf(error: SigmaError): ErrorSource {
  if (error.file === PIPELINE_FILE) return 'pipeline';
  // Unknown names, and a named pipeline that fails to build, are about the pickers, not the rule text.
  if (error.code === 'backend' || (error.code === 'pipeline' && error.file === undefined)) return 'choices';
  return 'rule';
}

/** Converts the rule; never throws. Several queries are separated by a blank line. */
export function convertRule(input: ConversionInput): ConversionOutcome {
  const custom = customPipeline(input.customPipeline);
  if (isError(custom)) return { kind: 'error', source: 'pipeline', error: custom };
  const pipelines: (string | Pipeline)[] = [];
  if (input.pipeline) pipelines.push(input.pipeline);
  if (custom) pipelines.push(custom);
  // A named pipeline of another target is picked from its own group ("from other targets"): mixing on purpose,
  // as sigma-cli's --disable-pipeline-check. A custom pipeline's allowed_backends are still checked.
  const own = listBackends().find((b) => b.name === input.target)?.pipelines ?? {};
  const mixing = input.pipeline !== '' && !Object.hasOwn(own, input.pipeline) && !custom;
  try {
    const converter = createConverter({
      target: input.target,
      pipelines,
      format: input.format,
      ...(mixing ? { disablePipelineCheck: true } : {}),
    });
    const result = converter.text(input.rule, RULE_FILE);
    if (!result.ok) return { kind: 'error', source: sourceOf(result.error), error: result.error };
    // A text with several rules where one fails: the person editing it sees that failure, not a partial output.
    const failure = result.errors?.[0];
    if (failure) return { kind: 'error', source: sourceOf(failure), error: failure };
    const format = getFormat(converter.backend, converter.format);
    const output = format.finalizeOutput ? format.finalizeOutput(result.results) : result.queries.join('\n\n');
    return { kind: 'ok', output, queryCount: result.queries.length };
  } catch (e) {
    const error = toSigmaError(e);
    return { kind: 'error', source: sourceOf(error), error };
  }
}
