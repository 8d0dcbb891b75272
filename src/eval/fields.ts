/**
 * Field lookup: an event is flattened once into an index from field names to values, then every rule asks
 * the index. Handles flat events, nested and literally dotted (ECS-style) paths, Winlogbeat's `winlog.*`, and
 * the Windows event JSON form (`Event.System.*`, `Event.EventData.*`, `Event.UserData.<element>.*`,
 * `#attributes` as `Tag_Attribute`, `#text` values, `<Data Name="…">` items) where a rule names fields by
 * their short Windows names (`Image`, `EventID`, `Provider_Name`). Keys with spaces (`Source Name`) are also
 * found without them (`SourceName`), as the Sigma specification names such fields.
 */
import { SigmaError } from '../errors.js';
import { inferEventSource, type EventSource } from './logsource.js';

export type Scalar = string | number | boolean | null;

/** One value of a field, with its text forms computed once. `text` is null for a JSON null. */
export interface EventValue {
  readonly raw: Scalar;
  readonly text: string | null;
  readonly lower: string | null;
}

export interface IndexedEvent {
  readonly kind: 'indexed-event';
  /** The event as given. */
  readonly event: unknown;
  /** The values of a field (by any of its names), or undefined when the event has no such leaf field. */
  get(field: string): readonly EventValue[] | undefined;
  /** The same as a map (full paths and short names → values), for the evaluator's hot path. */
  readonly fields: ReadonlyMap<string, readonly EventValue[]>;
  /** True when the field is present, as a value or as an object (`exists`). */
  has(field: string): boolean;
  /** Every non-null leaf value of the event, for keyword search. */
  readonly texts: readonly EventValue[];
  /** Every field name the index answers to (full paths and short names), sorted. */
  fieldNames(): string[];
  /** What the event says it is (product, service, category), for the rules' logsource. */
  readonly source: EventSource;
}

/** Deeper events are refused: nothing legitimate nests this far. */
export const MAX_EVENT_DEPTH = 64;

function eventValue(raw: Scalar): EventValue {
  const text = raw === null ? null : String(raw);
  return Object.freeze({ raw, text, lower: text === null ? null : text.toLowerCase() });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const attribute = (path: string, name: string): string => (path === '' ? name : `${path}_${name}`);

/** The name of a Windows `<Data Name="X">v</Data>` item in its JSON forms, or undefined. */
function dataItemName(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const attrs = item['#attributes'];
  const name = isObject(attrs) ? attrs['Name'] : item['@Name'];
  return typeof name === 'string' ? name : undefined;
}

interface Builder {
  readonly leaves: Map<string, EventValue[]>;
  readonly objects: Set<string>;
  readonly texts: EventValue[];
}

function addLeaf(b: Builder, path: string, raw: Scalar): void {
  const value = eventValue(raw);
  const list = b.leaves.get(path);
  if (list) list.push(value);
  else b.leaves.set(path, [value]);
  if (value.text !== null) b.texts.push(value);
}

function walk(b: Builder, node: unknown, path: string, depth: number): void {
  if (depth > MAX_EVENT_DEPTH) throw new SigmaError('limit', `event nests deeper than ${MAX_EVENT_DEPTH} levels at '${path}'`);
  if (isScalar(node)) {
    addLeaf(b, path, node);
    return;
  }
  if (Array.isArray(node)) {
    const dot = path.lastIndexOf('.');
    if (path.slice(dot + 1) === 'Data' && node.some((item) => dataItemName(item) !== undefined)) {
      walkDataItems(b, node, dot === -1 ? '' : path.slice(0, dot), depth);
      return;
    }
    if (node.length === 0) b.objects.add(path);
    for (const item of node) walk(b, item, path, depth + 1);
    return;
  }
  if (!isObject(node)) return; // functions, undefined: not JSON
  b.objects.add(path);
  for (const [key, child] of Object.entries(node)) {
    if (key === '#text') {
      if (isScalar(child)) addLeaf(b, path, child);
      else walk(b, child, path, depth + 1);
    } else if (key === '#attributes' && isObject(child)) {
      for (const [name, v] of Object.entries(child)) walk(b, v, attribute(path, name), depth + 1);
    } else if (key.startsWith('@') && key.length > 1) {
      walk(b, child, attribute(path, key.slice(1)), depth + 1);
    } else if (key === 'Data' && dataItemName(child) !== undefined) {
      walkDataItems(b, [child], path, depth);
    } else walk(b, child, join(path, key), depth + 1);
  }
}

/** `<Data Name="X">v</Data>` items become fields `X` under the parent (EventData). */
function walkDataItems(b: Builder, items: readonly unknown[], parent: string, depth: number): void {
  for (const item of items) {
    const name = dataItemName(item);
    if (name === undefined || !isObject(item)) {
      walk(b, item, join(parent, 'Data'), depth + 1);
      continue;
    }
    const value = item['#text'];
    walk(b, value === undefined ? null : value, join(parent, name), depth + 1);
  }
}

/** Windows containers whose children are named by their short names in rules. */
const SHORT_NAME_PREFIXES: readonly { readonly prefix: string; readonly skipElement: boolean }[] = [
  { prefix: 'Event.System.', skipElement: false },
  { prefix: 'Event.EventData.', skipElement: false },
  { prefix: 'Event.UserData.', skipElement: true },
  { prefix: 'System.', skipElement: false },
  { prefix: 'EventData.', skipElement: false },
  { prefix: 'UserData.', skipElement: true },
  { prefix: 'winlog.event_data.', skipElement: false },
  { prefix: 'winlog.user_data.', skipElement: false },
];

/** Winlogbeat's metadata fields under their Windows names. */
const WINLOG_NAMES: Readonly<Record<string, string>> = {
  'winlog.event_id': 'EventID',
  'winlog.channel': 'Channel',
  'winlog.provider_name': 'Provider_Name',
  'winlog.computer_name': 'Computer',
  'winlog.record_id': 'EventRecordID',
};

/** The short names a full path is also known by. */
function shortNames(path: string): string[] {
  const out: string[] = [];
  for (const { prefix, skipElement } of SHORT_NAME_PREFIXES) {
    if (!path.startsWith(prefix)) continue;
    let rest = path.slice(prefix.length);
    if (skipElement) {
      const dot = rest.indexOf('.');
      if (dot === -1) continue;
      rest = rest.slice(dot + 1);
    }
    if (rest !== '') out.push(rest);
  }
  const winlog = WINLOG_NAMES[path];
  if (winlog !== undefined) out.push(winlog);
  return out;
}

function withoutSpaces(names: readonly string[]): string[] {
  return names.filter((n) => n.includes(' ')).map((n) => n.replace(/ /g, ''));
}

function buildAliases<T>(primary: ReadonlyMap<string, T>, merge: (a: T, b: T) => T): Map<string, T> {
  const aliases = new Map<string, T>();
  for (const [path, value] of primary) {
    const names = shortNames(path);
    for (const name of [...names, ...withoutSpaces([path, ...names])]) {
      if (primary.has(name)) continue;
      const prev = aliases.get(name);
      aliases.set(name, prev === undefined ? value : merge(prev, value));
    }
  }
  return aliases;
}

/** Flattens an event into a field index. Throws SigmaError when the event is not a JSON object. */
export function indexEvent(event: unknown): IndexedEvent {
  if (isIndexedEvent(event)) return event;
  if (!isObject(event))
    throw new SigmaError(
      'value',
      `an event must be a JSON object, not ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}`,
    );
  const b: Builder = { leaves: new Map(), objects: new Set(), texts: [] };
  walk(b, event, '', 0);
  b.objects.delete('');
  const leafAliases = buildAliases<EventValue[]>(b.leaves, (x, y) => [...x, ...y]);
  const leaves = new Map<string, readonly EventValue[]>([...b.leaves, ...leafAliases]);
  const objectMap = new Map([...b.objects].map((o) => [o, true] as const));
  const objects = new Set([...b.objects, ...buildAliases(objectMap, (x) => x).keys()]);
  const texts = Object.freeze(b.texts);
  const lookup = {
    get: (field: string) => leaves.get(field),
    has: (field: string) => leaves.has(field) || objects.has(field),
  };
  return Object.freeze({
    kind: 'indexed-event',
    event,
    ...lookup,
    fields: leaves,
    texts,
    fieldNames: () => [...new Set([...leaves.keys(), ...objects])].sort(),
    source: inferEventSource(lookup),
  });
}

export function isIndexedEvent(v: unknown): v is IndexedEvent {
  return isObject(v) && v['kind'] === 'indexed-event' && typeof v['get'] === 'function';
}

const cache = new WeakMap<object, IndexedEvent>();

/** indexEvent with a per-object cache, so many rules over the same event object index it once. */
export function indexEventCached(event: unknown): IndexedEvent {
  if (isIndexedEvent(event)) return event;
  if (!isObject(event)) return indexEvent(event);
  let indexed = cache.get(event);
  if (indexed === undefined) {
    indexed = indexEvent(event);
    cache.set(event, indexed);
  }
  return indexed;
}
