/**
 * Rule test cases: events a rule (or a correlation) must or must not fire on, evaluated without a SIEM. The
 * `test` command finds the cases (SigmaHQ's regression layout, sigmaform test files); this module runs one.
 */
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from '../rule/ast.js';
import { toSigmaError } from '../errors.js';
import { compileMatcher, type MatchOptions } from './match.js';
import { correlate } from './correlate.js';
import { compilePipelineMatcher } from './pipeline.js';
import type { Pipeline } from '../pipeline/index.js';

/** How cases run: MatchOptions, and a pipeline (`test -p`) when the events are rows of a target's tables. */
export interface CaseOptions extends MatchOptions {
  /** The rules are evaluated as the pipeline converts them (`match -p`): a rule the pipeline refuses is an error. */
  readonly pipeline?: Pipeline;
}

/**
 * What a case expects: `each` — every event fires the rule (match true) or none does (false); for a
 * correlation, the sequence fires at least once (true) or never (false). `count` — so many events fire the
 * rule (windows fire the correlation), exactly or at least.
 */
export type Expectation =
  { readonly kind: 'each'; readonly match: boolean } | { readonly kind: 'count'; readonly count: number; readonly atLeast?: boolean };

export interface TestCase {
  /** The suite the case belongs to (a test file or a regression folder), as the reports name it. */
  readonly suite: string;
  readonly name: string;
  readonly target: SigmaRule | SigmaCorrelation;
  /** The documents a correlation's rule references are resolved in. */
  readonly documents?: readonly SigmaDocument[];
  readonly events: readonly unknown[];
  readonly expect: Expectation;
}

export interface CaseOutcome {
  readonly suite: string;
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'error' | 'skipped';
  /** One line: why it failed, errored or was skipped. */
  readonly message?: string;
  /** Several lines: what fired on which event. */
  readonly detail?: string;
  readonly ms: number;
}

function expected(e: Expectation, correlation: boolean): string {
  if (e.kind === 'count')
    return `${e.atLeast === true ? 'at least ' : ''}${e.count} ${correlation ? 'window(s) firing' : 'matching event(s)'}`;
  if (correlation) return e.match ? 'the correlation to fire' : 'the correlation not to fire';
  return e.match ? 'every event to match' : 'no event to match';
}

function verdict(e: Expectation, fired: number, total: number, correlation: boolean): boolean {
  if (e.kind === 'count') return e.atLeast === true ? fired >= e.count : fired === e.count;
  if (correlation) return e.match ? fired > 0 : fired === 0;
  return e.match ? fired === total : fired === 0;
}

/** Runs one case. Never throws: a rule that cannot be evaluated is an `error` outcome. */
export function runCase(c: TestCase, options: CaseOptions = {}, now: () => number = () => 0): CaseOutcome {
  const t0 = now();
  const base = { suite: c.suite, name: c.name };
  const correlation = c.target.kind === 'correlation';
  try {
    let fired: number;
    let detail: string;
    if (c.target.kind === 'correlation') {
      const hits = correlate(c.target, c.events, { ...options, documents: c.documents ?? [] });
      fired = hits.length;
      detail = hits.map((h) => `window ${new Date(h.start).toISOString()}: events ${h.events.join(', ')} (${h.value})`).join('\n');
    } else {
      const matcher =
        options.pipeline !== undefined ? compilePipelineMatcher(c.target, options.pipeline, options) : compileMatcher(c.target, options);
      const results = c.events.map((e) => matcher(e));
      fired = results.filter((r) => r.match).length;
      detail = results
        .map(
          (r, i) =>
            `event ${i}: ${r.match ? 'match' : 'no match'}${r.logsourceMismatch ? ' (another log source)' : r.selections.length > 0 ? ` [${r.selections.join(', ')}]` : ''}`,
        )
        .join('\n');
    }
    const ok = verdict(c.expect, fired, c.events.length, correlation);
    const what = correlation ? `${fired} window(s) fired` : `${fired} of ${c.events.length} event(s) matched`;
    return {
      ...base,
      status: ok ? 'passed' : 'failed',
      ...(ok ? {} : { message: `${what}, expected ${expected(c.expect, correlation)}` }),
      detail,
      ms: now() - t0,
    };
  } catch (e) {
    return { ...base, status: 'error', message: toSigmaError(e).format(), ms: now() - t0 };
  }
}
