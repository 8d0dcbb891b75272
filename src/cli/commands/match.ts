/** `sigmaform match`: test Sigma rules against JSON events, without any SIEM. */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { toSigmaError } from '../../errors.js';
import { evaluationOptions } from '../match-options.js';
import type { SigmaRule } from '../../rule/ast.js';
import type { Pipeline } from '../../pipeline/index.js';
import type { RuleCache } from '../../node/cache.js';
import { correlationPass } from './match-correlations.js';
import type { CliIO, Command } from '../io.js';
import { asList, parse } from '../args.js';
import { plural } from '../summary.js';
import { expandRulePaths, walkFiles } from '../../node/files.js';
import { cacheOption, jobsOption } from '../jobs.js';
import { loadRuleFiles, type LoadedRule, type LoadedRules } from '../../node/match-rules.js';
import { resolveCorrelation, type CorrelationPlan } from '../../rule/correlation.js';
import { matchFiles, MatchWorkers, type KeptEvent, type PairFormat } from '../../node/match-run.js';
import { engineEvaluation, pipelineEvaluation, type Evaluation, type LogsourceChoice } from '../../node/match-eval.js';

const HELP = `Usage: sigmaform match [OPTIONS] RULE.yml EVENTS...
       sigmaform match [OPTIONS] -r RULES [-r RULES...] EVENTS...

Tests Sigma rules against JSON events. An events file holds one JSON object, a JSON array of objects, JSON
lines, or several JSON objects one after another, of any size: events are read and matched as they come, with
bounded memory, and results are written as they are found (\`-\` reads standard input, a live stream too:
what has arrived is matched and written before waiting for more). A folder is searched recursively for *.json,
*.jsonl, *.ndjson and *.csv. A .csv file (a SIEM's export of a search's results) is read record by record, the
first one naming the columns, an empty cell an absent field. A search API's response is read as its rows
(Defender advanced hunting and Microsoft Graph runHuntingQuery, the Log Analytics query API, an Elasticsearch
_search or ES|QL query, Splunk's results in JSON; streamed when it begins the input). Windows events in the evtx JSON form
(Event.System / Event.EventData) are understood, as are flat and dotted (ECS-style) events, Elasticsearch hits
(their _source) and Splunk JSON export records (their result).

Options:
  -r, --rules PATH      rule file or folder (searched recursively for *.yml/*.yaml); repeatable
  -p, --pipeline NAME|FILE
                        apply a processing pipeline (named, e.g. microsoft_xdr, or a pySigma pipeline YAML;
                        repeatable) before evaluating: events are then rows of the target's tables
                        (DeviceProcessEvents, imRegistry …) and a rule fires where its converted query would.
                        A rule the pipeline refuses is an error; alternatives it leaves out are warnings; a
                        selection it empties is left out as in the query (a rule left with nothing never fires,
                        with a warning); null is matched as the target queries it. The processed rules are
                        compiled into an engine per set of computed fields they declare
  --ignore-logsource    evaluate every rule on every event, even when the event says it comes from another
                        log source (a Sysmon EventID 1 is process_creation, so a registry rule never fires on it)
  --logsource product=P,category=C,service=S
                        what events that do not say their log source are (any of the three; repeatable): an
                        event says it through its Windows channel and event id, or host.os.type, and what it
                        says is kept; what it leaves unknown is taken from here, so rules of other log sources
                        do not fire on it (without, a flat export of process creations meets every rule that
                        nothing in it contradicts: registry, network, Zeek …)
  --table T             with -p: the table rows that do not say theirs (no Type column) come from, e.g. an
                        Advanced Hunting export of DeviceProcessEvents: they meet only the rules whose query reads
                        T. An ASIM parser (imProcessCreate) names what it returns: rows without EventSchema are
                        its rows. Without, a row that does not say its table meets every rule's query
  --jsonl               one JSON line per pair: {"rule": RULE, "event": FILE, "index": I, "match": true|false,
                        "selections": [the selections that matched]}
  --all                 with -r: also print the pairs that do not match (without -r every pair is printed)
  --loop                evaluate every rule on every event one by one (match()'s reference loop) instead of the
                        engine, which routes events by logsource, skips rules whose literals are absent and
                        remembers what values met before gave; the same results, many times slower: for
                        comparison
  --cache               keep the loaded rules in a cache file and reuse them for rule files whose text is
                        unchanged (as convert --cache)
  --cache-location F    the cache file (default: .sigmaformcache in the working folder)
  -j, --jobs N          threads evaluating events (default 1): each compiles the rules this one loaded and
                        takes batches of events; the output is the same, in input order. More of the rate on
                        long inputs (1.2-1.7x with two threads over 100,000 events; none over 20,000) for N
                        times the memory (about 150 MiB a thread for the SigmaHQ corpus). Runs with --loop or
                        correlation rules use one thread
  --stats               on stderr when done: rules loaded and compiled, events matched, each stage's time, the
                        matching rate (events/second), the threads and the process's peak memory
  --timestamp-field F   correlation rules: the field holding each event's time (ISO 8601 or epoch seconds or
                        milliseconds); repeatable, tried in order (default: @timestamp, timestamp, TimeCreated,
                        SystemTime, TimeCreated_SystemTime, UtcTime, _time, TimeGenerated, Timestamp, time)
  -h, --help            this help

Correlation rules among the rules (event_count, value_count, temporal, temporal_ordered, value_*; chains and
extended conditions) are evaluated over the events their rules fire on (only those are kept in memory),
ordered by time: each window that fires is printed (CORRELATION, its group-by values, start and end, the
aggregate, and the events that made it; with --jsonl {"correlation", "rule", "type", "group", "start", "end",
"value", "events": [{"event", "index"}]}).

Regular expressions run on a linear-time engine (RE2 via re2js): no rule can hang the evaluator. When stderr
is a terminal and the pairs go to a file or a pipe, a status line there shows the events read so far.
Exit status: 0 when everything could be read and evaluated (whether or not anything matched), 1 when a rule
or an events file had an error (reported on stderr, the rest is still evaluated), 2 on a usage error.
`;

const EVENT_FILE = /\.(json|jsonl|ndjson|csv)$/i;

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

/**
 * The rules (by position) the correlations reference, through chains: the events the correlation pass needs are
 * those these fire on. Undefined when a referenced rule is not among `rules` (then every event is kept).
 */
function correlatedRules(
  correlations: LoadedRules['correlations'],
  documents: LoadedRules['documents'],
  rules: readonly LoadedRule[],
): Uint8Array | undefined {
  if (correlations.length === 0) return undefined;
  const referenced = new Set<SigmaRule>();
  const walk = (plan: CorrelationPlan): void => {
    for (const r of plan.rules)
      if (r.plan !== undefined) walk(r.plan);
      else referenced.add(r.rule);
  };
  for (const { correlation } of correlations) {
    try {
      walk(resolveCorrelation(correlation, documents));
    } catch {
      // Reported by the correlation pass; it needs no events.
    }
  }
  const keep = new Uint8Array(rules.length);
  let found = 0;
  rules.forEach((r, i) => {
    if (referenced.has(r.rule)) {
      keep[i] = 1;
      found++;
    }
  });
  return found === referenced.size ? keep : undefined;
}

class Reporter {
  errors = 0;
  constructor(private readonly io: CliIO) {}
  error(e: unknown, file?: string): void {
    this.errors++;
    this.io.stderr(`sigmaform match: ${toSigmaError(e, file !== undefined ? { file } : {}).format()}\n`);
  }
}

/** Output written as it goes, in pieces of about 64 KiB (one write per line would dominate a long run). */
class Writer {
  private pending: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIO) {}
  write(text: string): void {
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

/** One line on stderr, rewritten in place (at most 5 times a second): events read, their rate, matches. */
class StatusLine {
  private last = 0;
  private drawn = false;
  constructor(
    private readonly io: CliIO,
    private readonly shown: boolean,
    private readonly started: number,
  ) {}
  update(done: { readonly events: number; readonly matches: number; readonly file: string }): void {
    const now = performance.now();
    if (!this.shown || now - this.last < 200) return;
    this.last = now;
    const rate = Math.round((done.events / Math.max(now - this.started, 1)) * 1000).toLocaleString('en-US');
    const text = `sigmaform match: ${done.events.toLocaleString('en-US')} events (${rate}/s), ${done.matches.toLocaleString('en-US')} matches; reading ${done.file}`;
    this.io.stderr(`\r\x1b[K${text.length > 120 ? text.slice(0, 119) + '…' : text}`);
    this.drawn = true;
  }
  clear(): void {
    if (!this.drawn) return;
    this.io.stderr('\r\x1b[K');
    this.drawn = false;
  }
}

/** `--stats`: where the time went, and the matching rate. */
function stats(
  t: { started: number; loaded: number; compiledAt: number; matched: number },
  counts: { rules: number; compiled: number; events: number; matches: number; threads: number },
): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const matching = t.matched - t.compiledAt;
  const { rules, compiled, events, matches, threads } = counts;
  const rate = matching > 0 ? Math.round((events / matching) * 1000).toLocaleString('en-US') : '-';
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  return (
    `sigmaform match: ${plural(rules, 'rule')} loaded in ${s(t.loaded - t.started)}, ${compiled} compiled in ${s(t.compiledAt - t.loaded)}; ` +
    `${plural(events, 'event')} read and matched in ${s(matching)} (${rate} events/s, ${plural(threads, 'thread')}), ` +
    `${matches} match${matches === 1 ? '' : 'es'}; peak memory ${peak} MiB\n`
  );
}

export const matchCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    rules: { type: 'string', short: 'r', multiple: true },
    pipeline: { type: 'string', short: 'p', multiple: true },
    'timestamp-field': { type: 'string', multiple: true },
    'ignore-logsource': { type: 'boolean' },
    logsource: { type: 'string', multiple: true },
    table: { type: 'string' },
    jsonl: { type: 'boolean' },
    all: { type: 'boolean' },
    loop: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
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
  const pipelineArgs = asList(values.pipeline);
  let pipeline: Pipeline | undefined;
  let cache: RuleCache | undefined;
  let jobs: number | undefined;
  // How events meet the rules, the same on every thread and in the correlation pass.
  let checks: LogsourceChoice;
  try {
    ({ pipeline, checks } = await evaluationOptions(values, io.cwd));
    cache = await cacheOption(values.cache, values['cache-location'], io.cwd);
    jobs = jobsOption(values.jobs).jobs;
  } catch (e) {
    io.stderr(`sigmaform match: ${toSigmaError(e).format()}\n`);
    return 2;
  }
  const started = performance.now();
  const ruleFiles = many ? await expandRulePaths(ruleArgs, io.cwd) : [first as string];
  const eventPaths = await eventFiles(eventArgs, io.cwd);
  const format: PairFormat = { jsonl: values.jsonl === true, all: !many || values.all === true };
  // Worker threads start first (their start-up and the library's import overlap this thread's loading).
  const threads = values.loop ? 1 : (jobs ?? 1);
  let workers = MatchWorkers.start(
    { ...checks, format, ...(pipelineArgs.length > 0 ? { pipelines: pipelineArgs, cwd: io.cwd } : {}) },
    threads - 1,
  );
  // Rules → the pipeline (-p) or the engine → events, streamed → pairs; then the correlations over all events.
  const { evaluate, correlations, documents, loaded, keep } = ((): {
    evaluate: Evaluation;
    correlations: LoadedRules['correlations'];
    documents: LoadedRules['documents'];
    loaded: number;
    keep: Uint8Array | undefined;
  } => {
    const { rules, correlations, documents } = loadRuleFiles(ruleFiles, io.cwd, (e, file) => report.error(e, file), cache);
    const loaded = performance.now();
    const slim = correlations.length === 0;
    // The workers compile the same rules (correlations need every event on this thread: no workers then).
    if (slim) workers?.load(rules);
    const evaluate = pipeline
      ? pipelineEvaluation(
          rules,
          pipeline,
          { ...checks, loop: values.loop === true },
          (e, file) => report.error(e, file),
          (w) => io.stderr(`sigmaform match: warning: ${w.format()}\n`),
        )
      : engineEvaluation(rules, { ...checks, loop: values.loop === true, slim }, (e, file) => report.error(e, file));
    // Without correlations nothing needs the rules' trees any more (the engine keeps them slim).
    return { evaluate, correlations, documents: slim ? [] : documents, loaded, keep: correlatedRules(correlations, documents, rules) };
  })();
  await cache?.save();
  // Correlations need their rules' events at once (time-ordered windows), on this thread: it keeps them only then,
  // and only those (memory grows with the matches, not with the input).
  const kept: KeptEvent[] | undefined = correlations.length > 0 ? [] : undefined;
  if (kept !== undefined) {
    await workers?.close();
    workers = undefined;
  }
  const compiledAt = performance.now();
  const out = new Writer(io);
  // A status line on a terminal's stderr while the pairs go to a file or a pipe.
  const status = new StatusLine(io, io.stderrIsTTY === true && !io.isTTY, performance.now());
  let counts: { events: number; matches: number; unrouted: number };
  try {
    counts = await matchFiles(eventPaths, {
      cwd: io.cwd,
      ...(io.stdin !== undefined ? { stdin: io.stdin } : {}),
      evaluator: evaluate,
      format,
      ...(kept !== undefined ? { kept, ...(keep !== undefined ? { keep } : {}) } : {}),
      ...(workers !== undefined ? { workers } : {}),
      write: (text) => out.write(text),
      idle: () => out.flush(),
      error: (e) => {
        status.clear();
        report.error(e);
      },
      progress: (done) => status.update(done),
    });
  } finally {
    status.clear();
    await workers?.close();
  }
  out.flush();
  const matched = performance.now();
  // Rows that do not say their table met the queries of every table (-p, pipeline.ts): say so, and what to do.
  if (counts.unrouted > 0)
    io.stderr(
      `sigmaform match: warning: ${plural(counts.unrouted, 'event')} fired rules but ${counts.unrouted === 1 ? 'does' : 'do'} not say ${counts.unrouted === 1 ? 'its' : 'their'} table (no Type or EventSchema column), so the query of every table met ${counts.unrouted === 1 ? 'it' : 'them'}; give --table T for rows of one table (an Advanced Hunting export has no Type)\n`,
    );
  if (values.stats === true)
    io.stderr(
      stats(
        { started, loaded, compiledAt, matched },
        { rules: evaluate.names.length, compiled: evaluate.compiled, ...counts, threads: workers?.threads ?? 1 },
      ),
    );
  if (!values.jsonl) {
    const { compiled } = evaluate;
    const n = counts.events;
    io.stdout(
      `${counts.matches} match${counts.matches === 1 ? '' : 'es'} (${plural(compiled, 'rule')} × ${plural(n, 'event')}, ${plural(compiled * n, 'pair')})\n`,
    );
  }
  if (kept)
    correlationPass(
      correlations,
      documents,
      kept,
      io,
      {
        ...checks,
        ...(pipeline !== undefined ? { pipeline } : {}),
        jsonl: values.jsonl === true,
        timeFields: asList(values['timestamp-field']),
      },
      (e, file) => report.error(e, file),
    );
  return report.errors > 0 ? 1 : 0;
};
