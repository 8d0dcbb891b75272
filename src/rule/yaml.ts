/**
 * YAML text → plain documents, keeping the line and column of every key and value so that later stages
 * (schema, detection, condition, pipeline) can point at the exact place of a problem.
 *
 * js-yaml's parse listener reports where every node opens and closes while the documents are built, so the
 * positions cost one pass, not a second parse.
 */
import { FAILSAFE_SCHEMA, loadAll, Type, YAMLException, type State } from 'js-yaml';
import { SigmaError } from '../errors.js';

export type YamlPath = readonly (string | number)[];

export interface Position {
  readonly line: number; // 1-based
  readonly column: number; // 1-based
}

export interface ParsedYaml {
  readonly documents: readonly unknown[];
  /** Where the key or value at `path` of document `docIndex` starts; undefined if unknown. */
  locate(docIndex: number, path: YamlPath, what?: 'key' | 'value'): Position | undefined;
  /** Line and column of a character offset in the text. */
  position(offset: number): Position;
}

// ───────────────────────────── YAML 1.1 scalars ─────────────────────────────
// Scalars resolve as YAML 1.1 does in PyYAML, and so in the reference implementation and every Sigma tool in
// Python: `00000429` stays a string, `yes`/`no`/`on`/`off` are booleans, `1e5` (no dot) is a string, `0o17` is a
// string, `012` is octal. Dates stay strings (no timestamp type).

const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE_RE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function sexagesimal(digits: string): number {
  return digits.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

function constructInt(text: string): number {
  let s = text.replace(/_/g, '');
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s.startsWith('0b')) return sign * parseInt(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * parseInt(s.slice(2), 16);
  if (s.includes(':')) return sign * sexagesimal(s);
  if (s.startsWith('0')) return sign * parseInt(s, 8);
  return sign * Number(s);
}

function constructFloat(text: string): number {
  const s = text.replace(/_/g, '').toLowerCase();
  if (s.endsWith('.inf')) return s.startsWith('-') ? -Infinity : Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) {
    const sign = s.startsWith('-') ? -1 : 1;
    return sign * sexagesimal(s.replace(/^[-+]/, ''));
  }
  return Number(s);
}

/**
 * A YAML 1.1 scalar type. `starts` lists the characters its text can begin with: js-yaml asks every implicit
 * type about every plain scalar, and most are words that no type's pattern can match, so one character
 * decides before any regex runs.
 */
const scalar = <T>(
  tag: string,
  starts: string,
  re: RegExp,
  construct: (s: string) => T,
  predicate: (v: unknown) => boolean,
  matchesEmpty = false,
) => {
  const first = new Set(starts);
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (data: unknown) =>
      typeof data === 'string' && (data.length === 0 ? matchesEmpty : first.has(data[0] as string) && re.test(data)),
    construct: (data: string) => construct(data ?? ''),
    predicate,
  });
};

/** The schema rules are read with: YAML 1.1 scalars (as PyYAML resolves them) over the failsafe schema. */
export const SIGMA_YAML_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar(
      'null',
      '~nN',
      NULL_RE,
      () => null,
      (v) => v === null,
      true,
    ),
    scalar(
      'bool',
      'yYnNtTfFoO',
      BOOL_RE,
      (s) => TRUE_RE.test(s),
      (v) => typeof v === 'boolean',
    ),
    scalar('int', '-+0123456789', INT_RE, constructInt, (v) => Number.isInteger(v)),
    scalar('float', '-+.0123456789', FLOAT_RE, constructFloat, (v) => typeof v === 'number'),
  ],
});

// ───────────────────────────── limits ─────────────────────────────

/** Resource limits for untrusted YAML. */
export const YAML_LIMITS = {
  maxDepth: 64,
  maxAliases: 1000,
  maxBytes: 16 * 1024 * 1024,
  /** Nodes a document may have once aliases are expanded (stops "billion laughs" alias bombs). */
  maxExpandedNodes: 1_000_000,
} as const;

/** Counts the nodes of a value as if every alias were copied out, stopping at `limit`. */
function expandedSize(value: unknown, limit: number, memo = new Map<object, number>()): number {
  if (typeof value !== 'object' || value === null) return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let n = 1;
  for (const v of Object.values(value)) {
    n += expandedSize(v, limit, memo);
    if (n > limit) break;
  }
  memo.set(value, n);
  return n;
}

// ───────────────────────────── positions ─────────────────────────────

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function offsetToPosition(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/**
 * A node of the position tree: where it starts, where its key starts (in a mapping), its children — a mapping's
 * values under `keys` (same order), a sequence's entries without. Arrays, not Maps: most maps have a few keys.
 */
interface PosNode {
  offset: number;
  keyOffset?: number;
  keys?: string[];
  children?: PosNode[];
}

interface OpenNode {
  readonly node: PosNode;
  /** Children in order (keys and values alternate for mappings), with what js-yaml built for each; made at the first. */
  parts?: PosNode[];
  results?: unknown[];
}

function childOf(node: PosNode, step: string | number): PosNode | undefined {
  const { keys, children } = node;
  if (!children) return undefined;
  if (keys) return typeof step === 'string' ? children[keys.indexOf(step)] : undefined;
  return typeof step === 'number' ? children[step] : undefined;
}

/** The offset of the first character of a node that js-yaml opened at `offset` (before separating space). */
function nodeStart(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return text.length;
      i = eol + 1;
    } else return i;
  }
}

/**
 * Collects, through js-yaml's listener, the start of every node and, once a collection closes, whether it was
 * a mapping (its parts are key, value, key, value …) or a sequence.
 */
function positionCollector(text: string): {
  listener: (event: 'open' | 'close', state: State) => void;
  roots: PosNode[];
  aliases: () => number;
} {
  const roots: PosNode[] = [];
  const stack: OpenNode[] = [];
  let aliases = 0;
  let lastAlias = -1; // js-yaml opens an alias that is a block-sequence entry twice: count each offset once
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      const offset = nodeStart(text, state.position);
      if (text.charCodeAt(offset) === 0x2a /* * */ && offset !== lastAlias) {
        lastAlias = offset;
        // located at the alias that crossed the limit (the file is added by yamlError)
        if (++aliases > YAML_LIMITS.maxAliases) {
          throw new SigmaError('limit', `more than ${YAML_LIMITS.maxAliases} aliases`, offsetToPosition(lineStarts(text), offset));
        }
      }
      stack.push({ node: { offset } });
      return;
    }
    const open = stack.pop();
    if (!open) return;
    const { node, parts, results } = open;
    if (parts && results) {
      if (state.kind === 'mapping') {
        const keys: string[] = [];
        const children: PosNode[] = [];
        for (let i = 0; i + 1 < parts.length; i += 2) {
          const value = parts[i + 1] as PosNode;
          value.keyOffset = (parts[i] as PosNode).offset;
          const name = String(results[i]);
          const known = keys.indexOf(name); // a merge key can bring a key twice: the last one counts
          if (known === -1) {
            keys.push(name);
            children.push(value);
          } else children[known] = value;
        }
        node.keys = keys;
        node.children = children;
      } else if (state.kind === 'sequence') node.children = parts;
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      (parent.parts ??= []).push(node);
      (parent.results ??= []).push(state.result);
    } else roots.push(node);
  };
  return { listener, roots, aliases: () => aliases };
}

function yamlError(e: unknown, file?: string): SigmaError {
  if (e instanceof SigmaError) return file && !e.file ? e.inFile(file) : e;
  if (e instanceof YAMLException) {
    const mark = e.mark;
    const pos = mark && typeof mark.line === 'number' ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : undefined;
    const limit = /maxDepth|maxTotalMergeKeys/.test(e.reason);
    return new SigmaError(limit ? 'limit' : 'yaml', `${limit ? 'YAML too deeply nested or too large' : 'invalid YAML'}: ${e.reason}`, {
      file,
      ...pos,
    });
  }
  if (e instanceof RangeError) return new SigmaError('limit', `YAML too deeply nested or too large: ${e.message}`, { file });
  return new SigmaError('yaml', `invalid YAML: ${e instanceof Error ? e.message : String(e)}`, { file });
}

/** Parses a (multi-document) YAML text. Throws a located SigmaError on malformed or hostile input. */
export function parseYaml(text: string, file?: string): ParsedYaml {
  if (text.length > YAML_LIMITS.maxBytes) {
    throw new SigmaError('limit', `file is ${text.length} bytes, more than the ${YAML_LIMITS.maxBytes} allowed`, { file });
  }
  const collector = positionCollector(text);
  let documents: unknown[];
  try {
    documents = loadAll(text, undefined, {
      schema: SIGMA_YAML_SCHEMA,
      listener: collector.listener,
      maxDepth: YAML_LIMITS.maxDepth,
      ...(file !== undefined ? { filename: file } : {}),
    } as Parameters<typeof loadAll>[2]) as unknown[];
  } catch (e) {
    throw yamlError(e, file);
  }
  if (collector.aliases() > 0) {
    documents.forEach((doc, i) => {
      if (expandedSize(doc, YAML_LIMITS.maxExpandedNodes) > YAML_LIMITS.maxExpandedNodes) {
        // located at the start of the document (its root node), the one place known without another walk
        const root = collector.roots[i];
        const where = root ? offsetToPosition(lineStarts(text), root.offset) : {};
        throw new SigmaError('limit', `aliases expand to more than ${YAML_LIMITS.maxExpandedNodes} nodes (an alias bomb?)`, {
          file,
          ...where,
        });
      }
    });
  }
  let starts: number[] | undefined;
  const position = (offset: number): Position => offsetToPosition((starts ??= lineStarts(text)), offset);
  const trees = collector.roots;
  return {
    documents,
    position,
    locate(docIndex, path, what = 'value') {
      let node = trees[docIndex];
      for (const step of path) {
        node = node && childOf(node, step);
        if (!node) return undefined;
      }
      if (!node) return undefined;
      const offset = what === 'key' && node.keyOffset !== undefined ? node.keyOffset : node.offset;
      return offset >= 0 ? position(offset) : undefined;
    },
  };
}
