/**
 * hashes_fields: Sysmon's `Hashes` values (`SHA1=…`, `MD5|…`, or a bare hash recognised by its length)
 * become one detection item per algorithm (`<prefix><ALGO>`), or-ed together.
 */
import { z } from 'zod';
import { SigmaError } from '../../errors.js';
import type { DetectionItem } from '../../rule/ast.js';
import { parseSigmaString } from '../../rule/strings.js';
import type { TransformationDefinition } from '../types.js';
import { pyPlain } from '../values.js';
import { detection, newItem, replaceItems } from '../walk.js';

const LENGTHS: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA1', 64: 'SHA256', 128: 'SHA512' };

/** `ALGO=value`, `ALGO|value` or a bare value → [algorithm ('' if unknown), value text]. */
export function splitHash(text: string): [string, string] {
  const parts = text.includes('|') ? text.split('|') : text.split('=');
  if (parts.length === 2) return [(parts[0] as string).replace(/^\*+/, '').toUpperCase(), parts[1] as string];
  const value = parts[0] as string;
  return [LENGTHS[value.length] ?? '', value];
}

export interface HashOptions {
  readonly validAlgorithms: readonly string[];
  readonly fieldPrefix: string;
  readonly dropAlgorithmPrefix: boolean;
}

/** Groups the item's hash values by target field; values of unknown algorithms are left out. */
export function groupHashes(item: DetectionItem, options: HashOptions): Map<string, string[]> {
  const valid = new Set(options.validAlgorithms);
  const groups = new Map<string, string[]>();
  for (const v of item.values) {
    if (v.kind !== 'string') continue;
    const [algo, value] = splitHash(pyPlain(v));
    if (!valid.has(algo)) continue;
    const field = options.fieldPrefix + (options.dropAlgorithmPrefix ? '' : algo);
    groups.set(field, [...(groups.get(field) ?? []), value]);
  }
  return groups;
}

/** The OR of one new item per target field. */
export function hashDetection(item: DetectionItem, groups: Map<string, string[]>): ReturnType<typeof detection> {
  return detection(
    [...groups]
      .filter(([field]) => field !== '')
      .map(([field, values]) =>
        newItem(
          field,
          values.map((t) => parseSigmaString(t)),
          item,
        ),
      ),
    'or',
    item.location,
  );
}

type Params = { valid_hash_algos: string[]; field_prefix: string; drop_algo_prefix: boolean };

export const hashesFields: TransformationDefinition<Params> = {
  params: z.strictObject({
    valid_hash_algos: z.array(z.string()),
    field_prefix: z.string().default(''),
    drop_algo_prefix: z.boolean().default(false),
  }),
  compile: (p) => {
    const options: HashOptions = {
      validAlgorithms: p.valid_hash_algos,
      fieldPrefix: p.field_prefix,
      dropAlgorithmPrefix: p.drop_algo_prefix,
    };
    return (rule, run, item) =>
      replaceItems(rule, run, item, (di) => {
        if (!di.values.every((v) => v.kind === 'string')) return undefined;
        const groups = groupHashes(di, options);
        if (groups.size === 0) {
          throw new SigmaError(
            'pipeline-failure',
            `No valid hash algorithm found in Hashes field. Please use one of the following: ${p.valid_hash_algos.join(', ')}`,
            di.location ?? rule.source,
          );
        }
        return hashDetection(di, groups);
      });
  },
};
