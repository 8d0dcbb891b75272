/**
 * Fields per log source, before and after a processing pipeline: what the rules name (Sigma taxonomy) and what
 * the SIEM must then have (the pipeline's field names), plus the conditions the pipeline adds (`EventID`,
 * `sourcetype` …). A rule the pipeline refuses (rule_failure) is counted, not hidden.
 */
import type { Detection, DetectionItem, SigmaDocument, SigmaRule } from '../rule/ast.js';
import { applyPipeline } from '../pipeline/apply.js';
import type { Pipeline } from '../pipeline/types.js';
import { toSigmaError } from '../errors.js';
import { logsourceLabel } from './logsource.js';

export interface FieldUse {
  /** The field as the rules write it. */
  readonly field: string;
  /** Number of rules of this log source that use it. */
  readonly rules: number;
  /** The names the pipeline turns it into (the field itself when no pipeline or no mapping). */
  readonly mapped: readonly string[];
}

export interface LogsourceFields {
  readonly product: string | null;
  readonly category: string | null;
  readonly service: string | null;
  readonly rules: number;
  /** Rules the pipeline refused, with the first reason. */
  readonly refused: number;
  readonly refusal?: string;
  /** Fields as written, in name order. */
  readonly fields: readonly FieldUse[];
  /** Every field name the converted rules read (mapped fields and pipeline-added conditions), in name order. */
  readonly after: readonly string[];
  /** Fields that only the pipeline adds (conditions such as `EventID` or `sourcetype`). */
  readonly added: readonly string[];
}

function items(detection: Detection, out: DetectionItem[] = []): DetectionItem[] {
  for (const node of detection.items) {
    if (node.kind === 'item') out.push(node);
    else items(node, out);
  }
  return out;
}

function ruleItems(rule: SigmaRule): DetectionItem[] {
  const out: DetectionItem[] = [];
  for (const d of rule.detection.selections.values()) items(d, out);
  return out;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Acc {
  product: string | null;
  category: string | null;
  service: string | null;
  rules: number;
  refused: number;
  refusal?: string;
  fields: Map<string, { rules: number; mapped: Set<string> }>;
  after: Set<string>;
  added: Set<string>;
}

/** The field report of a rule set, one entry per log source (most rules first); `pipeline` is optional. */
export function fieldReport(documents: readonly SigmaDocument[], pipeline?: Pipeline): LogsourceFields[] {
  const groups = new Map<string, Acc>();
  for (const doc of documents) {
    if (doc.kind !== 'rule') continue;
    const { product = null, category = null, service = null } = doc.logsource;
    const key = JSON.stringify([product, category, service]);
    let acc = groups.get(key);
    if (!acc) {
      acc = { product, category, service, rules: 0, refused: 0, fields: new Map(), after: new Set(), added: new Set() };
      groups.set(key, acc);
    }
    acc.rules++;
    const before = new Set<string>();
    for (const item of ruleItems(doc)) if (item.field !== null) before.add(item.field);
    for (const field of before) {
      const entry = acc.fields.get(field) ?? { rules: 0, mapped: new Set<string>() };
      entry.rules++;
      acc.fields.set(field, entry);
    }
    let processed: SigmaRule = doc;
    if (pipeline) {
      try {
        processed = applyPipeline(pipeline, doc).rule;
      } catch (e) {
        acc.refused++;
        acc.refusal ??= toSigmaError(e).message;
        continue;
      }
    }
    for (const item of ruleItems(processed)) {
      if (item.field === null) continue;
      acc.after.add(item.field);
      const original = item.originalField;
      const entry = original !== null ? acc.fields.get(original) : undefined;
      // An item the pipeline built without a source item (add_condition) has no location of its own.
      if (entry && (item.location || original !== item.field || before.has(original))) entry.mapped.add(item.field);
      else acc.added.add(item.field);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.rules - a.rules || byName(logsourceLabel(a), logsourceLabel(b)))
    .map((g) =>
      Object.freeze({
        product: g.product,
        category: g.category,
        service: g.service,
        rules: g.rules,
        refused: g.refused,
        ...(g.refusal !== undefined ? { refusal: g.refusal } : {}),
        fields: Object.freeze(
          [...g.fields.entries()]
            .sort(([a], [b]) => byName(a, b))
            .map(([field, { rules, mapped }]) =>
              Object.freeze({ field, rules, mapped: Object.freeze(mapped.size ? [...mapped].sort(byName) : pipeline ? [] : [field]) }),
            ),
        ),
        after: Object.freeze([...g.after].sort(byName)),
        added: Object.freeze([...g.added].sort(byName)),
      }),
    );
}

/** The report as text: one block per log source, `field -> mapped` lines. */
export function fieldReportText(report: readonly LogsourceFields[], pipelineName?: string): string {
  const out: string[] = [];
  for (const g of report) {
    const reason = (g.refusal ?? '').split('\n')[0] ?? '';
    const short = reason.length > 160 ? `${reason.slice(0, 157)}...` : reason;
    const refused = g.refused ? `, ${g.refused} refused by the pipeline, e.g.: ${short}` : '';
    out.push(`${logsourceLabel(g)} (${g.rules} rule${g.rules === 1 ? '' : 's'}${refused})`);
    for (const f of g.fields) {
      const mapped = pipelineName === undefined ? '' : ` -> ${f.mapped.length ? f.mapped.join(', ') : '(not in any converted rule)'}`;
      out.push(`  ${f.field}${mapped}  [${f.rules}]`);
    }
    if (g.added.length) out.push(`  + added by the pipeline: ${g.added.join(', ')}`);
    if (pipelineName !== undefined) out.push(`  = the SIEM must have: ${g.after.join(', ') || '(none)'}`);
    out.push('');
  }
  return out.join('\n');
}
