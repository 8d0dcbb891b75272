/**
 * The options `match` and `test` share: `-p PIPELINE`, `--ignore-logsource`, `--logsource product=P,…`, `--table T`.
 */
import { SigmaError } from '../errors.js';
import type { Logsource } from '../rule/ast.js';
import type { Pipeline } from '../pipeline/index.js';
import { resolvePipelines } from '../convert.js';
import { pipelinesNullMatchesEmpty } from '../backend.js';
import { resolvePipelineArgs } from '../node/pipelines.js';
import type { LogsourceChoice } from '../node/match-eval.js';
import { asList } from './args.js';

const LOGSOURCE_KEYS: ReadonlySet<string> = new Set(['product', 'category', 'service']);

/** `--logsource product=windows,category=process_creation` (repeatable, merged): undefined when not given. */
export function logsourceOption(given: readonly string[]): Logsource | undefined {
  if (given.length === 0) return undefined;
  const parts = new Map<string, string>();
  for (const text of given)
    for (const item of text.split(',')) {
      const at = item.indexOf('=');
      const key = (at === -1 ? item : item.slice(0, at)).trim();
      const value = at === -1 ? '' : item.slice(at + 1).trim();
      if (!LOGSOURCE_KEYS.has(key) || value === '')
        throw new SigmaError(
          'backend',
          `--logsource takes product=…, category=… and service=… separated by commas (e.g. product=windows,category=process_creation), not '${item.trim()}'`,
        );
      const known = parts.get(key);
      if (known !== undefined && known !== value)
        throw new SigmaError('backend', `--logsource gives ${key} twice ('${known}' and '${value}')`);
      parts.set(key, value);
    }
  const product = parts.get('product');
  const category = parts.get('category');
  const service = parts.get('service');
  return {
    ...(product !== undefined ? { product } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(service !== undefined ? { service } : {}),
  };
}

/** `--table NAME`: a table or ASIM parser name (KQL's identifier characters); undefined when not given. */
export function tableOption(value: unknown, pipelines: number): string | undefined {
  if (value === undefined) return undefined;
  const table = String(value).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table))
    throw new SigmaError('backend', `--table takes a table name (e.g. DeviceProcessEvents or imProcessCreate), not '${String(value)}'`);
  if (pipelines === 0)
    throw new SigmaError(
      'backend',
      `--table says which table rows come from, as a pipeline's queries read them: give it with -p (e.g. -p microsoft_xdr --table ${table})`,
    );
  return table;
}

/**
 * How `match` and `test` evaluate: the `-p` pipeline (named or files, relative to `cwd`), the logsource checks and
 * how `null` matches (as the pipelines' target queries it: EQL and ES|QL do not take an empty string for null).
 * Throws SigmaError on a bad option (a usage error).
 */
export async function evaluationOptions(
  values: {
    readonly pipeline?: unknown;
    readonly logsource?: unknown;
    readonly table?: unknown;
    readonly 'ignore-logsource'?: unknown;
  },
  cwd: string,
): Promise<{ readonly pipeline?: Pipeline; readonly checks: LogsourceChoice }> {
  const logsource = logsourceOption(asList(values.logsource));
  const pipelineArgs = asList(values.pipeline);
  const table = tableOption(values.table, pipelineArgs.length);
  const pipelines = await resolvePipelineArgs(pipelineArgs, cwd);
  const pipeline = resolvePipelines(undefined, pipelines);
  const checks: LogsourceChoice = {
    ignoreLogsource: values['ignore-logsource'] === true,
    ...(logsource !== undefined ? { logsource } : {}),
    ...(table !== undefined ? { table } : {}),
    ...(pipelinesNullMatchesEmpty(pipelines) ? {} : { nullMatchesEmpty: false }),
  };
  return { ...(pipeline !== undefined ? { pipeline } : {}), checks };
}
