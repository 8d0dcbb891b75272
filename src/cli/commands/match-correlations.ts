/**
 * The correlation pass of `sigmaform match`: every correlation rule of the rule files is evaluated with
 * `correlate()` over all the events given (one stream, ordered by each event's timestamp field), and each window
 * that fires is printed with its group and the events that made it.
 */
import type { SigmaCorrelation, SigmaDocument } from '../../rule/ast.js';
import { loadRules } from '../../rule/load.js';
import { applyFilters } from '../../rule/filters.js';
import { correlate, DEFAULT_TIME_FIELDS, type CorrelationHit } from '../../eval/correlate.js';
import { parseEvents } from '../../eval/events.js';
import type { CliIO } from '../io.js';
import { SigmaError } from '../../errors.js';
import { readUserFile } from '../../node/files.js';

export interface CorrelationPassOptions {
  readonly ignoreLogsource: boolean;
  readonly jsonl: boolean;
  /** Fields holding the event time, tried in order; default `DEFAULT_TIME_FIELDS`. */
  readonly timeFields?: readonly string[];
  /** Events also came from standard input, which the single-rule pass consumed: correlations cannot see them. */
  readonly stdinSkipped?: boolean;
}

/** The output of one firing window: where its events came from. */
interface EventRef {
  readonly file: string;
  readonly index: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function describeGroup(group: Readonly<Record<string, string>>): string {
  const parts = Object.entries(group).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return parts.length ? parts.join(' ') : '(no group-by)';
}

/**
 * Evaluates the correlations of `ruleFiles` over the events of `eventFiles`; prints the windows that fire.
 * Returns how many fired; errors (a rule that does not load, an event without a time) go to `onError`.
 */
export async function correlationPass(
  ruleFiles: readonly string[],
  eventFiles: readonly string[],
  io: CliIO,
  options: CorrelationPassOptions,
  onError: (e: unknown, file: string) => void,
): Promise<number> {
  const loaded: { file: string; documents: readonly SigmaDocument[] }[] = [];
  for (const file of ruleFiles) {
    try {
      loaded.push({ file, documents: loadRules(await readUserFile(file, io.cwd), file).documents });
    } catch {
      // Already reported by the rule pass.
    }
  }
  const all = loaded.flatMap((l) => l.documents);
  const correlations = loaded.flatMap(({ file, documents }) =>
    documents.filter((d): d is SigmaCorrelation => d.kind === 'correlation').map((c) => ({ file, correlation: c })),
  );
  if (correlations.length === 0) return 0;
  if (options.stdinSkipped)
    onError(
      new SigmaError(
        'io',
        'correlation rules are evaluated over event files only: the events read from standard input are not part of their window (give them as a file)',
      ),
      '-',
    );
  const documents = all.some((d) => d.kind === 'filter') ? applyFilters(all).documents : all;

  const events: unknown[] = [];
  const refs: EventRef[] = [];
  for (const file of eventFiles) {
    try {
      parseEvents(await readUserFile(file, io.cwd), file).forEach((e, index) => {
        events.push(e);
        refs.push({ file, index });
      });
    } catch {
      // Already reported by the rule pass.
    }
  }

  const timeFields = options.timeFields?.length ? options.timeFields : DEFAULT_TIME_FIELDS;
  let fired = 0;
  for (const { file, correlation } of correlations) {
    let hits: CorrelationHit[];
    try {
      hits = correlate(correlation, events, { documents, ignoreLogsource: options.ignoreLogsource, timeFields });
    } catch (e) {
      onError(e, file);
      continue;
    }
    const name = correlation.name ?? correlation.id ?? correlation.title;
    for (const hit of hits) {
      fired++;
      const made = hit.events.map((i) => refs[i]).filter((r): r is EventRef => r !== undefined);
      if (options.jsonl) {
        io.stdout(
          JSON.stringify({
            correlation: name,
            title: correlation.title,
            rule: file,
            type: correlation.type,
            group: hit.group,
            start: iso(hit.start),
            end: iso(hit.end),
            value: hit.value,
            events: made.map((r) => ({ event: r.file, index: r.index })),
          }) + '\n',
        );
        continue;
      }
      io.stdout(
        `CORRELATION  ${name}  ${file}  ${correlation.type} ${describeGroup(hit.group)}  ${iso(hit.start)} … ${iso(hit.end)}  value ${hit.value}\n` +
          made.map((r) => `    ${r.file}#${r.index}\n`).join(''),
      );
    }
  }
  if (!options.jsonl) {
    io.stdout(
      `${fired} correlation window${fired === 1 ? '' : 's'} fired (${correlations.length} correlation rule${correlations.length === 1 ? '' : 's'})\n`,
    );
  }
  return fired;
}
