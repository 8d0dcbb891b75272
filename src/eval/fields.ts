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
import { Sampler, textNumber } from './memo.js';

export type Scalar = string | number | boolean | null;

/** One value of a field, with its text forms computed once. `text` is null for a JSON null. */
export interface EventValue {
  readonly raw: Scalar;
  readonly text: string | null;
  readonly lower: string | null;
}

export interface IndexedEvent {
  readonly kind: 'indexed-event';
  /** The event as given (unwrapped from an Elasticsearch hit's `_source` or a Splunk export record's `result`). */
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

/**
 * A value with its text forms computed on first use: most values of an event are never read by any rule that
 * survives routing and the prefilter, so neither `String(number)` nor `toLowerCase()` is paid for them.
 */
class Value implements EventValue {
  private t: string | null | undefined = undefined;
  private l: string | null | undefined = undefined;
  /** The number of the text of a string value (memo.ts), asked once per event whatever the memos asking. */
  n = 0;
  constructor(
    readonly raw: Scalar,
    /** Where the value is in the event (its field): numbering is worth it or not per field. */
    readonly place: Place,
  ) {}
  get text(): string | null {
    if (this.t === undefined) this.t = this.raw === null ? null : typeof this.raw === 'string' ? this.raw : String(this.raw);
    return this.t;
  }
  get lower(): string | null {
    if (this.l === undefined) {
      const text = this.text;
      this.l = text === null ? null : text.toLowerCase();
    }
    return this.l;
  }
}

/** The one value of a field that holds exactly one value, a string (what the memos are keyed by), or undefined. */
export function singleString(values: readonly EventValue[] | undefined): EventValue | undefined {
  if (values === undefined || values.length !== 1) return undefined;
  const v = values[0] as EventValue;
  return typeof v.raw === 'string' ? v : undefined;
}

/**
 * The number of a string value's text (memo.ts: the memos' key; negative when the text is new), computed once
 * per value of an indexed event.
 */
export function stringNumber(v: EventValue, raw: string): number {
  if (!(v instanceof Value)) return textNumber(raw);
  if (v.n === 0) {
    // A field whose values do not come back (command lines with ids, hashes, times) stops numbering them for a
    // while: its values are then new to every memo, and cost no entry in the numbered texts.
    const numbering = v.place.numbering;
    if (numbering.passes()) v.n = -1;
    else {
      v.n = textNumber(raw);
      numbering.count(v.n > 0);
    }
  }
  return v.n;
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

/**
 * Short names. Windows containers whose children rules name by their short names: `Event.EventData.Image` is
 * also `Image`, `Event.System.Provider_Name` also `Provider_Name`; below the UserData containers one element
 * is skipped (`Event.UserData.RmSessionEvent.RmSessionId` is `RmSessionId`). The walk carries each node's short
 * name (`Alias`): null for none, ROOT for a container itself, SKIP for a UserData container, ELEMENT for the
 * element below it (whose attributes, `Elem_Attr`, are elements too).
 */
type Alias = string | null;
const ROOT = '';
const SKIP = '\u0000';
const ELEMENT = '\u0001';
const named = (alias: Alias): alias is string => alias !== null && alias !== ROOT && alias !== SKIP && alias !== ELEMENT;
const CONTAINERS: ReadonlyMap<string, string> = new Map([
  ['Event.System', ROOT],
  ['Event.EventData', ROOT],
  ['Event.UserData', SKIP],
  ['System', ROOT],
  ['EventData', ROOT],
  ['UserData', SKIP],
  ['winlog.event_data', ROOT],
  ['winlog.user_data', ROOT],
]);

/** What follows the skipped element in `rest` (`Elem.X` is X): ELEMENT when nothing does, null when only a dot. */
function pastElement(rest: string): Alias {
  const dot = rest.indexOf('.');
  if (dot === -1) return ELEMENT;
  return rest.slice(dot + 1) === '' ? null : rest.slice(dot + 1);
}

/** The short name of a path by its container prefix: for keys that hold dots themselves (`{"Event": {"System.X": 1}}`). */
function prefixAlias(path: string): Alias {
  for (const [container, kind] of CONTAINERS) {
    if (!path.startsWith(`${container}.`)) continue;
    const rest = path.slice(container.length + 1);
    return kind === ROOT ? rest : pastElement(rest);
  }
  return null;
}

/** The short name of `path`, the child `key` of a node whose short name is `parent`. */
function childAlias(parent: Alias, path: string, key: string): Alias {
  if (parent === null) return CONTAINERS.get(path) ?? (key.includes('.') ? prefixAlias(path) : null);
  // One element skipped: the element is a container of short names itself.
  if (parent === SKIP) return pastElement(key);
  return parent === ROOT || parent === ELEMENT ? key : `${parent}.${key}`;
}

/** The short name of the attribute path `path` (`Tag_Attribute`) of a node whose short name is `parent`. */
function attributeAlias(parent: Alias, path: string, name: string): Alias {
  if (parent === null) return CONTAINERS.get(path) ?? (path.includes('.') ? prefixAlias(path) : null);
  // Still the skipped element, unless the name holds a dot (`Elem_X.Y` is Y).
  if (parent === ELEMENT) return pastElement(name);
  return parent === ROOT || parent === SKIP ? null : `${parent}_${name}`;
}

/** Winlogbeat's metadata fields under their Windows names. */
const WINLOG_NAMES: ReadonlyMap<string, string> = new Map([
  ['winlog.event_id', 'EventID'],
  ['winlog.channel', 'Channel'],
  ['winlog.provider_name', 'Provider_Name'],
  ['winlog.computer_name', 'Computer'],
  ['winlog.record_id', 'EventRecordID'],
]);

/**
 * A place in an event's tree, shared by every event that has it: its path, its short name and the other names
 * it answers to, computed once. Events of one kind have the same keys, so indexing one walks known places and
 * builds no path strings (whose hashes are computed once too). The tree is bounded: past MAX_PLACES (events
 * with ever new keys) places are made per event and not remembered.
 */
class Place {
  /** Kept in the tree (not made for one event past its bound): only such places make shapes worth remembering. */
  kept = false;
  /** Whether this place's string values come back often enough to be numbered (stringNumber). */
  readonly numbering = new Sampler();
  private children: Map<string, Place> | undefined = undefined;
  private attributes: Map<string, Place> | undefined = undefined;
  /** The names besides the path: short name, Winlogbeat's name, both without spaces. */
  readonly names: readonly string[];
  constructor(
    readonly path: string,
    readonly alias: Alias,
  ) {
    this.names = otherNames(path, alias);
  }
  // Known places are looked up before anything is made (a closure making the place, passed along, was
  // allocated for every key of every event).
  child(key: string): Place {
    const known = this.children?.get(key);
    if (known !== undefined) return known;
    const path = join(this.path, key);
    return remember((this.children ??= new Map()), key, new Place(path, childAlias(this.alias, path, key)));
  }
  attribute(name: string): Place {
    const known = this.attributes?.get(name);
    if (known !== undefined) return known;
    const path = attribute(this.path, name);
    return remember((this.attributes ??= new Map()), name, new Place(path, attributeAlias(this.alias, path, name)));
  }
}

/** A place made on first sight, remembered while the tree is under its bound. */
function remember(known: Map<string, Place>, key: string, place: Place): Place {
  if (places < MAX_PLACES) {
    places++;
    place.kept = true;
    known.set(key, place);
  }
  return place;
}

/**
 * Places remembered for the process: 25,000 distinct paths is a hundred times what SigmaHQ's regression events use
 * (93 leaf paths) and more than ECS defines; past it, events with ever new keys (ids as keys) get places made for
 * them alone. Each place costs ~0.4 KB, and V8 lets the heap grow to a few times what is live: 100,000 places made
 * the peak 651 MiB over 300,000 such events, 25,000 makes it about 530 MiB.
 */
const MAX_PLACES = 25_000;
let places = 0;
const ROOT_PLACE = new Place('', null);

/** The place of a dotted path, walked from the root one segment at a time. */
function placeAt(path: string): Place {
  let place = ROOT_PLACE;
  if (path !== '') for (const key of path.split('.')) place = place.child(key);
  return place;
}

function otherNames(path: string, alias: Alias): string[] {
  const out: string[] = [];
  const short = named(alias) ? alias : undefined;
  const winlog = path.startsWith('winlog.') ? WINLOG_NAMES.get(path) : undefined;
  if (short !== undefined) out.push(short);
  if (winlog !== undefined) out.push(winlog);
  if (path.includes(' ')) out.push(path.replace(/ /g, ''));
  if (short !== undefined && short.includes(' ')) out.push(short.replace(/ /g, ''));
  return out;
}

/**
 * The shape of an event: the places of its leaf values in the order the walk meets them. Events of one kind
 * have one shape, so what a shape answers — which names an event has and which of its values each name holds,
 * aliases resolved — is worked out once per shape; indexing an event then only collects its values.
 */
class Shape {
  /** Every name the event answers to (paths in the order first met, then the other names) → its entry. */
  readonly ids = new Map<string, number>();
  /** Per entry: the positions of its values among the event's leaf values, in order. */
  readonly entries: Int32Array[] = [];
  constructor(places: readonly Place[]) {
    const paths = new Map<string, number[]>();
    // Other names → the paths they stand for, in the order the paths were first met.
    const aliases = new Map<string, string[]>();
    places.forEach((place, k) => {
      const list = paths.get(place.path);
      if (list !== undefined) {
        list.push(k);
        return;
      }
      paths.set(place.path, [k]);
      for (const name of place.names) {
        const stands = aliases.get(name);
        if (stands === undefined) aliases.set(name, [place.path]);
        else stands.push(place.path);
      }
    });
    for (const [path, positions] of paths) this.add(path, positions);
    // A name that is also a path of the event is that path; otherwise the values of every path it stands for.
    for (const [name, stands] of aliases)
      if (!this.ids.has(name))
        this.add(
          name,
          stands.flatMap((path) => paths.get(path) as number[]),
        );
  }
  /** What the engine asks per list of names (a route's fields), worked out on first use for a few dozen lists. */
  private perList: Map<readonly string[], { present?: Int32Array; outside?: Int32Array }> | undefined = undefined;
  private answers(names: readonly string[]): { present?: Int32Array; outside?: Int32Array } {
    const known = (this.perList ??= new Map());
    let found = known.get(names);
    if (found === undefined) {
      found = {};
      // Lists are an engine's routes (a few dozen); past that, not remembered.
      if (known.size < 64) known.set(names, found);
    }
    return found;
  }
  /** The positions in `names` of the names this shape has. */
  presentOf(names: readonly string[]): Int32Array {
    const answers = this.answers(names);
    if (answers.present === undefined) {
      const positions: number[] = [];
      names.forEach((name, k) => {
        if (this.ids.has(name)) positions.push(k);
      });
      answers.present = Int32Array.from(positions);
    }
    return answers.present;
  }
  /** The positions of the values (of `leaves`) that none of `names` holds. */
  outsideOf(names: readonly string[], leaves: number): Int32Array {
    const answers = this.answers(names);
    if (answers.outside === undefined) {
      const covered = new Uint8Array(leaves);
      for (const name of names) {
        const id = this.ids.get(name);
        if (id !== undefined) for (const k of this.entries[id] as Int32Array) covered[k] = 1;
      }
      const positions: number[] = [];
      covered.forEach((c, k) => {
        if (c === 0) positions.push(k);
      });
      answers.outside = Int32Array.from(positions);
    }
    return answers.outside;
  }
  private add(name: string, positions: readonly number[]): void {
    this.ids.set(name, this.entries.length);
    this.entries.push(Int32Array.from(positions));
  }
}

/**
 * Shapes by the places of their leaves, as a tree walked one leaf at a time (a step is one comparison when the
 * event has the shape of the one before). Bounded: past MAX_SHAPE_STEPS steps or MAX_SHAPE_NAMES names over all
 * shapes (events of ever new keys), a shape is worked out per event and not remembered.
 */
class ShapeStep {
  private nextPlace: Place | undefined = undefined;
  private nextStep: ShapeStep | undefined = undefined;
  private others: Map<Place, ShapeStep> | undefined = undefined;
  shape: Shape | undefined = undefined;
  step(place: Place): ShapeStep | undefined {
    if (this.nextPlace === place) return this.nextStep;
    const known = this.nextPlace === undefined ? undefined : this.others?.get(place);
    if (known !== undefined) return known;
    // A place made for one event never comes again: no shape through it is worth remembering.
    if (!place.kept || shapeSteps >= MAX_SHAPE_STEPS) return undefined;
    shapeSteps++;
    const made = new ShapeStep();
    if (this.nextPlace === undefined) {
      this.nextPlace = place;
      this.nextStep = made;
    } else (this.others ??= new Map()).set(place, made);
    return made;
  }
}

const MAX_SHAPE_STEPS = 50_000;
let shapeSteps = 0;
/** Names over all remembered shapes (~100 bytes each). */
const MAX_SHAPE_NAMES = 20_000;
let shapeNames = 0;
const FIRST_STEP = new ShapeStep();

interface Builder {
  /** The places of the leaf values met, and the values, in order. */
  readonly places: Place[];
  readonly values: Value[];
  readonly texts: EventValue[];
  /** Where the walk is in the tree of shapes (undefined once past its bound). */
  step: ShapeStep | undefined;
  /** Object paths, collected only when asked for (`has` of a name that is not a value: rare). */
  readonly objects: Set<string> | undefined;
  readonly objectAliases: Map<string, string[]>;
}

function addAliases(aliases: Map<string, string[]>, place: Place): void {
  for (const name of place.names) {
    const list = aliases.get(name);
    if (list === undefined) aliases.set(name, [place.path]);
    else list.push(place.path);
  }
}

function addLeaf(b: Builder, place: Place, raw: Scalar): void {
  const value = new Value(raw, place);
  b.places.push(place);
  b.values.push(value);
  b.step = b.step?.step(place);
  if (raw !== null) b.texts.push(value);
}

function addObject(b: Builder, place: Place): void {
  if (b.objects === undefined || b.objects.has(place.path)) return;
  b.objects.add(place.path);
  if (place.names.length > 0) addAliases(b.objectAliases, place);
}

function walk(b: Builder, node: unknown, place: Place, parent: Place, depth: number): void {
  if (depth > MAX_EVENT_DEPTH) throw new SigmaError('limit', `event nests deeper than ${MAX_EVENT_DEPTH} levels at '${place.path}'`);
  if (isScalar(node)) {
    addLeaf(b, place, node);
    return;
  }
  if (Array.isArray(node)) {
    const path = place.path;
    if ((path === 'Data' || path.endsWith('.Data')) && node.some((item) => dataItemName(item) !== undefined)) {
      // The items' fields go to the place above Data (a key with dots, `{"X.Data": […]}`, puts them under X).
      const owner = path === join(parent.path, 'Data') ? parent : placeAt(path.slice(0, Math.max(path.lastIndexOf('.'), 0)));
      walkDataItems(b, node, owner, depth);
      return;
    }
    if (node.length === 0) addObject(b, place);
    for (const item of node) walk(b, item, place, parent, depth + 1);
    return;
  }
  if (!isObject(node)) return; // functions, undefined: not JSON
  addObject(b, place);
  for (const key in node) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
    const child = node[key];
    if (key === '#text') {
      if (isScalar(child)) addLeaf(b, place, child);
      else walk(b, child, place, parent, depth + 1);
    } else if (key === '#attributes' && isObject(child)) {
      for (const name in child)
        if (Object.prototype.hasOwnProperty.call(child, name)) walk(b, child[name], place.attribute(name), place, depth + 1);
    } else if (key.length > 1 && key.charCodeAt(0) === 64 /* @ */) {
      walk(b, child, place.attribute(key.slice(1)), place, depth + 1);
    } else if (key === 'Data' && dataItemName(child) !== undefined) {
      walkDataItems(b, [child], place, depth);
    } else walk(b, child, place.child(key), place, depth + 1);
  }
}

/** `<Data Name="X">v</Data>` items become fields `X` under the parent (EventData). */
function walkDataItems(b: Builder, items: readonly unknown[], parent: Place, depth: number): void {
  for (const item of items) {
    const name = dataItemName(item);
    if (name === undefined || !isObject(item)) {
      walk(b, item, parent.child('Data'), parent, depth + 1);
      continue;
    }
    const value = item['#text'];
    walk(b, value === undefined ? null : value, parent.child(name), parent, depth + 1);
  }
}

/** Walks an event; with `objects`, also the paths of its objects (and their other names). */
function build(event: Record<string, unknown>, objects: boolean): Builder {
  const b: Builder = {
    places: [],
    values: [],
    texts: [],
    step: FIRST_STEP,
    objects: objects ? new Set() : undefined,
    objectAliases: new Map(),
  };
  walk(b, event, ROOT_PLACE, ROOT_PLACE, 0);
  return b;
}

/** The shape of the event walked by `b`: remembered, or worked out now. */
function shapeOf(b: Builder): Shape {
  const step = b.step;
  if (step?.shape !== undefined) return step.shape;
  const shape = new Shape(b.places);
  // Remembered while the shapes' names stay under their bound (events whose keys differ every time, such as
  // ids used as keys, would otherwise keep one shape per event).
  if (step !== undefined && shapeNames + shape.entries.length <= MAX_SHAPE_NAMES) {
    shapeNames += shape.entries.length;
    step.shape = shape;
  }
  return shape;
}

/** The object paths of an event and the other names they answer to. */
function objectPaths(event: Record<string, unknown>): ReadonlySet<string> {
  const b = build(event, true);
  const found = b.objects as Set<string>;
  found.delete('');
  for (const name of b.objectAliases.keys()) found.add(name);
  return found;
}

/** The index of one event: its shape's names, its values; each name's list of values made on first use. */
class Indexed implements IndexedEvent {
  readonly kind = 'indexed-event';
  readonly source: EventSource;
  private objects: ReadonlySet<string> | undefined = undefined;
  private readonly lists: (readonly EventValue[] | undefined)[];
  private view: ReadonlyMap<string, readonly EventValue[]> | undefined = undefined;
  constructor(
    readonly event: Record<string, unknown>,
    private readonly shape: Shape,
    private readonly values: readonly EventValue[],
    readonly texts: readonly EventValue[],
  ) {
    this.lists = new Array<readonly EventValue[] | undefined>(shape.entries.length);
    this.source = inferEventSource(this);
  }
  get(field: string): readonly EventValue[] | undefined {
    const id = this.shape.ids.get(field);
    return id === undefined ? undefined : (this.lists[id] ?? this.list(id));
  }
  private list(id: number): readonly EventValue[] {
    const positions = this.shape.entries[id] as Int32Array;
    const list: EventValue[] = [];
    for (let k = 0; k < positions.length; k++) list.push(this.values[positions[k] as number] as EventValue);
    this.lists[id] = list;
    return list;
  }
  /** The positions in `names` of the names this event answers to (the same for every event of its shape). */
  presentOf(names: readonly string[]): Int32Array {
    return this.shape.presentOf(names);
  }
  /** The non-null values none of `names` holds, in order. */
  textsOutside(names: readonly string[]): EventValue[] {
    const positions = this.shape.outsideOf(names, this.values.length);
    const out: EventValue[] = [];
    for (let k = 0; k < positions.length; k++) {
      const v = this.values[positions[k] as number] as EventValue;
      if (v.raw !== null) out.push(v);
    }
    return out;
  }
  get fields(): ReadonlyMap<string, readonly EventValue[]> {
    return (this.view ??= fieldsView(this, this.shape));
  }
  has(field: string): boolean {
    return this.shape.ids.has(field) || (this.objects ??= objectPaths(this.event)).has(field);
  }
  fieldNames(): string[] {
    return [...new Set([...this.shape.ids.keys(), ...(this.objects ??= objectPaths(this.event))])].sort();
  }
  /**
   * This index with top-level fields added after the event's own (as `{...event, ...added}` is indexed), without
   * walking the event again: its values are shared. `added` must not name a key the event has.
   */
  withFields(added: Readonly<Record<string, Scalar>>): Indexed {
    const b: Builder = { places: [], values: [], texts: [...this.texts], step: FIRST_STEP, objects: undefined, objectAliases: new Map() };
    for (const v of this.values) {
      const place = (v as Value).place;
      b.places.push(place);
      b.values.push(v as Value);
      b.step = b.step?.step(place);
    }
    for (const key in added) walk(b, added[key], ROOT_PLACE.child(key), ROOT_PLACE, 1);
    return new Indexed(this.event, shapeOf(b), b.values, b.texts);
  }
}

/**
 * The event indexed with top-level `added` fields (computed columns, eval/pipeline.ts): the index of
 * `{...event, ...added}`, made from the event's own index where it can be (`added` names no key the event has).
 * Its `event` is the event as given.
 */
export function indexWithFields(ev: IndexedEvent, added: Readonly<Record<string, Scalar>>): IndexedEvent {
  const raw = ev.event as Record<string, unknown>;
  if (ev instanceof Indexed && !Object.keys(added).some((k) => Object.prototype.hasOwnProperty.call(raw, k))) return ev.withFields(added);
  return indexEvent({ ...raw, ...added });
}

/** The index as a read-only map (names → values), for callers that want one. */
function fieldsView(event: IndexedEvent, shape: Shape): ReadonlyMap<string, readonly EventValue[]> {
  const entries = (): [string, readonly EventValue[]][] =>
    [...shape.ids.keys()].map((name) => [name, event.get(name) as readonly EventValue[]]);
  const view: ReadonlyMap<string, readonly EventValue[]> = {
    get: (name) => event.get(name),
    has: (name) => shape.ids.has(name),
    get size() {
      return shape.ids.size;
    },
    keys: () => shape.ids.keys(),
    values: () => {
      const values = entries().map(([, v]) => v);
      return values[Symbol.iterator]();
    },
    entries: () => entries()[Symbol.iterator](),
    forEach: (f, self?: unknown) => {
      for (const [k, v] of entries()) f.call(self, v, k, view);
    },
    [Symbol.iterator]: () => entries()[Symbol.iterator](),
  };
  return view;
}

/** Flattens an event into a field index. Throws SigmaError when the event is not a JSON object. */
export function indexEvent(event: unknown): IndexedEvent {
  if (isIndexedEvent(event)) return event;
  if (!isObject(event))
    throw new SigmaError(
      'value',
      `an event must be a JSON object, not ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}`,
    );
  const root = unwrapped(event);
  const b = build(root, false);
  return new Indexed(root, shapeOf(b), b.values, b.texts);
}

/**
 * The event inside a SIEM's export wrapper, as a search API or an export gives it: an Elasticsearch hit's
 * `_source` (`{"_index", "_id", "_source": {…}}`, e.g. `.hits.hits[]` of a `_search`), or its `fields` when it has
 * no `_source` (`{"_index", "fields": {"process.name": ["x.exe"]}}`), a Splunk JSON export record's
 * `result` (`{"preview": false, "result": {…}}`). Anything else is the event itself.
 */
function unwrapped(event: Record<string, unknown>): Record<string, unknown> {
  if (typeof event['_index'] === 'string') {
    const source = event['_source'];
    if (isObject(source)) return source;
    // A hit searched with `fields` and `_source: false`: the fields asked for, each a list of values.
    const fields = event['fields'];
    if (isObject(fields)) return fields;
  }
  const result = event['result'];
  if (isObject(result) && typeof event['preview'] === 'boolean') return result;
  return event;
}

/**
 * The positions in `names` of the names the event answers to, ascending. Worked out once per shape and list of
 * names (keep the list: it is remembered by identity), so an engine asks its route's hundred fields once per
 * kind of event rather than once per event.
 */
export function presentNames(ev: IndexedEvent, names: readonly string[]): Int32Array {
  if (ev instanceof Indexed) return ev.presentOf(names);
  const positions: number[] = [];
  names.forEach((name, k) => {
    if (ev.get(name) !== undefined) positions.push(k);
  });
  return Int32Array.from(positions);
}

/**
 * The non-null values of the event that none of `names` holds, in order (`texts` less those of the names): what
 * an engine that scanned those fields still has to look at for keywords. Remembered per shape and list.
 */
export function textsOutside(ev: IndexedEvent, names: readonly string[]): readonly EventValue[] {
  if (ev instanceof Indexed) return ev.textsOutside(names);
  const held = new Set<EventValue>();
  for (const name of names) for (const v of ev.get(name) ?? []) held.add(v);
  return ev.texts.filter((v) => !held.has(v));
}

export function isIndexedEvent(v: unknown): v is IndexedEvent {
  return v instanceof Indexed;
}

/**
 * The last event indexed through indexEventCached and its index. One entry, not a WeakMap of every event seen: a
 * weak map's entries are ephemerons, which every minor garbage collection has to trace, and an engine streaming
 * events made a third of its time garbage collection that way. Callers ask about one event at a time (many rules,
 * then the selections of those that fired), so the last one is the one asked for again.
 */
let lastEvent: object | undefined = undefined;
let lastIndexed: IndexedEvent | undefined = undefined;

/** indexEvent remembering the last event object, so many rules over the same object index it once. */
export function indexEventCached(event: unknown): IndexedEvent {
  if (isIndexedEvent(event)) return event;
  if (!isObject(event)) return indexEvent(event);
  if (event === lastEvent) return lastIndexed as IndexedEvent;
  const indexed = indexEvent(event);
  lastEvent = event;
  lastIndexed = indexed;
  return indexed;
}
