/**
 * One clear SigmaError('pipeline') per bad pipeline: the path of the bad key (`transformations[3].mapping`),
 * what is wrong, and the line/column of that key in the pipeline's YAML when known.
 */
import type { z } from 'zod';
import { SigmaError, type SourceLocation } from '../errors.js';
import type { PipelineSource } from './types.js';

export type Path = readonly (string | number)[];

export function pathText(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** Where `path` is in the source, or its nearest located ancestor. */
export function locate(source: PipelineSource | undefined, path: Path, what: 'key' | 'value' = 'key'): SourceLocation {
  const base: SourceLocation = source?.file !== undefined ? { file: source.file } : {};
  if (!source?.locate) return base;
  for (let n = path.length; n >= 0; n--) {
    const pos = source.locate(path.slice(0, n), n === path.length ? what : 'key');
    if (pos) return { ...base, line: pos.line, column: pos.column };
  }
  return base;
}

export class PipelineErrors {
  constructor(
    private readonly source: PipelineSource | undefined,
    private readonly name: string | undefined,
  ) {}

  at(path: Path, what: 'key' | 'value' = 'key'): SourceLocation {
    return locate(this.source, path, what);
  }

  error(path: Path, message: string, what: 'key' | 'value' = 'key'): SigmaError {
    const where = pathText(path);
    const prefix = this.name !== undefined ? `pipeline '${this.name}'` : 'pipeline';
    return new SigmaError('pipeline', `${prefix}: ${where ? `${where}: ` : ''}${message}`, this.at(path, what));
  }

  /** The first zod issue of a failed validation of the object at `base`, as one SigmaError. */
  fromZod(base: Path, error: z.ZodError, what: string): SigmaError {
    const issue = error.issues[0];
    if (!issue) return this.error(base, `invalid ${what}`);
    const rel = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const path = [...base, ...rel];
    const last = rel[rel.length - 1];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const keys = issue.keys.map((k) => `'${k}'`).join(', ');
        return this.error([...path, issue.keys[0] as string], `unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${keys} in ${what}`);
      }
      case 'invalid_type':
        if (/received undefined/.test(issue.message) && last !== undefined) {
          return this.error(path, `missing ${typeof last === 'string' ? `'${last}'` : 'value'} (${describe(issue.expected)}) in ${what}`);
        }
        return this.error(path, `expected ${describe(issue.expected)}, ${received(issue.message)}`, 'value');
      case 'invalid_union': {
        const expected = new Set<string>();
        for (const branch of issue.errors) for (const sub of branch) if (sub.code === 'invalid_type') expected.add(describe(sub.expected));
        const got = issue.errors[0]?.[0];
        const tail = got ? `, ${received(got.message)}` : '';
        return this.error(path, expected.size ? `expected ${[...expected].join(' or ')}${tail}` : issue.message, 'value');
      }
      default:
        return this.error(path, issue.message, 'value');
    }
  }
}

function describe(expected: string): string {
  switch (expected) {
    case 'record':
    case 'object':
      return 'a map';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'nonoptional':
      return 'a value';
    default:
      return expected;
  }
}

function received(message: string): string {
  const m = /received (\w+)/.exec(message);
  if (!m) return 'got something else';
  const r = m[1] === 'object' ? 'a map' : m[1] === 'array' ? 'a list' : m[1];
  return `got ${r}`;
}
