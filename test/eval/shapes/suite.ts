/**
 * The shaped-events suite: every SigmaHQ regression event (Sysmon) on which its rule fires is rewritten into the
 * row of the target table (shapes written from the vendors' schema documentation, not from our pipelines), and
 * the rule, with the named pipeline applied, must fire on that row: the converted query fires where the rule
 * lands. A near miss — the same Sysmon event with one field the rule reads changed so that the rule no longer
 * fires on it — must not fire on its row either.
 */
import { readFileSync } from 'node:fs';
import { loadRules } from '../../../src/rule/load.js';
import type { SigmaRule } from '../../../src/rule/ast.js';
import { compileMatcher, type Matcher } from '../../../src/eval/match.js';
import { compilePipelineMatcher } from '../../../src/eval/pipeline.js';
import { getNamedPipeline } from '../../../src/backend.js';
import { detectionItems } from '../../../src/pipeline/walk.js';
import { toSigmaError } from '../../../src/errors.js';
import '../../../src/index.js';
import { HAVE_SHARED, RULES_DIR, loadRegression, walk } from '../corpus.js';
import { sysmonRecord, type SysmonRecord } from './sysmon.js';

export { HAVE_SHARED };

export type Shape = (r: SysmonRecord) => [string, Record<string, string | number>] | undefined;

export interface ShapedCase {
  readonly name: string;
  readonly rulePath: string;
  readonly table: string;
  readonly original: unknown;
  readonly row: Record<string, string | number>;
  /** The near miss: the Sysmon event changed in one field so that the rule does not fire, and its row. */
  readonly nearMiss?: { readonly field: string; readonly row: Record<string, string | number> };
}

export interface ShapedRun {
  readonly cases: readonly ShapedCase[];
  /** Rules the pipeline refuses (with the reason), whose events are not counted. */
  readonly refused: readonly { readonly rulePath: string; readonly error: string }[];
  readonly matchers: ReadonlyMap<string, Matcher>;
}

let rulesById: Map<string, { rule: SigmaRule; path: string }> | undefined;

/** Only the rules that have regression data are parsed (found by their `id:` line). */
function regressionRules(ids: ReadonlySet<string>): Map<string, { rule: SigmaRule; path: string }> {
  if (rulesById) return rulesById;
  rulesById = new Map();
  for (const file of walk(RULES_DIR, (n) => /\.ya?ml$/.test(n))) {
    const text = readFileSync(file, 'utf8');
    const id = /^id:\s*(\S+)/m.exec(text)?.[1];
    if (id === undefined || !ids.has(id)) continue;
    for (const doc of loadRules(text, file).documents)
      if (doc.kind === 'rule' && doc.id === id) rulesById.set(id, { rule: doc, path: file.slice(RULES_DIR.length + 1) });
  }
  return rulesById;
}

const NEAR_MISS = 'sigmaform-near-miss';

/** The Sysmon event with EventData field `field` replaced. */
function withField(event: unknown, field: string, value: string): unknown {
  const e = event as { Event: { EventData: Record<string, unknown> } };
  return { ...e, Event: { ...e.Event, EventData: { ...e.Event.EventData, [field]: value } } };
}

export function shapedRun(pipelineName: string, shape: Shape): ShapedRun {
  const pipeline = getNamedPipeline(undefined, pipelineName);
  const regression = loadRegression();
  const rules = regressionRules(new Set(regression.flatMap((c) => c.ruleIds)));
  const cases: ShapedCase[] = [];
  const refused: { rulePath: string; error: string }[] = [];
  const matchers = new Map<string, Matcher>();
  for (const c of regression) {
    for (const id of c.ruleIds) {
      const entry = rules.get(id);
      if (!entry) continue;
      const original = compileMatcher(entry.rule);
      let shaped: Matcher | undefined;
      let error: string | undefined;
      for (const f of c.files) {
        f.events.forEach((event, i) => {
          const record = sysmonRecord(event);
          const shapedEvent = record ? shape(record) : undefined;
          if (!record || !shapedEvent || !original.test(event)) return;
          if (shaped === undefined && error === undefined) {
            try {
              shaped = compilePipelineMatcher(entry.rule, pipeline);
              matchers.set(entry.path, shaped);
            } catch (e) {
              error = toSigmaError(e).message;
              refused.push({ rulePath: entry.path, error });
            }
          }
          if (shaped === undefined) return;
          const fields = [...new Set([...detectionItems(entry.rule)].map((di) => di.field).filter((x): x is string => x !== null))];
          let nearMiss: ShapedCase['nearMiss'];
          for (const field of fields) {
            if (!(field in record.data)) continue;
            const changed = withField(event, field, NEAR_MISS);
            if (original.test(changed)) continue;
            const row = shape(sysmonRecord(changed) as SysmonRecord);
            if (row) nearMiss = { field, row: row[1] };
            break;
          }
          cases.push({
            name: `${entry.path} ${f.path}#${i}`,
            rulePath: entry.path,
            table: shapedEvent[0],
            original: event,
            row: shapedEvent[1],
            ...(nearMiss ? { nearMiss } : {}),
          });
        });
      }
    }
  }
  return { cases, refused, matchers };
}
