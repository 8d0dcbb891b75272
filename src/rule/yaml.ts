/**
 * YAML text → plain documents, keeping the line and column of every key and value so that later stages
 * (schema, detection, condition, pipeline) can point at the exact place of a problem.
 */
import {
  boolYaml11Tag,
  constructFromEvents,
  CORE_SCHEMA,
  floatYaml11Tag,
  getScalarValue,
  intYaml11Tag,
  nullYaml11Tag,
  parseEvents,
  YAMLException,
  type Event,
} from 'js-yaml';
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

/**
 * Scalars resolve as YAML 1.1 does (PyYAML, and so the reference implementation and every Sigma tool in
 * Python): `00000429` stays a string, `yes`/`no` are booleans. Dates stay strings (no timestamp tag).
 */
export const SIGMA_YAML_SCHEMA = CORE_SCHEMA.withTags(nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag);

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

interface PosNode {
  readonly offset: number;
  keyOffset?: number;
  children?: Map<string | number, PosNode>;
}

const EVENT = { DOCUMENT: 1, SEQUENCE: 2, MAPPING: 3, SCALAR: 4, ALIAS: 5, POP: 6 } as const;

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

/** Builds the position tree of each document from the parser's event stream. */
function positionTrees(events: readonly Event[], text: string): PosNode[] {
  const roots: PosNode[] = [];
  // Each open collection: its node, whether it is a mapping, the pending key (mapping) or next index (sequence).
  const stack: { node: PosNode; mapping: boolean; key?: string; expectKey: boolean; keyOffset: number; index: number }[] = [];

  const attach = (node: PosNode, keyText?: string): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      roots.push(node);
      return;
    }
    top.node.children ??= new Map();
    if (top.mapping) {
      if (top.expectKey) {
        top.key = keyText ?? `#${top.index}`;
        top.keyOffset = node.offset;
        top.expectKey = false;
        return;
      }
      node.keyOffset = top.keyOffset;
      top.node.children.set(top.key ?? '', node);
      top.expectKey = true;
      top.index++;
    } else {
      top.node.children.set(top.index++, node);
    }
  };

  for (const ev of events) {
    switch (ev.type) {
      case EVENT.DOCUMENT:
        break;
      case EVENT.SEQUENCE:
      case EVENT.MAPPING: {
        const node: PosNode = { offset: ev.start };
        const top = stack[stack.length - 1];
        if (top?.mapping && top.expectKey) {
          // complex key: treat like a scalar key without text
          attach(node);
        } else attach(node);
        stack.push({ node, mapping: ev.type === EVENT.MAPPING, expectKey: true, keyOffset: ev.start, index: 0 });
        break;
      }
      case EVENT.SCALAR: {
        const top = stack[stack.length - 1];
        const isKey = top?.mapping === true && top.expectKey;
        attach({ offset: ev.valueStart }, isKey ? getScalarValue(text, ev) : undefined);
        break;
      }
      case EVENT.ALIAS:
        attach({ offset: ev.anchorStart });
        break;
      case EVENT.POP:
        stack.pop();
        break;
    }
  }
  return roots;
}

function yamlError(e: unknown, file?: string): SigmaError {
  if (e instanceof YAMLException) {
    const mark = e.mark;
    const pos =
      mark && typeof mark.line === 'number'
        ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 }
        : undefined;
    return new SigmaError('yaml', `invalid YAML: ${e.reason}`, { file, ...pos });
  }
  if (e instanceof RangeError) {
    return new SigmaError('limit', `YAML too deeply nested or too large: ${e.message}`, { file });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new SigmaError('yaml', `invalid YAML: ${message}`, { file });
}

/** Parses a (multi-document) YAML text. Throws a located SigmaError on malformed or hostile input. */
export function parseYaml(text: string, file?: string): ParsedYaml {
  if (text.length > YAML_LIMITS.maxBytes) {
    throw new SigmaError('limit', `file is ${text.length} bytes, more than the ${YAML_LIMITS.maxBytes} allowed`, { file });
  }
  let starts: number[] | undefined;
  const getStarts = (): number[] => (starts ??= lineStarts(text));
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: YAML_LIMITS.maxDepth });
    documents = constructFromEvents(events, { source: text, filename: file, maxAliases: YAML_LIMITS.maxAliases, schema: SIGMA_YAML_SCHEMA });
  } catch (e) {
    throw yamlError(e, file);
  }
  if (events.some((e) => e.type === EVENT.ALIAS)) {
    for (const doc of documents) {
      if (expandedSize(doc, YAML_LIMITS.maxExpandedNodes) > YAML_LIMITS.maxExpandedNodes) {
        throw new SigmaError('limit', `aliases expand to more than ${YAML_LIMITS.maxExpandedNodes} nodes (an alias bomb?)`, { file });
      }
    }
  }
  let trees: PosNode[] | undefined;
  const position = (offset: number): Position => offsetToPosition(getStarts(), offset);
  return {
    documents,
    position,
    locate(docIndex, path, what = 'value') {
      trees ??= positionTrees(events, text);
      let node = trees[docIndex];
      for (const step of path) {
        node = node?.children?.get(step);
        if (!node) return undefined;
      }
      if (!node) return undefined;
      const offset = what === 'key' && node.keyOffset !== undefined ? node.keyOffset : node.offset;
      return offset >= 0 ? position(offset) : undefined;
    },
  };
}
