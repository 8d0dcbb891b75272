/**
 * Node-only: events files through the evaluator for `sigmaform match`, on one thread or several.
 *
 * The calling thread reads each file and cuts it into batches of events: JSON lines as lines (whole lines,
 * unparsed), any other input value by value (`createRawSplitter` delimits them without parsing). Each batch is
 * evaluated by a worker thread that is free (match-worker.ts: the same rules, compiled by the worker) or, when
 * none is, by this thread; results are written in input order, so the output is the same bytes whatever the
 * number of threads. Parsing, indexing, matching and formatting all happen where the batch is evaluated.
 *
 * A line of JSON lines that is not one value ending the line (two objects, an object going on past it) is only
 * known as such where it is parsed: its batch reports it, the batches read after it are dropped, and the file is
 * read on from that line value by value, exactly as the one-thread splitter would have read it.
 */
import { Worker } from 'node:worker_threads';
import { serialize } from 'node:v8';
import type { SigmaRule } from '../rule/ast.js';
import type { LogsourceChoice } from './match-eval.js';
import { SigmaError, toSigmaError } from '../errors.js';
import type { Matcher, MatchResult } from '../eval/match.js';
import { indexEvent, type IndexedEvent } from '../eval/fields.js';
import {
  createRawSplitter,
  lineEvent,
  lineShape,
  lineStart,
  valueColumn,
  valueStart,
  parseEventText,
  type RawEvent,
  type RawSplitter,
  type SplitItem,
} from '../eval/stream.js';
import { readTextPieces } from './events.js';
import { createCsvReader, isCsvFile } from '../eval/csv.js';
import { containerRows, laRow, mayBeContainer, mayBecomeContainer } from '../eval/containers.js';
import { objectEvent } from '../eval/json-text.js';
import { createContainerWalker, type ContainerWalker, type WalkStep } from '../eval/container-stream.js';
import { builtScript, fromWireError, type WireError } from './parallel.js';

/** Characters read at a file's start (past spaces) before telling whether a search API response begins it. */
const PROBE = 96;
/** Events per batch: enough that a batch's message costs little beside its evaluation (~2 ms). */
const BATCH = 64;
/** Batches a worker holds at once: one evaluated, one waiting, so it never waits for this thread. */
const PER_WORKER = 2;
/** Results waiting for an earlier batch before this thread stops taking new ones. */
const MAX_QUEUED = 64;

/** What evaluates an event: the rules that fire on it, their matchers (for the selections), their names. */
export interface BatchEvaluator {
  /** Positions of the rules that fire on the event, ascending. */
  readonly fired: (event: IndexedEvent) => readonly number[];
  readonly matcher: (rule: number) => Matcher | undefined;
  readonly names: readonly string[];
  /** Events so far that fired rules without saying their table, where the queries read several (match-eval.ts). */
  readonly unrouted?: () => number;
}

/** How pairs are printed. */
export interface PairFormat {
  /** One JSON line per pair. */
  readonly jsonl: boolean;
  /** Every rule × event pair, not only those that match. */
  readonly all: boolean;
}

/** An event as the stream read it, with where it came from (file or `-`, and its position there). */
export interface KeptEvent {
  readonly event: unknown;
  readonly file: string;
  readonly index: number;
}

/** Events of one file to evaluate: whole lines of JSON lines (unparsed, blank ones included), or delimited values. */
export type EventBatch =
  | {
      readonly kind: 'lines';
      readonly file: string;
      readonly lines: readonly string[];
      /** Line number of the first line. */
      readonly firstLine: number;
      /** Position in the file of the first event. */
      readonly firstIndex: number;
    }
  | { readonly kind: 'values'; readonly file: string; readonly values: readonly BatchValue[]; readonly firstIndex: number };

/** A value of a batch: its text as delimited, or (a row of a search API response) the event already parsed. */
type BatchValue =
  | (RawEvent & { readonly columns?: readonly string[]; readonly absentNulls?: boolean })
  | { readonly event: unknown; readonly line: number; readonly column: number };

export interface BatchResult {
  /** The printed pairs. */
  readonly out: string;
  readonly events: number;
  readonly matches: number;
  /** Bad events and events that could not be indexed, in order. */
  readonly errors: readonly WireError[];
  /** Events that fired rules without saying their table (BatchEvaluator.unrouted), when there are. */
  readonly unrouted?: number;
  /** Lines: the first line that is not one whole value (`at`, in `lines`) and the position its value would have. */
  readonly resync?: { readonly at: number; readonly index: number };
}

/** One pair as printed: a JSON line, or `MATCH` / `no match` with the selections. */
export function formatPair(name: string, file: string, index: number, matched: boolean, result: MatchResult, jsonl: boolean): string {
  if (jsonl) return JSON.stringify({ rule: name, event: file, index, match: matched, selections: result.selections }) + '\n';
  const detail = result.logsourceMismatch
    ? '  (logsource: the event is from another log source)'
    : result.selections.length > 0
      ? `  [${result.selections.join(', ')}]`
      : '';
  return `${matched ? 'MATCH   ' : 'no match'}  ${name}  ${file}#${index}${detail}\n`;
}

/** Per rule: its name's JSON text, and the JSON text of the last selections it printed (rules fire the same way again). */
interface RuleJson {
  readonly name: string;
  selections?: readonly string[];
  selectionsJson?: string;
}
const rulesAsJson = new WeakMap<BatchEvaluator, (RuleJson | undefined)[]>();
/** The JSON texts of an evaluator's rules, made on first use. */
function jsonRules(evaluator: BatchEvaluator): (RuleJson | undefined)[] {
  let rules = rulesAsJson.get(evaluator);
  if (rules === undefined) {
    rules = [];
    rulesAsJson.set(evaluator, rules);
  }
  return rules;
}

/** Evaluates a batch: its events parsed, indexed, matched and printed. Bad events keep their positions. */
export function evaluateBatch(
  batch: EventBatch,
  evaluator: BatchEvaluator,
  format: PairFormat,
  kept?: KeptEvent[],
  keep?: Uint8Array,
): BatchResult {
  const { file } = batch;
  const unroutedBefore = evaluator.unrouted?.() ?? 0;
  const parts: string[] = [];
  const errors: WireError[] = [];
  let events = 0;
  let matches = 0;
  let index = batch.firstIndex;
  // JSON lines written piece by piece, the rule's and the file's JSON made once (formatPair's bytes).
  const fileJson = JSON.stringify(file);
  const rulesJson = jsonRules(evaluator);
  const emit = (r: number, i: number, matched: boolean, ev: IndexedEvent): void => {
    const matcher = evaluator.matcher(r);
    if (matcher === undefined) return;
    const result = matcher(ev);
    if (!format.jsonl) parts.push(formatPair(evaluator.names[r] as string, file, i, matched, result, false));
    else {
      const rule = (rulesJson[r] ??= { name: JSON.stringify(evaluator.names[r]) });
      if (rule.selections !== result.selections) {
        rule.selections = result.selections;
        rule.selectionsJson = JSON.stringify(result.selections);
      }
      parts.push(
        `{"rule":${rule.name},"event":${fileJson},"index":${i},"match":${matched},"selections":${rule.selectionsJson as string}}\n`,
      );
    }
  };
  const evaluate = (item: SplitItem, line: number, column: number): void => {
    const i = index++;
    if (item.error !== undefined) {
      errors.push(item.error.toJSON());
      return;
    }
    let ev: IndexedEvent;
    try {
      ev = indexEvent(item.event);
    } catch (e) {
      // Where the event starts (an event too deep, say, is reported at its place in the file).
      const error = toSigmaError(e, { file });
      errors.push(
        error.location.line === undefined ? new SigmaError(error.code, error.message, { file, line, column }).toJSON() : error.toJSON(),
      );
      return;
    }
    events++;
    const fired = evaluator.fired(ev);
    matches += fired.length;
    // For the correlation pass: the events a rule it references fired on (all events when that is not known).
    if (kept !== undefined && (keep === undefined || fired.some((r) => keep[r] === 1))) kept.push({ event: item.event, file, index: i });
    if (!format.all) for (const r of fired) emit(r, i, true, ev);
    else {
      let k = 0;
      for (let r = 0; r < evaluator.names.length; r++) {
        const matched = fired[k] === r;
        if (matched) k++;
        emit(r, i, matched, ev);
      }
    }
  };
  let resync: BatchResult['resync'];
  if (batch.kind === 'values')
    for (const v of batch.values)
      evaluate(
        !('text' in v)
          ? rowItem(v.event, file, v)
          : v.columns !== undefined
            ? tableRow(v.text, v.columns, v.absentNulls === true, file, v)
            : parseEventText(v.text, file, v.line, v.column),
        v.line,
        v.column,
      );
  else
    for (let k = 0; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (lineShape(line) === 'blank') continue;
      const item = lineEvent(line, file, batch.firstLine + k);
      if (item === undefined) {
        resync = { at: k, index };
        break;
      }
      evaluate(item, batch.firstLine + k, valueColumn(line));
    }
  const unrouted = (evaluator.unrouted?.() ?? 0) - unroutedBefore;
  return { out: parts.join(''), events, matches, errors, ...(unrouted > 0 ? { unrouted } : {}), ...(resync ? { resync } : {}) };
}

/** How a worker thread evaluates (the rules themselves come with MatchWorkers.load). */
export interface MatchWorkerSpec extends LogsourceChoice {
  readonly format: PairFormat;
  /** `-p` as given (names, pipeline files relative to `cwd`): the worker applies them as this thread does. */
  readonly pipelines?: readonly string[];
  readonly cwd?: string;
}

interface PoolWorker {
  readonly worker: Worker;
  /** The rules the worker compiled (posted when it is ready). */
  rules?: number;
  failed: boolean;
  inflight: number;
}

/** Where batches can be evaluated besides this thread (MatchWorkers; tests give their own). */
export interface BatchPool {
  /**
   * Takes the batch if it has room: the promise of its result (`evaluateHere` gives it if the pool fails), or
   * undefined when it is busy.
   */
  offer(batch: EventBatch, evaluateHere: () => BatchResult): Promise<BatchResult> | undefined;
  /** Resolves after the next result. */
  message(): Promise<void>;
}

/**
 * Worker threads that evaluate batches; started early, so their start-up and the library's import overlap this
 * thread's loading of the rules (which they then receive: `load`).
 */
export class MatchWorkers implements BatchPool {
  private readonly workers: PoolWorker[] = [];
  /** Batches given out, by id: who holds each, how to answer it, how to evaluate it here instead. */
  private readonly waiting = new Map<
    number,
    { readonly owner: PoolWorker; readonly resolve: (r: BatchResult) => void; readonly retry: () => void }
  >();
  private rules: number | undefined;
  /** Workers that evaluated a batch. */
  private readonly used = new Set<PoolWorker>();
  private next = 0;
  private wake: (() => void) | undefined;

  /** Starts `count` workers (none when the build has no worker script, as when running from source). */
  static start(spec: MatchWorkerSpec, count: number, script = builtScript('match-worker.js')): MatchWorkers | undefined {
    if (script === undefined || count < 1) return undefined;
    return new MatchWorkers(script, spec, count);
  }

  private constructor(script: string, spec: MatchWorkerSpec, count: number) {
    for (let k = 0; k < count; k++) {
      const entry: PoolWorker = { worker: new Worker(script, { workerData: spec }), failed: false, inflight: 0 };
      entry.worker.on('message', (m: { ready?: number; id?: number; result?: BatchResult }) => {
        if (m.ready !== undefined) entry.rules = m.ready;
        else if (m.id !== undefined && m.result !== undefined) {
          entry.inflight--;
          this.waiting.get(m.id)?.resolve(m.result);
          this.waiting.delete(m.id);
        }
        this.wake?.();
      });
      // A worker that fails is not used again; the batches it held are evaluated by this thread (the other
      // workers' batches stay with them).
      const fail = (): void => {
        if (entry.failed) return;
        entry.failed = true;
        for (const [id, w] of [...this.waiting]) {
          if (w.owner !== entry) continue;
          this.waiting.delete(id);
          w.retry();
        }
        this.wake?.();
      };
      entry.worker.on('error', fail);
      entry.worker.on('exit', fail);
      this.workers.push(entry);
    }
  }

  /**
   * The rules to compile, as this thread loaded them (names and trees, in order): each worker compiles them and
   * is used from then on. Their serialization costs this thread ~0.1 s for the SigmaHQ corpus, against ~0.7 s
   * for a worker to load the files again while this thread does (two cores busy with the same work).
   */
  load(rules: readonly { readonly name: string; readonly rule: SigmaRule }[]): void {
    this.rules = rules.length;
    const serialized = serialize(rules);
    for (const w of this.workers) w.worker.postMessage({ rules: serialized });
  }

  /** Threads that evaluated events (this one included). */
  get threads(): number {
    return 1 + this.used.size;
  }

  private usable(w: PoolWorker): boolean {
    return !w.failed && w.rules !== undefined && w.rules === this.rules;
  }

  /**
   * Sends the batch to a ready worker with room for it: the promise of its result (`evaluateHere` gives it if the
   * worker fails), or undefined when there is none.
   */
  offer(batch: EventBatch, evaluateHere: () => BatchResult): Promise<BatchResult> | undefined {
    let w: PoolWorker | undefined;
    for (const c of this.workers) if (this.usable(c) && c.inflight < PER_WORKER && (w === undefined || c.inflight < w.inflight)) w = c;
    if (w === undefined) return undefined;
    const id = this.next++;
    w.inflight++;
    this.used.add(w);
    w.worker.postMessage({ id, batch });
    const owner = w;
    return new Promise((resolve) => this.waiting.set(id, { owner, resolve, retry: () => resolve(evaluateHere()) }));
  }

  /** Resolves at the next message from a worker. */
  message(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.failed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

export interface MatchRunOptions {
  readonly cwd: string;
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  readonly evaluator: BatchEvaluator;
  readonly format: PairFormat;
  /** Events kept for the correlation pass (this thread alone evaluates then): every one, or those `keep` says. */
  readonly kept?: KeptEvent[];
  /**
   * The rules (by position) whose events the correlation pass needs: an event none of them fires on is not kept
   * (the correlations' windows are made of their referenced rules' events only). Absent: every event is kept.
   */
  readonly keep?: Uint8Array;
  readonly workers?: BatchPool;
  /** The printed pairs, in input order. */
  readonly write: (text: string) => void;
  /** Errors (bad events, files that cannot be read), in input order. */
  readonly error: (e: SigmaError) => void;
  /** Called every 50 ms or so with what has been written so far and the file being read. */
  readonly progress?: (done: { readonly events: number; readonly matches: number; readonly file: string }) => void;
  /** Everything read so far is evaluated and written (standard input waits for more): flush what is buffered. */
  readonly idle?: () => void;
}

interface Slot {
  readonly batch: EventBatch;
  result?: BatchResult;
}

/** A batch of lines that holds a line that is not one whole value, and the batches read after it. */
interface Resync {
  readonly batch: Extract<EventBatch, { kind: 'lines' }>;
  readonly at: number;
  readonly index: number;
  readonly later: readonly Slot[];
}

/** Lines longer than this are read value by value: a one-line array or a day of objects on one line stays bounded. */
const MAX_LINE = 1 << 20;

/** Whether the start of a line, not yet ended, may still be one JSON lines object (then it is kept until it ends). */
function mayBeLine(start: string): boolean {
  return start.length <= MAX_LINE && lineStart(start) !== 'other';
}

/** A row of a search API response as an event (an object, as any event), located where it starts. */
function rowItem(row: unknown, file: string, at: { readonly line: number; readonly column: number }): SplitItem {
  return objectEvent(row, { file, line: at.line, column: at.column });
}

/** A Log Analytics row (an array of cells, eval/container-stream.ts) as an event named by its table's columns. */
function tableRow(
  text: string,
  columns: readonly string[],
  absentNulls: boolean,
  file: string,
  at: { readonly line: number; readonly column: number },
): SplitItem {
  let cells: unknown;
  try {
    cells = JSON.parse(text);
  } catch {
    // Reported as any malformed event is.
    return parseEventText(text, file, at.line, at.column);
  }
  return rowItem(laRow(columns, cells, absentNulls), file, at);
}

/** Whether the text from `from` holds a whole line that is one JSON lines candidate (its first event, complete). */
function wholeFirstLine(text: string, from: number): boolean {
  const nl = text.indexOf('\n', from);
  return nl !== -1 && lineShape(text.slice(from, nl)) === 'candidate';
}

/** The rows of a search API response's text, or undefined when it is not one (or not JSON: reported when evaluated). */
function rowsOf(text: string): readonly unknown[] | undefined {
  try {
    return containerRows(JSON.parse(text))?.rows;
  } catch {
    return undefined;
  }
}

/** Evaluates every event of `files` (`-`: standard input). Returns the events evaluated and the pairs that matched. */
export async function matchFiles(
  files: readonly string[],
  options: MatchRunOptions,
): Promise<{ events: number; matches: number; unrouted: number }> {
  const { evaluator, format, kept } = options;
  const workers = kept === undefined ? options.workers : undefined;
  let events = 0;
  let matches = 0;
  let unrouted = 0;
  const queue: Slot[] = [];
  const here = (batch: EventBatch): BatchResult => evaluateBatch(batch, evaluator, format, kept, options.keep);
  // The results at the head of the queue, written in order; a batch of lines that is not all whole values stops
  // there, and the batches after it are dropped (the file is read again from that line).
  const drain = (): Resync | undefined => {
    while (queue.length > 0 && (queue[0] as Slot).result !== undefined) {
      const slot = queue.shift() as Slot;
      const r = slot.result as BatchResult;
      if (r.out !== '') options.write(r.out);
      for (const e of r.errors) options.error(fromWireError(e));
      events += r.events;
      matches += r.matches;
      unrouted += r.unrouted ?? 0;
      if (r.resync !== undefined)
        return { batch: slot.batch as Resync['batch'], at: r.resync.at, index: r.resync.index, later: queue.splice(0) };
    }
    return undefined;
  };
  const dispatch = async (batch: EventBatch): Promise<Resync | undefined> => {
    const slot: Slot = { batch };
    queue.push(slot);
    const offered = workers?.offer(batch, () => here(batch));
    if (offered !== undefined)
      void offered.then((r) => {
        slot.result = r;
      });
    else {
      slot.result = here(batch);
      // Let the workers' results in.
      if (workers !== undefined) await new Promise((r) => setImmediate(r));
    }
    for (;;) {
      const stop = drain();
      if (stop !== undefined || queue.length <= MAX_QUEUED) return stop;
      await workers?.message();
    }
  };
  // Every batch given out evaluated and written.
  const settle = async (): Promise<Resync | undefined> => {
    for (;;) {
      const stop = drain();
      if (stop !== undefined || queue.length === 0) return stop;
      await workers?.message();
    }
  };

  // Files are read synchronously: the event loop gets a turn every 50 ms, so what it holds happens (a closed
  // stdout's EPIPE ends a `match … | head` run there, not after the last event).
  let lastTurn = performance.now();
  let reading = '';
  const turn = async (): Promise<void> => {
    const now = performance.now();
    if (now - lastTurn < 50) return;
    lastTurn = now;
    options.progress?.({ events, matches, file: reading });
    await new Promise((r) => setImmediate(r));
  };

  for (const file of files) {
    reading = file;
    // Whole lines (JSON lines) until a line is not one object; from there value by value to the end of the file.
    let raw: RawSplitter | undefined;
    let partial = ''; // lines: the line being read
    let lineNo = 1; // lines: the number of the next line
    let index = 0; // the position of the next event
    let lines: string[] = [];
    let firstLine = 1;
    let firstIndex = 0;
    let values: BatchValue[] = [];
    // A CSV file (a SIEM's export) is read record by record, each record an event (src/eval/csv.ts).
    const csv = isCsvFile(file) ? createCsvReader(file) : undefined;
    if (csv !== undefined) raw = { push: csv.push, end: () => undefined };
    const flush = async (): Promise<Resync | undefined> => {
      if (raw !== undefined || values.length > 0) {
        if (values.length === 0) return undefined;
        const batch: EventBatch = { kind: 'values', file, values, firstIndex: index - values.length };
        values = [];
        return dispatch(batch);
      }
      if (lines.length === 0) return undefined;
      const batch: EventBatch = { kind: 'lines', file, lines, firstLine, firstIndex };
      lines = [];
      firstLine = lineNo;
      firstIndex = index;
      return dispatch(batch);
    };
    const feed = async (text: string): Promise<void> => {
      const read: (RawEvent | undefined)[] = (raw as RawSplitter).push(text);
      for (let j = 0; j < read.length; j++) {
        const v = read[j] as RawEvent;
        // A search API response (eval/containers.ts): its rows are the events, each where the response starts,
        // handed on parsed (its text let go first).
        const rows = csv === undefined && mayBeContainer(v.text) ? rowsOf(v.text) : undefined;
        if (rows === undefined) {
          values.push(v);
          index++;
          if (values.length === BATCH) await flush();
          continue;
        }
        read[j] = undefined;
        const { line, column } = v;
        for (const event of rows) {
          values.push({ event, line, column });
          index++;
          if (values.length === BATCH) await flush();
        }
      }
    };
    // Value by value from a line on (`text`: what has been read from it).
    const toValues = async (text: string, startLine: number, startIndex: number, startColumn = 1): Promise<void> => {
      raw = createRawSplitter(file, startLine, startColumn);
      index = startIndex;
      await feed(text);
    };
    const resync = (stop: Resync): Promise<void> => {
      const rest = [stop.batch.lines.slice(stop.at), ...stop.later.map((s) => (s.batch as Resync['batch']).lines), lines];
      const text =
        rest
          .flat()
          .map((l) => `${l}\n`)
          .join('') + partial;
      lines = [];
      partial = '';
      return toValues(text, stop.batch.firstLine + stop.at, stop.index);
    };
    // Lines read so far given out, and every batch evaluated: whether some line was not a whole value after all.
    const complete = async (): Promise<void> => {
      for (;;) {
        const stop = (await flush()) ?? (await settle());
        if (stop === undefined) return;
        await resync(stop);
      }
    };
    // A line that is not one object: every line before it evaluated (one may turn out not to be a whole value
    // either, and the file is read value by value from there), else value by value from this line.
    const otherLine = async (): Promise<void> => {
      await complete();
      if (raw !== undefined) return;
      const text = partial;
      partial = '';
      await toValues(text, lineNo, index);
    };
    // A search API response at the start of the file is walked as it arrives (eval/container-stream.ts): its rows
    // are events, read one by one. The file's start is read until it can tell (`probe`).
    let probe: string | undefined = csv === undefined ? '' : undefined;
    let walker: ContainerWalker | undefined;
    // The spaces and line breaks before the response's `{` (given back with it if it turns out to be no response).
    let leading = '';
    const rows = async (step: WalkStep): Promise<void> => {
      for (const row of step.rows) {
        values.push(row);
        index++;
        if (values.length === BATCH) await flush();
      }
    };
    /** The walk over: what follows the response is read value by value; a value that was none is read so. */
    const walked = async (step: WalkStep, piece: string): Promise<void> => {
      const w = walker as ContainerWalker;
      walker = undefined;
      const rest = piece.slice(step.end);
      if (step.whole !== undefined) return take(leading + step.whole + rest);
      await flush();
      const { line, column } = w.position();
      await toValues(rest, line, index, column);
    };
    /** The file's first text: whether a response begins it, then the pieces as they come. */
    const route = async (piece: string, last: boolean): Promise<void> => {
      if (walker !== undefined) {
        const step = walker.push(piece);
        await rows(step);
        if (step.end !== undefined) await walked(step, piece);
        return;
      }
      if (probe === undefined) return take(piece);
      probe += piece;
      const from = valueStart(probe);
      // Undecided while the start may still become a response's; a whole first line decides (a live stream's
      // first event is not held back waiting for more text).
      if (!last && probe.length - from < PROBE && mayBecomeContainer(probe) && !wholeFirstLine(probe, from)) return;
      const text = probe;
      probe = undefined;
      if (!mayBeContainer(text)) return take(text);
      leading = text.slice(0, from);
      const newlines = leading.split('\n');
      walker = createContainerWalker(file, newlines.length, (newlines[newlines.length - 1] as string).length + 1);
      const step = walker.push(text.slice(from));
      await rows(step);
      if (step.end !== undefined) await walked(step, text.slice(from));
    };
    /** A piece read the usual way: JSON lines while they are whole values, else value by value. */
    const take = async (piece: string): Promise<void> => {
      if (raw !== undefined) {
        await feed(piece);
        return;
      }
      // Lines cut from the piece, the first one after the line read so far (`head`): the piece is not appended
      // to that line first, which copied the whole input once more.
      let head = partial;
      let from = 0;
      let stop: Resync | undefined;
      let other = false;
      for (let nl = piece.indexOf('\n'); nl !== -1; nl = piece.indexOf('\n', from)) {
        const line = head === '' ? piece.slice(from, nl) : head + piece.slice(from, nl);
        const shape = lineShape(line);
        // A search API response on one line is read as values: its rows are events (positions the lines do not
        // give).
        if (shape === 'other' || (shape === 'candidate' && mayBeContainer(line))) {
          other = true;
          break;
        }
        lines.push(line);
        lineNo++;
        head = '';
        from = nl + 1;
        if (shape === 'candidate') {
          index++;
          if (index - firstIndex === BATCH) {
            stop = await flush();
            if (stop !== undefined) break;
          }
        }
      }
      partial = head + piece.slice(from);
      if (stop !== undefined) await resync(stop);
      else if (other || !mayBeLine(partial)) await otherLine();
    };
    try {
      for await (const piece of readTextPieces(file, options.cwd, options.stdin)) {
        await turn();
        await route(piece, false);
        // Standard input may be a live stream (`tail -f … | sigmaform match -`): what arrived is evaluated and
        // written before waiting for more, not when a batch fills.
        if (file === '-' && probe === undefined) {
          await complete();
          options.idle?.();
        }
      }
      if (probe !== undefined && probe !== '') await route('', true);
      walker?.end();
      // The last line, without a newline.
      if (raw === undefined && partial !== '') {
        const shape = lineShape(partial);
        if (shape === 'other' || (shape === 'candidate' && mayBeContainer(partial))) await otherLine();
        else {
          lines.push(partial);
          partial = '';
          lineNo++;
          if (shape === 'candidate') index++;
        }
      }
      // A CSV file's last record, when no line break ends it.
      for (const v of csv?.end() ?? []) {
        values.push(v);
        index++;
      }
      await complete();
      raw?.end();
    } catch (e) {
      // Text that is no JSON (or a read error) stops the file: the events before it are evaluated and written first.
      try {
        await complete();
        options.error(toSigmaError(e, { file }));
      } catch (earlier) {
        options.error(toSigmaError(earlier, { file }));
      }
    }
  }
  return { events, matches, unrouted };
}
