/** Pipeline YAML text (pySigma's format) → Pipeline, with errors located at the offending key. */
import { SigmaError } from '../errors.js';
import { parseYaml } from '../rule/yaml.js';
import { parsePipeline } from './parse.js';
import type { Pipeline } from './types.js';

export function loadPipelineYaml(text: string, file?: string): Pipeline {
  const parsed = parseYaml(text, file);
  const docs = parsed.documents.map((d, i) => ({ d, i })).filter(({ d }) => d !== null && d !== undefined);
  if (docs.length === 0) throw new SigmaError('pipeline', 'the pipeline file is empty', { file, line: 1, column: 1 });
  if (docs.length > 1) {
    const second = docs[1] as { i: number };
    throw new SigmaError('pipeline', 'a pipeline file holds one YAML document, not several', { file, ...parsed.locate(second.i, []) });
  }
  const { d, i } = docs[0] as { d: unknown; i: number };
  return parsePipeline(d, { ...(file !== undefined ? { file } : {}), locate: (path, what) => parsed.locate(i, path, what) });
}
