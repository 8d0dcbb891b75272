/** Node-only: `-p` arguments that name a YAML file are read from disk; other names are named pipelines. */
import { loadPipelineYaml, type Pipeline } from '../pipeline/index.js';
import { readUserFile } from './files.js';

export const isPipelineFile = (p: string): boolean => /\.ya?ml$/i.test(p);

export async function resolvePipelineArgs(args: readonly string[], cwd: string): Promise<(string | Pipeline)[]> {
  return Promise.all(args.map(async (p) => (isPipelineFile(p) ? loadPipelineYaml(await readUserFile(p, cwd, 'pipeline file'), p) : p)));
}
