/**
 * Shared readers for validators: the detection items of a document with the YAML path of each, its tags, the
 * file name. Pure functions over a DocumentContext.
 */
import type { Detection, DetectionItem, SigmaDocument, SigmaRule, SigmaFilter, SigmaString } from '../rule/ast.js';
import type { YamlPath } from '../rule/yaml.js';
import type { DocumentContext } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A detection item with where it was written. */
export interface LocatedItem {
  readonly item: DetectionItem;
  /** The selection it belongs to. */
  readonly selection: string;
  /** YAML path of the item's key (of the value for keywords). */
  readonly path: YamlPath;
  /** The values as written (before modifiers), one per value of the item. */
  readonly rawValues: readonly unknown[];
  /** YAML path of the i-th value. */
  readonly valuePath: (i: number) => YamlPath;
}

function* itemsOf(detection: Detection, raw: unknown, path: YamlPath, selection: string): Generator<LocatedItem> {
  if (isRecord(raw)) {
    const keys = Object.keys(raw);
    for (let i = 0; i < detection.items.length; i++) {
      const item = detection.items[i];
      const key = keys[i];
      if (!item || key === undefined || item.kind !== 'item') continue;
      const value = raw[key];
      const keyPath = [...path, key];
      const list = Array.isArray(value);
      yield {
        item,
        selection,
        path: keyPath,
        rawValues: list ? value : [value],
        valuePath: (n) => (list ? [...keyPath, n] : keyPath),
      };
    }
    return;
  }
  if (Array.isArray(raw)) {
    // a plain keyword list is one item; a mixed list has one entry per element
    if (detection.items.length === 1 && raw.length !== 1 && detection.items[0]?.kind === 'item') {
      const item = detection.items[0];
      yield { item, selection, path, rawValues: raw, valuePath: (n) => [...path, n] };
      return;
    }
    for (let i = 0; i < detection.items.length; i++) {
      const entry = detection.items[i];
      const rawEntry = raw[i];
      if (!entry) continue;
      if (entry.kind === 'detection') yield* itemsOf(entry, rawEntry, [...path, i], selection);
      else yield { item: entry, selection, path: [...path, i], rawValues: [rawEntry], valuePath: () => [...path, i] };
    }
    return;
  }
  const item = detection.items[0];
  if (item?.kind === 'item') yield { item, selection, path, rawValues: [raw], valuePath: () => path };
}

/** The section that holds a document's selections (`detection` for rules, `filter` for filters). */
function detectionSection(doc: SigmaDocument): 'detection' | 'filter' | undefined {
  return doc.kind === 'rule' ? 'detection' : doc.kind === 'filter' ? 'filter' : undefined;
}

const ITEMS = new WeakMap<DocumentContext, readonly LocatedItem[]>();
const TAGS = new WeakMap<DocumentContext, readonly Tag[]>();

/** Every detection item of a rule (or filter), in written order, with its path (computed once per document). */
export function detectionItems(ctx: DocumentContext): readonly LocatedItem[] {
  let items = ITEMS.get(ctx);
  if (!items) ITEMS.set(ctx, (items = Object.freeze(collectItems(ctx))));
  return items;
}

function collectItems(ctx: DocumentContext): LocatedItem[] {
  const section = detectionSection(ctx.document);
  if (!section) return [];
  const doc = ctx.document as SigmaRule | SigmaFilter;
  const rawSection = ctx.raw[section];
  if (!isRecord(rawSection)) return [];
  const out: LocatedItem[] = [];
  for (const [name, detection] of doc.detection.selections) {
    for (const located of itemsOf(detection, rawSection[name], [section, name], name)) out.push(located);
  }
  return out;
}

/** The string values of an item (after modifiers, as pySigma's string validators see them) with their index. */
export function stringValues(item: DetectionItem): { value: SigmaString; index: number }[] {
  const out: { value: SigmaString; index: number }[] = [];
  item.values.forEach((value, index) => {
    if (value.kind === 'string') out.push({ value, index });
  });
  return out;
}

/** The top-level selections of a rule or filter, by name. */
export function selectionNames(doc: SigmaDocument): string[] {
  return doc.kind === 'correlation' ? [] : [...doc.detection.selections.keys()];
}

/** The condition texts of a rule or filter. */
export function conditionTexts(doc: SigmaDocument): string[] {
  return doc.kind === 'correlation' ? [] : doc.detection.conditions.map((c) => c.text);
}

/** YAML path of the i-th condition. */
export function conditionPath(ctx: DocumentContext, i: number): YamlPath {
  const section = detectionSection(ctx.document) ?? 'detection';
  const raw = ctx.raw[section];
  return isRecord(raw) && Array.isArray(raw.condition) ? [section, 'condition', i] : [section, 'condition'];
}

/** A tag split as pySigma does: namespace before the first dot, name after it. */
export interface Tag {
  readonly text: string;
  readonly namespace: string;
  readonly name: string;
  readonly index: number;
}

/** The document's tags, split (computed once per document). */
export function tags(ctx: DocumentContext): readonly Tag[] {
  let list = TAGS.get(ctx);
  if (!list) {
    list = Object.freeze(
      (ctx.document.tags ?? []).map((text, index) => {
        const dot = text.indexOf('.');
        return { text, namespace: dot === -1 ? text : text.slice(0, dot), name: dot === -1 ? '' : text.slice(dot + 1), index };
      }),
    );
    TAGS.set(ctx, list);
  }
  return list;
}

/** The last segment of the file's path (pySigma's `rule.source.path.name`); undefined without a file. */
export function fileName(ctx: DocumentContext): string | undefined {
  if (ctx.file === undefined) return undefined;
  const parts = ctx.file.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** The quoted form of a value for messages. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
