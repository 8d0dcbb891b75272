/**
 * Node-only: what `sigmaform match` evaluates events with, built the same way by the command and by its worker
 * threads (match-worker.ts): the engine over the rules, or with a pipeline an engine per set of computed fields
 * over the processed rules; `--loop` tries every rule on every event instead.
 */
import { SigmaError } from '../errors.js';
import type { IndexedEvent } from '../eval/fields.js';
import { convertsToNothing, type Matcher, type MatchOptions } from '../eval/match.js';
import { compileEngine } from '../eval/engine.js';
import {
  applyPipelineForMatch,
  compilePipelineMatcher,
  extension,
  isAsimParser,
  onTableOnly,
  queryTable,
  rowSaysTable,
  rowTable,
  tableFilter,
  withExtension,
  type PipelineRule,
} from '../eval/pipeline.js';
import type { ComputedField, Pipeline } from '../pipeline/index.js';
import { detectionItems } from '../pipeline/walk.js';
import type { LoadedRule } from './match-rules.js';
import type { BatchEvaluator } from './match-run.js';

/**
 * How events meet the rules: logsources checked or not (`--ignore-logsource`), what events that do not say are
 * (`--logsource`), whether `null` matches an empty string (the `-p` pipelines' target).
 */
export interface LogsourceChoice {
  readonly ignoreLogsource: boolean;
  readonly logsource?: MatchOptions['logsource'];
  /** What table rows that do not say theirs come from (`--table`, with `-p`). */
  readonly table?: string;
  readonly nullMatchesEmpty?: boolean;
}

/** The MatchOptions of a choice. */
export function matchOptionsOf(
  choice: LogsourceChoice,
): Pick<MatchOptions, 'ignoreLogsource' | 'logsource' | 'table' | 'nullMatchesEmpty'> {
  return {
    ignoreLogsource: choice.ignoreLogsource,
    ...(choice.logsource !== undefined ? { logsource: choice.logsource } : {}),
    ...(choice.table !== undefined ? { table: choice.table } : {}),
    ...(choice.nullMatchesEmpty === false ? { nullMatchesEmpty: false } : {}),
  };
}

/** What `match` evaluates events with: rules in, pairs out. */
export interface Evaluation extends BatchEvaluator {
  /** Rules that could be compiled. */
  readonly compiled: number;
}

/**
 * The rules with a pipeline applied (`-p`), compiled into engines over the processed rules (the target's field
 * names): one per set of computed fields the rules declare, each on the event extended with its fields (once per
 * event and set; most rules have none). `--loop`: every rule on its own. A rule's warnings are printed when it
 * compiles, its error otherwise.
 */
export function pipelineEvaluation(
  rules: readonly LoadedRule[],
  pipeline: Pipeline,
  options: LogsourceChoice & { readonly loop: boolean },
  onError: (e: unknown, file: string) => void,
  onWarning: (warning: SigmaError) => void,
): Evaluation {
  const { loop } = options;
  const checks = matchOptionsOf(options);
  const failed = new Map<number, unknown>();
  const processed = rules.map((r, i): PipelineRule | undefined => {
    try {
      return applyPipelineForMatch(r.rule, pipeline);
    } catch (e) {
      failed.set(i, e);
      return undefined;
    }
  });
  const matchers: (Matcher | undefined)[] = rules.map(() => undefined);
  // Rules that read computed fields share one extension with all of theirs, so that an event is extended once for
  // them rather than once per set (with microsoft_xdr's five sets, that was 30 % of its rate). A field a rule
  // does not read changes nothing for it, unless the rule searches keywords (they would meet its value) or defines
  // a name another way: such a rule keeps an extension of its own fields.
  const shared = new Map<string, { readonly field: ComputedField; readonly text: string }>();
  const sharing = (p: PipelineRule): boolean =>
    p.computed.length > 0 &&
    ![...detectionItems(p.rule)].some((item) => item.field === null) &&
    p.computed.every((f) => {
      const known = shared.get(f.name);
      return known === undefined || known.text === JSON.stringify(f.expression);
    });
  const shares = processed.map((p) => {
    if (p === undefined || loop || !sharing(p)) return false;
    for (const f of p.computed) shared.set(f.name, { field: f, text: JSON.stringify(f.expression) });
    return true;
  });
  const sharedExtension = extension([...shared.values()].map((f) => f.field));
  // Rules by the computed fields they are evaluated with (the same definitions extend an event the same way).
  const groups = new Map<string, { readonly extend: (event: unknown) => unknown; readonly at: number[] }>();
  processed.forEach((p, i) => {
    if (p === undefined) return;
    if (loop) {
      try {
        matchers[i] = compilePipelineMatcher(p, pipeline, { ...checks, memo: false });
      } catch (e) {
        failed.set(i, e);
      }
      return;
    }
    const key = shares[i] === true ? 'shared' : JSON.stringify(p.computed);
    const group = groups.get(key);
    if (group) group.at.push(i);
    else groups.set(key, { extend: shares[i] === true ? sharedExtension : p.extend, at: [i] });
  });
  const engines = [...groups.values()].map(({ extend, at }) => {
    const engine = compileEngine(
      at.map((i) => (processed[i] as PipelineRule).rule),
      { ...checks, slim: true },
    );
    at.forEach((i, k) => {
      const error = engine.errors.get(k);
      const m = engine.matcher(k);
      if (error !== undefined) failed.set(i, error);
      else if (m !== undefined) matchers[i] = (processed[i] as PipelineRule).computed.length === 0 ? m : withExtension(m, extend);
    });
    // The tables its rules' queries read, when each reads one table directly (not through an ASIM parser, whose
    // rows keep other tables' Type): a row of another table meets none of them, so it is not extended for them.
    const read = at.map((i) => queryTable(processed[i] as PipelineRule));
    const tables = read.every((t) => t !== undefined && !isAsimParser(t)) ? new Set(read as string[]) : undefined;
    return { engine, extend, at, tables };
  });
  rules.forEach((r, i) => {
    const file = r.rule.source.file ?? r.name;
    if (failed.has(i)) onError(failed.get(i), file);
    else {
      const p = processed[i] as PipelineRule;
      for (const w of p.warnings) onWarning(new SigmaError('unsupported', w.message, { file, ...w.location }));
      // As `convert` says of it: the target gets no query, so the rule never fires there.
      if (convertsToNothing(p.rule))
        onWarning(
          new SigmaError(
            'unsupported',
            `rule '${r.rule.title}' converted to no query (the pipeline left nothing to search for); it never fires`,
            { file, line: r.rule.source.line ?? 1, column: r.rule.source.column ?? 1 },
          ),
        );
    }
  });
  // A table no query reads: every row without a Type would meet no rule (a misspelt name, or the wrong -p).
  const tables = new Set<string>();
  for (const p of processed) {
    const table = p === undefined ? undefined : queryTable(p);
    if (table !== undefined) tables.add(table);
  }
  if (options.table !== undefined && !tables.has(options.table))
    onWarning(
      new SigmaError(
        'unsupported',
        tables.size > 0
          ? `--table ${options.table}: no rule's query reads that table under this pipeline (they read ${[...tables].sort().join(', ')}), so rows that do not say their table meet no rule`
          : `--table ${options.table}: the queries of this pipeline read no table (they search an index or a data model), so --table changes nothing`,
      ),
    );
  const names = rules.map((r) => r.name);
  const compiled = matchers.filter((m) => m !== undefined).length;
  // Rows that say nothing of their table meet every rule's query: counted when they fire rules and the queries
  // read several tables (`match` then suggests --table).
  let unrouted = 0;
  const watched = options.table === undefined && tables.size > 1;
  const counted = (ev: IndexedEvent, out: readonly number[]): readonly number[] => {
    if (watched && out.length > 0 && !rowSaysTable(ev)) unrouted++;
    return out;
  };
  const unroutedSoFar = (): number => unrouted;
  // compilePipelineMatcher routes rows by table itself.
  if (loop) {
    const every = everyRule(matchers);
    return { ...every, fired: (ev) => counted(ev, every.fired(ev)), names, compiled, unrouted: unroutedSoFar };
  }
  // Rows that say their table meet only the rules whose query reads it.
  const assumedTable = options.table !== undefined && !isAsimParser(options.table) ? options.table : undefined;
  const onTable = tableFilter(
    processed.map((p) => (p === undefined ? undefined : queryTable(p))),
    options.table,
  );
  const byTable = (ev: IndexedEvent, out: readonly number[]): readonly number[] =>
    onTable === undefined ? out : out.filter((r) => onTable(ev, r));
  // The matchers printed from: a row of another table than a rule's query reads never matches it.
  const shown = onTable === undefined ? matchers : matchers.map((m, i) => (m === undefined ? m : onTableOnly(m, (ev) => onTable(ev, i))));
  // The closures below share this scope: the processed rules (their trees) would otherwise live as long as they.
  processed.length = 0;
  failed.clear();
  groups.clear();
  return {
    fired: (ev) => {
      const out: number[] = [];
      const table = rowTable(ev) ?? assumedTable;
      for (const { engine, extend, at, tables } of engines) {
        if (table !== undefined && tables !== undefined && !tables.has(table)) continue;
        for (const k of engine.matches(extend(ev))) out.push(at[k] as number);
      }
      // One engine's positions are ascending already; several interleave.
      return counted(ev, byTable(ev, engines.length > 1 ? out.sort((a, b) => a - b) : out));
    },
    matcher: (i) => shown[i],
    names,
    compiled,
    unrouted: unroutedSoFar,
  };
}

/** Every rule tried on every event, one by one. */
function everyRule(matchers: readonly (Matcher | undefined)[]): Pick<BatchEvaluator, 'fired' | 'matcher'> {
  return {
    fired: (ev) => {
      const out: number[] = [];
      matchers.forEach((m, i) => {
        if (m?.test(ev)) out.push(i);
      });
      return out;
    },
    matcher: (i) => matchers[i],
  };
}

/**
 * The engine (the default), or `match()`'s loop over every rule (`--loop`: the reference, for comparison,
 * remembering nothing: see memo.ts). The
 * engine keeps the rules slim: without correlations nothing needs their trees once compiled.
 */
export function engineEvaluation(
  rules: readonly LoadedRule[],
  options: LogsourceChoice & { readonly loop: boolean; readonly slim: boolean },
  onError: (e: unknown, file: string) => void,
): Evaluation {
  const { loop, slim } = options;
  const engine = compileEngine(
    rules.map((r) => r.rule),
    { ...matchOptionsOf(options), slim, ...(loop ? { routing: false, prefilter: false, memo: false } : {}) },
  );
  for (const [i, error] of engine.errors) onError(error, (rules[i] as LoadedRule).rule.source.file ?? (rules[i] as LoadedRule).name);
  const compiled = rules.length - engine.errors.size;
  const names = rules.map((r) => r.name);
  if (!loop) return { fired: engine.matches, matcher: engine.matcher, names, compiled };
  return { ...everyRule(rules.map((_, i) => engine.matcher(i))), names, compiled };
}
