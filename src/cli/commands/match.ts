/** `sigmaform match`: test Sigma rules against JSON events, without any SIEM. */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { SigmaDocument, SigmaRule } from '../../rule/ast.js';
import { loadDocuments } from '../../rule/load.js';
import { applyFilters } from '../../rule/filters.js';
import { SigmaError, toSigmaError } from '../../errors.js';
import { compileMatcher, type Matcher } from '../../eval/match.js';
import { applyPipelineForMatch, compilePipelineMatcher } from '../../eval/pipeline.js';
import { resolvePipelines } from '../../convert.js';
import type { Pipeline } from '../../pipeline/index.js';
import { resolvePipelineArgs } from '../../node/pipelines.js';
import { indexEvent, type IndexedEvent } from '../../eval/fields.js';
import { parseEvents } from '../../eval/events.js';
import type { CliIO, Command } from '../io.js';
import { asList, parse } from '../args.js';
import { expandRulePaths, readUserFile, walkFiles } from '../../node/files.js';
import { correlationPass } from './match-correlations.js';

const HELP = `Usage: sigmaform match [OPTIONS] RULE.yml EVENTS...
       sigmaform match [OPTIONS] -r RULES [-r RULES...] EVENTS...

Tests Sigma rules against JSON events. An events file holds one JSON object, a JSON array of objects, JSON
lines, or several JSON objects one after another; a folder is searched recursively for *.json, *.jsonl and
*.ndjson. Windows events in the evtx JSON form (Event.System / Event.EventData) are understood, as are flat
and dotted (ECS-style) events.

Options:
  -r, --rules PATH      rule file or folder (searched recursively for *.yml/*.yaml); repeatable
  -p, --pipeline NAME|FILE
                        apply a processing pipeline (named, e.g. microsoft_xdr, or a pySigma pipeline YAML;
                        repeatable) before evaluating: events are then rows of the target's tables
                        (DeviceProcessEvents, imRegistry …) and a rule fires where its converted query would.
                        A rule the pipeline refuses is an error; alternatives it leaves out are warnings
  --ignore-logsource    evaluate every rule on every event, even when the event says it comes from another
                        log source (a Sysmon EventID 1 is process_creation, so a registry rule never fires on it)
  --jsonl               one JSON line per pair: {"rule": RULE, "event": FILE, "index": I, "match": true|false}
  --all                 with -r: also print the pairs that do not match (without -r every pair is printed)
  --timestamp-field F   correlation rules: the field holding each event's time (ISO 8601 or epoch seconds or
                        milliseconds); repeatable, tried in order (default: @timestamp, timestamp, TimeCreated,
                        SystemTime, UtcTime, _time, TimeGenerated, Timestamp, time)
  -h, --help            this help

Correlation rules among the rules (event_count, value_count, temporal, temporal_ordered, value_*; chains and
extended conditions) are evaluated over all the events given, ordered by time: each window that fires is printed
(CORRELATION, its group-by values, start and end, the aggregate, and the events that made it; with --jsonl
{"correlation", "rule", "type", "group", "start", "end", "value", "events": [{"event", "index"}]}).

Regular expressions run on a linear-time engine (RE2 via re2js): no rule can hang the evaluator.
Exit status: 0 when everything could be read and evaluated (whether or not anything matched), 1 when a rule
or an events file had an error (reported on stderr, the rest is still evaluated), 2 on a usage error.
`;

const EVENT_FILE = /\.(json|jsonl|ndjson)$/i;

interface LoadedRule {
  /** How the rule is named in the output: its file, with `#k` when the file holds several rules. */
  readonly name: string;
  readonly rule: SigmaRule;
  readonly matcher: Matcher;
}

interface LoadedEvents {
  readonly file: string;
  readonly events: readonly IndexedEvent[];
}

/** Events arguments → files (folders expanded), as given relative to cwd. */
async function eventFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
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

async function loadRuleFiles(
  files: readonly string[],
  io: CliIO,
  ignoreLogsource: boolean,
  report: Reporter,
  pipeline: Pipeline | undefined,
): Promise<LoadedRule[]> {
  // Load every file first: a filter document applies to the rules it names in any of the files.
  const loaded: { file: string; documents: readonly SigmaDocument[] }[] = [];
  for (const file of files) {
    try {
      // Each document on its own: one that does not load is reported, the others of its file are evaluated.
      const { documents, errors } = loadDocuments(await readUserFile(file, io.cwd), file);
      for (const e of errors) report.error(e, file);
      loaded.push({ file, documents });
    } catch (e) {
      report.error(e, file);
    }
  }
  const all = loaded.flatMap((l) => l.documents);
  const filtered = all.some((d) => d.kind === 'filter') ? applyFilters(all).rewritten : undefined;
  const out: LoadedRule[] = [];
  for (const { file, documents } of loaded) {
    const rules = documents.map((d) => filtered?.get(d) ?? d).filter((d): d is SigmaRule => d.kind === 'rule');
    rules.forEach((rule, k) => {
      try {
        const matcher = pipeline ? compilePipelineMatcher(rule, pipeline, { ignoreLogsource }) : compileMatcher(rule, { ignoreLogsource });
        for (const w of pipeline ? applyPipelineForMatch(rule, pipeline).warnings : [])
          io.stderr(`sigmaform match: warning: ${new SigmaError('unsupported', w.message, { file, ...w.location }).format()}\n`);
        out.push({ name: rules.length > 1 ? `${file}#${k}` : file, rule, matcher });
      } catch (e) {
        report.error(e, file);
      }
    });
  }
  return out;
}

async function loadEventFiles(files: readonly string[], io: CliIO, report: Reporter): Promise<LoadedEvents[]> {
  const out: LoadedEvents[] = [];
  for (const file of files) {
    try {
      out.push({ file, events: parseEvents(await readUserFile(file, io.cwd), file).map(indexEvent) });
    } catch (e) {
      report.error(e, file);
    }
  }
  return out;
}

export const matchCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    rules: { type: 'string', short: 'r', multiple: true },
    pipeline: { type: 'string', short: 'p', multiple: true },
    'ignore-logsource': { type: 'boolean' },
    jsonl: { type: 'boolean' },
    all: { type: 'boolean' },
    'timestamp-field': { type: 'string', multiple: true },
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
  const ruleFiles = many ? await expandRulePaths(ruleArgs, io.cwd) : [first as string];
  let pipeline: Pipeline | undefined;
  try {
    pipeline = resolvePipelines(undefined, await resolvePipelineArgs(asList(values.pipeline), io.cwd));
  } catch (e) {
    io.stderr(`sigmaform match: ${toSigmaError(e).format()}\n`);
    return 2;
  }
  const rules = await loadRuleFiles(ruleFiles, io, values['ignore-logsource'] === true, report, pipeline);
  const eventPaths = await eventFiles(eventArgs, io.cwd);
  const eventSets = await loadEventFiles(eventPaths, io, report);
  const printAll = !many || values.all === true;
  let pairs = 0;
  let matches = 0;
  for (const { name, matcher } of rules) {
    for (const { file, events } of eventSets) {
      events.forEach((ev, index) => {
        pairs++;
        const matched = matcher.test(ev);
        if (matched) matches++;
        if (!matched && !printAll) return;
        if (values.jsonl) {
          io.stdout(JSON.stringify({ rule: name, event: file, index, match: matched }) + '\n');
          return;
        }
        const result = matcher(ev);
        const detail = result.logsourceMismatch
          ? '  (logsource: the event is from another log source)'
          : result.selections.length > 0
            ? `  [${result.selections.join(', ')}]`
            : '';
        io.stdout(`${matched ? 'MATCH   ' : 'no match'}  ${name}  ${file}#${index}${detail}\n`);
      });
    }
  }
  if (!values.jsonl) {
    const eventCount = eventSets.reduce((n, s) => n + s.events.length, 0);
    io.stdout(
      `${matches} match${matches === 1 ? '' : 'es'} (${rules.length} rule${rules.length === 1 ? '' : 's'} × ${eventCount} event${eventCount === 1 ? '' : 's'}, ${pairs} pairs)\n`,
    );
  }
  await correlationPass(
    ruleFiles,
    eventPaths,
    io,
    { ignoreLogsource: values['ignore-logsource'] === true, jsonl: values.jsonl === true, timeFields: asList(values['timestamp-field']) },
    (e, file) => report.error(e, file),
  );
  return report.errors > 0 ? 1 : 0;
};
