/**
 * The correlation pass of `sigmaform match`: every correlation rule of the rule files is evaluated with
 * `correlate()` over all the events given (one stream, ordered by each event's timestamp field), and each window
 * that fires is printed with its group and the events that made it.
 */
import type { SigmaDocument } from '../../rule/ast.js';
import { matchOptionsOf, type LogsourceChoice } from '../../node/match-eval.js';
import type { Pipeline } from '../../pipeline/index.js';
import { correlate, DEFAULT_TIME_FIELDS, type CorrelationHit } from '../../eval/correlate.js';
import type { CliIO } from '../io.js';
import { plural } from '../summary.js';
import type { CorrelationOf } from '../../node/match-rules.js';
import type { KeptEvent } from '../../node/match-run.js';

export type { CorrelationOf, KeptEvent };

export interface CorrelationPassOptions extends LogsourceChoice {
  /** `-p`: events are rows of the target's tables; correlations are evaluated as the pipeline converts them. */
  readonly pipeline?: Pipeline;
  readonly jsonl: boolean;
  /** Fields holding the event time, tried in order; default `DEFAULT_TIME_FIELDS`. */
  readonly timeFields?: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

function describeGroup(group: Readonly<Record<string, string>>): string {
  const parts = Object.entries(group).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return parts.length ? parts.join(' ') : '(no group-by)';
}

/**
 * Evaluates `correlations` (whose rules are among `documents`) over the events the rule pass read; prints the
 * windows that fire. Returns how many fired; errors (an event without a time …) go to `onError`.
 */
export function correlationPass(
  correlations: readonly CorrelationOf[],
  documents: readonly SigmaDocument[],
  kept: readonly KeptEvent[],
  io: CliIO,
  options: CorrelationPassOptions,
  onError: (e: unknown, file: string) => void,
): number {
  if (correlations.length === 0) return 0;
  const events = kept.map((k) => k.event);

  const timeFields = options.timeFields?.length ? options.timeFields : DEFAULT_TIME_FIELDS;
  let fired = 0;
  for (const { file, correlation } of correlations) {
    let hits: CorrelationHit[];
    try {
      hits = correlate(correlation, events, {
        documents,
        ...matchOptionsOf(options),
        ...(options.pipeline !== undefined ? { pipeline: options.pipeline } : {}),
        timeFields,
      });
    } catch (e) {
      onError(e, file);
      continue;
    }
    const name = correlation.name ?? correlation.id ?? correlation.title;
    for (const hit of hits) {
      fired++;
      const made = hit.events.map((i) => kept[i]).filter((r): r is KeptEvent => r !== undefined);
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
    io.stdout(`${plural(fired, 'correlation window')} fired (${plural(correlations.length, 'correlation rule')})\n`);
  }
  return fired;
}
