/** `sigmaform match`: test Sigma rules against JSON events, without any SIEM. */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from '../../rule/ast.js';
import { loadDocuments } from '../../rule/load.js';
import { applyFilters } from '../../rule/filters.js';
import { SigmaError, toSigmaError } from '../../errors.js';
import type { Matcher } from '../../eval/match.js';
import { compileEngine } from '../../eval/engine.js';
import { applyPipelineForMatch, compilePipelineMatcher } from '../../eval/pipeline.js';
import { resolvePipelines } from '../../convert.js';
import type { Pipeline } from '../../pipeline/index.js';
import { resolvePipelineArgs } from '../../node/pipelines.js';
import { correlationPass, type CorrelationOf, type KeptEvent } from './match-correlations.js';
import { indexEvent, type IndexedEvent } from '../../eval/fields.js';
import { createEventSplitter } from '../../eval/stream.js';
import type { CliIO, Command } from '../io.js';
import { asList, parse } from '../args.js';
import { expandRulePaths, readUserFileSync, walkFiles } from '../../node/files.js';
import { readTextPieces } from '../../node/events.js';
import { cacheOption } from '../jobs.js';
import type { RuleCache } from '../../node/cache.js';

const HELP = `Usage: sigmaform match [OPTIONS] RULE.yml EVENTS...
       sigmaform match [OPTIONS] -r RULES [-r RULES...] EVENTS...

Tests Sigma rules against JSON events. An events file holds one JSON object, a JSON array of objects, JSON
lines, or several JSON objects one after another, of any size: events are read and matched as they come, with
bounded memory, and results are written as they are found (event by event). \`-\` reads standard input; a
folder is searched recursively for *.json, *.jsonl and *.ndjson. Windows events in the evtx JSON form (Event.System / Event.EventData) are understood, as are flat
and dotted (ECS-style) events.

Options:
  -r, --rules PATH      rule file or folder (searched recursively for *.yml/*.yaml); repeatable
  -p, --pipeline NAME|FILE
                        apply a processing pipeline (named, e.g. microsoft_xdr, or a pySigma pipeline YAML;
                        repeatable) before evaluating: events are then rows of the target's tables
                        (DeviceProcessEvents, imRegistry …) and a rule fires where its converted query would.
                        A rule the pipeline refuses is an error; alternatives it leaves out are warnings. With a
                        pipeline each rule is evaluated on its own (computed fields extend the event per rule)
  --ignore-logsource    evaluate every rule on every event, even when the event says it comes from another
                        log source (a Sysmon EventID 1 is process_creation, so a registry rule never fires on it)
  --jsonl               one JSON line per pair: {"rule": RULE, "event": FILE, "index": I, "match": true|false,
                        "selections": [the selections that matched]}
  --all                 with -r: also print the pairs that do not match (without -r every pair is printed)
  --loop                evaluate every rule on every event one by one (match()'s reference loop) instead of the
                        engine, which routes events by logsource and skips rules whose literals are absent;
                        the same results, many times slower: for comparison
  --cache               keep the loaded rules in a cache file and reuse them for rule files whose text is
                        unchanged (as convert --cache)
  --cache-location F    the cache file (default: .sigmaformcache in the working folder)
  --stats               on stderr when done: rules loaded and compiled, events matched, each stage's time, the
                        matching rate (events/second) and the process's peak memory
  --timestamp-field F   correlation rules: the field holding each event's time (ISO 8601 or epoch seconds or
                        milliseconds); repeatable, tried in order (default: @timestamp, timestamp, TimeCreated,
                        SystemTime, UtcTime, _time, TimeGenerated, Timestamp, time)
  -h, --help            this help

Correlation rules among the rules (event_count, value_count, temporal, temporal_ordered, value_*; chains and
extended conditions) are evaluated over all the events given (kept in memory only when there are correlation
rules), ordered by time: each window that fires is printed (CORRELATION, its group-by values, start and end, the
aggregate, and the events that made it; with --jsonl {"correlation", "rule", "type", "group", "start", "end",
"value", "events": [{"event", "index"}]}).

Regular expressions run on a linear-time engine (RE2 via re2js): no rule can hang the evaluator.
Exit status: 0 when everything could be read and evaluated (whether or not anything matched), 1 when a rule
or an events file had an error (reported on stderr, the rest is still evaluated), 2 on a usage error.
`;

const EVENT_FILE = /\.(json|jsonl|ndjson)$/i;

interface LoadedRule {
  /** How the rule is named in the output: its file, with `#k` when the file holds several rules. */
  readonly name: string;
  readonly rule: SigmaRule;
}

/** Events arguments → files (folders expanded), as given relative to cwd; `-` is standard input. */
async function eventFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    const abs = resolve(cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
      const files: string[] = [];
      await walkFiles(abs, EVENT_FILE, files);
      out.push(...files.map((f) => (p.startsWith('/') ? f : relative(cwd, f))));
    } else out.push(p);
  }
  return [...new Set(out)];
}

class Reporter {
  errors = 0;
  constructor(private readonly io: CliIO) {}
  error(e: unknown, file: string): void {
    this.errors++;
    this.io.stderr(`sigmaform match: ${toSigmaError(e, { file }).format()}\n`);
  }
}

/** Output written as it goes, in pieces of about 64 KiB (one write per line would dominate a long run). */
class Writer {
  private pending: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIO) {}
  line(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 65536) this.flush();
  }
  flush(): void {
    if (this.pending.length > 0) this.io.stdout(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

/** The rules of the rule files, and their correlations with every document (filters applied) they may name. */
interface LoadedRules {
  readonly rules: readonly LoadedRule[];
  readonly correlations: readonly CorrelationOf[];
  readonly documents: readonly SigmaDocument[];
}

async function loadRuleFiles(files: readonly string[], io: CliIO, report: Reporter, cache?: RuleCache): Promise<LoadedRules> {
  // Load every file first: a filter document applies to the rules it names in any of the files.
  const loaded: { file: string; documents: readonly SigmaDocument[] }[] = [];
  for (const file of files) {
    try {
      const text = readUserFileSync(file, io.cwd);
      // A file the cache knows (same text) is taken from it; one that does not load whole is not cached.
      const cached = cache?.documents(file, text);
      if (cached !== undefined) {
        loaded.push({ file, documents: cached });
        continue;
      }
      // Each document on its own: one that does not load is reported, the others of its file are evaluated.
      const { documents, errors } = loadDocuments(text, file);
      for (const e of errors) report.error(e, file);
      loaded.push({ file, documents });
    } catch (e) {
      report.error(e, file);
    }
  }
  const all = loaded.flatMap((l) => l.documents);
  const applied = all.some((d) => d.kind === 'filter') ? applyFilters(all) : undefined;
  const filtered = applied?.rewritten;
  const out: LoadedRule[] = [];
  for (const { file, documents } of loaded) {
    const rules = documents.map((d) => filtered?.get(d) ?? d).filter((d): d is SigmaRule => d.kind === 'rule');
    rules.forEach((rule, k) => out.push({ name: rules.length > 1 ? `${file}#${k}` : file, rule }));
  }
  const correlations = loaded.flatMap(({ file, documents }) =>
    documents.filter((d): d is SigmaCorrelation => d.kind === 'correlation').map((correlation) => ({ file, correlation })),
  );
  return { rules: out, correlations, documents: applied?.documents ?? all };
}

/** What the command does with each event: rules in, pairs out. */
interface Evaluation {
  /** Positions of the rules that fire on the event, ascending. */
  readonly fired: (event: IndexedEvent) => readonly number[];
  readonly matcher: (rule: number) => Matcher | undefined;
  /** Rules that could be compiled. */
  readonly compiled: number;
}

/** Each rule with a pipeline applied (`-p`), evaluated on its own: computed fields extend the event per rule. */
function pipelineEvaluation(
  rules: readonly LoadedRule[],
  pipeline: Pipeline,
  ignoreLogsource: boolean,
  report: Reporter,
  io: CliIO,
): Evaluation {
  const matchers = rules.map((r): Matcher | undefined => {
    const file = r.rule.source.file ?? r.name;
    try {
      const processed = applyPipelineForMatch(r.rule, pipeline);
      const matcher = compilePipelineMatcher(processed, pipeline, { ignoreLogsource });
      for (const w of processed.warnings)
        io.stderr(`sigmaform match: warning: ${new SigmaError('unsupported', w.message, { file, ...w.location }).format()}\n`);
      return matcher;
    } catch (e) {
      report.error(e, file);
      return undefined;
    }
  });
  return {
    fired: (ev) => {
      const out: number[] = [];
      matchers.forEach((m, i) => {
        if (m?.test(ev)) out.push(i);
      });
      return out;
    },
    matcher: (i) => matchers[i],
    compiled: matchers.filter((m) => m !== undefined).length,
  };
}

/** The engine (the default), or `match()`'s loop over every rule (`--loop`: the reference, for comparison). */
function evaluation(rules: readonly LoadedRule[], ignoreLogsource: boolean, loop: boolean, report: Reporter): Evaluation {
  const engine = compileEngine(
    rules.map((r) => r.rule),
    { ignoreLogsource, ...(loop ? { routing: false, prefilter: false } : {}) },
  );
  for (const [i, error] of engine.errors) report.error(error, (rules[i] as LoadedRule).rule.source.file ?? (rules[i] as LoadedRule).name);
  const compiled = rules.length - engine.errors.size;
  if (!loop) return { fired: engine.matches, matcher: engine.matcher, compiled };
  const matchers = rules.map((_, i) => engine.matcher(i));
  return {
    fired: (ev) => {
      const out: number[] = [];
      matchers.forEach((m, i) => {
        if (m?.test(ev)) out.push(i);
      });
      return out;
    },
    matcher: engine.matcher,
    compiled,
  };
}

/** `--stats`: where the time went, and the matching rate. */
function stats(
  t: { started: number; loaded: number; compiledAt: number; matched: number },
  rules: number,
  compiled: number,
  events: number,
  matches: number,
): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const matching = t.matched - t.compiledAt;
  const rate = matching > 0 ? Math.round((events / matching) * 1000).toLocaleString('en-US') : '-';
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  return (
    `sigmaform match: ${rules} rule${rules === 1 ? '' : 's'} loaded in ${s(t.loaded - t.started)}, ${compiled} compiled in ${s(t.compiledAt - t.loaded)}; ` +
    `${events} event${events === 1 ? '' : 's'} read and matched in ${s(matching)} (${rate} events/s), ${matches} match${matches === 1 ? '' : 'es'}; peak memory ${peak} MiB\n`
  );
}

export const matchCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    rules: { type: 'string', short: 'r', multiple: true },
    pipeline: { type: 'string', short: 'p', multiple: true },
    'timestamp-field': { type: 'string', multiple: true },
    'ignore-logsource': { type: 'boolean' },
    jsonl: { type: 'boolean' },
    all: { type: 'boolean' },
    loop: { type: 'boolean' },
    stats: { type: 'boolean' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const ruleArgs = asList(values.rules);
  const many = ruleArgs.length > 0;
  const [first, ...rest] = positionals;
  const eventArgs = many ? positionals : rest;
  if ((!many && first === undefined) || eventArgs.length === 0) {
    io.stderr(
      `sigmaform match: ${many ? 'no EVENTS file given' : 'give a RULE file and EVENTS files, or -r RULES and EVENTS files'} (see --help)\n`,
    );
    return 2;
  }
  const report = new Reporter(io);
  let pipeline: Pipeline | undefined;
  try {
    pipeline = resolvePipelines(undefined, await resolvePipelineArgs(asList(values.pipeline), io.cwd));
  } catch (e) {
    io.stderr(`sigmaform match: ${toSigmaError(e).format()}\n`);
    return 2;
  }
  let cache: RuleCache | undefined;
  try {
    cache = await cacheOption(values.cache, values['cache-location'], io.cwd);
  } catch (e) {
    io.stderr(`sigmaform match: ${toSigmaError(e).format()}\n`);
    return 2;
  }
  const started = performance.now();
  const ruleFiles = many ? await expandRulePaths(ruleArgs, io.cwd) : [first as string];
  // Rules → the pipeline (-p) or the engine → events, streamed → pairs; then the correlations over all events.
  const { rules, correlations, documents } = await loadRuleFiles(ruleFiles, io, report, cache);
  await cache?.save();
  // Correlations need every event at once (time-ordered windows): the stream keeps them only when there are any.
  const kept: KeptEvent[] | undefined = correlations.length > 0 ? [] : undefined;
  const ignoreLogsource = values['ignore-logsource'] === true;
  const loaded = performance.now();
  const evaluate = pipeline
    ? pipelineEvaluation(rules, pipeline, ignoreLogsource, report, io)
    : evaluation(rules, ignoreLogsource, values.loop === true, report);
  const compiledAt = performance.now();
  const eventPaths = await eventFiles(eventArgs, io.cwd);
  const printAll = !many || values.all === true;
  const out = new Writer(io);
  const emit = (r: number, file: string, index: number, matched: boolean, ev: IndexedEvent): void => {
    const matcher = evaluate.matcher(r);
    if (matcher === undefined) return;
    const result = matcher(ev);
    const { name } = rules[r] as LoadedRule;
    if (values.jsonl) {
      out.line(JSON.stringify({ rule: name, event: file, index, match: matched, selections: result.selections }) + '\n');
      return;
    }
    const detail = result.logsourceMismatch
      ? '  (logsource: the event is from another log source)'
      : result.selections.length > 0
        ? `  [${result.selections.join(', ')}]`
        : '';
    out.line(`${matched ? 'MATCH   ' : 'no match'}  ${name}  ${file}#${index}${detail}\n`);
  };

  let events = 0;
  let matches = 0;
  for (const file of eventPaths) {
    let index = 0;
    const splitter = createEventSplitter(file);
    const onEvent = (event: unknown): void => {
      const i = index++;
      kept?.push({ event, file, index: i });
      let ev: IndexedEvent;
      try {
        ev = indexEvent(event);
      } catch (e) {
        report.error(e, file);
        return;
      }
      events++;
      const fired = evaluate.fired(ev);
      matches += fired.length;
      if (!printAll) for (const r of fired) emit(r, file, i, true, ev);
      else {
        let k = 0;
        for (let r = 0; r < rules.length; r++) {
          const matched = fired[k] === r;
          if (matched) k++;
          emit(r, file, i, matched, ev);
        }
      }
    };
    try {
      for await (const piece of readTextPieces(file, io.cwd, io.stdin))
        for (const item of splitter.pushItems(piece)) {
          // A bad event keeps its place: the indices of the next ones are their positions in the file.
          if (item.error === undefined) onEvent(item.event);
          else {
            index++;
            report.error(item.error, file);
          }
        }
      splitter.end();
    } catch (e) {
      report.error(e, file);
    }
  }
  out.flush();
  const matched = performance.now();
  if (values.stats === true) io.stderr(stats({ started, loaded, compiledAt, matched }, rules.length, evaluate.compiled, events, matches));
  if (!values.jsonl) {
    const compiled = evaluate.compiled;
    io.stdout(
      `${matches} match${matches === 1 ? '' : 'es'} (${compiled} rule${compiled === 1 ? '' : 's'} × ${events} event${events === 1 ? '' : 's'}, ${compiled * events} pairs)\n`,
    );
  }
  if (kept)
    correlationPass(
      correlations,
      documents,
      kept,
      io,
      { ignoreLogsource, jsonl: values.jsonl === true, timeFields: asList(values['timestamp-field']) },
      (e, file) => report.error(e, file),
    );
  return report.errors > 0 ? 1 : 0;
};
