/**
 * The events panel: does the rule match the pasted JSON event(s), and which selections fired. Uses the
 * library's evaluator on the rule as written (Sigma field names, before any pipeline). Never throws.
 */
import { loadRules, toSigmaError, type SigmaError, type SigmaRule } from '../../../src/index.js';
import { compileMatcher, parseEvents } from '../../../src/eval/index.js';
import { RULE_FILE } from './convert.js';

export const EVENTS_FILE = 'events.json';
/** Rows shown at most; the rest are counted. */
export const MAX_ROWS = 200;

export interface EventRow {
  /** 1-based number of the event in the pasted text. */
  readonly event: number;
  readonly rule: string;
  readonly match: boolean;
  readonly selections: readonly string[];
  readonly logsourceMismatch: boolean;
}

export type EventsOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly source: 'events' | 'rule'; readonly error: SigmaError }
  | { readonly kind: 'no-rules' }
  | { readonly kind: 'rows'; readonly rows: readonly EventRow[]; readonly total: number; readonly matches: number };

function rulesOf(ruleText: string): SigmaRule[] {
  return loadRules(ruleText, RULE_FILE).documents.filter((d): d is SigmaRule => d.kind === 'rule');
}

export function evaluateEvents(ruleText: string, eventsText: string, ignoreLogsource: boolean): EventsOutcome {
  if (eventsText.trim() === '') return { kind: 'empty' };
  let events: unknown[];
  try {
    events = parseEvents(eventsText, EVENTS_FILE);
  } catch (e) {
    return { kind: 'error', source: 'events', error: toSigmaError(e, { file: EVENTS_FILE }) };
  }
  if (events.length === 0) return { kind: 'empty' };
  try {
    const rules = rulesOf(ruleText);
    if (rules.length === 0) return { kind: 'no-rules' };
    const matchers = rules.map((r) => compileMatcher(r, { ignoreLogsource }));
    const rows: EventRow[] = [];
    let total = 0;
    let matches = 0;
    events.forEach((event, i) => {
      for (const matcher of matchers) {
        const result = matcher(event);
        total++;
        if (result.match) matches++;
        if (rows.length < MAX_ROWS) {
          rows.push({
            event: i + 1,
            rule: matcher.rule.title,
            match: result.match,
            selections: result.selections,
            logsourceMismatch: result.logsourceMismatch === true,
          });
        }
      }
    });
    return { kind: 'rows', rows, total, matches };
  } catch (e) {
    return { kind: 'error', source: 'rule', error: toSigmaError(e, { file: RULE_FILE }) };
  }
}
