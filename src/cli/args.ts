/** Argument parsing shared by the commands (node:util parseArgs with errors as SigmaErrors). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SigmaError } from '../errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new SigmaError('backend', `${e instanceof Error ? e.message : String(e)} (see --help)`);
  }
}

export const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The options of the commands that convert (`convert`, `pack`), with sigma-cli's names. */
export const CONVERSION_OPTIONS = {
  target: { type: 'string', short: 't' },
  pipeline: { type: 'string', short: 'p', multiple: true },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  option: { type: 'string', short: 'O', multiple: true },
  'fail-on-error': { type: 'boolean' },
  'disable-pipeline-check': { type: 'boolean' },
} as const satisfies Options;
