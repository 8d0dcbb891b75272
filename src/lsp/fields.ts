/**
 * The field names a processing pipeline maps for a log source, found by asking the pipeline itself: every field
 * its mappings name is put in a one-item probe rule with the document's log source, and the pipeline's output
 * says what it becomes (or that the pipeline refuses it). Pipeline-specific shapes (pySigma's field_name_mapping,
 * Kusto's table mappings) only supply the candidates; the pipeline decides.
 */
import type { DetectionItem, Detection, Logsource, SigmaRule } from '../rule/ast.js';
import type { Pipeline } from '../pipeline/types.js';
import { applyPipeline } from '../pipeline/apply.js';
import { loadRuleList } from '../rule/load.js';

export interface PipelineField {
  readonly field: string;
  /** What the pipeline turns it into (several for one-to-many mappings); the field itself when unchanged. */
  readonly mapped: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field names the pipeline's items name as the source of a mapping. */
export function mappingCandidates(pipeline: Pipeline): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (isRecord(value)) {
      if (key === 'mapping') for (const k of Object.keys(value)) out.add(k);
      else if (key === 'table_mappings')
        for (const table of Object.values(value)) if (isRecord(table)) for (const k of Object.keys(table)) out.add(k);
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  for (const item of pipeline.items) visit(item.definition);
  return [...out].filter((f) => f !== '' && !f.includes('|')).sort();
}

function items(d: Detection, out: DetectionItem[] = []): DetectionItem[] {
  for (const n of d.items)
    if (n.kind === 'item') out.push(n);
    else items(n, out);
  return out;
}

function probe(field: string, logsource: Logsource): SigmaRule | undefined {
  const ls: Record<string, string> = {};
  if (logsource.product) ls.product = logsource.product;
  if (logsource.category) ls.category = logsource.category;
  if (logsource.service) ls.service = logsource.service;
  const text = JSON.stringify({ title: 'probe', logsource: ls, detection: { sel: { [field]: 'x' }, condition: 'sel' } });
  try {
    return loadRuleList(text)[0];
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<Pipeline, Map<string, readonly PipelineField[]>>();

/**
 * The fields the pipeline accepts for this log source and what each becomes, in name order. `extra` adds
 * candidates (the fields the document already uses). Fields the pipeline refuses for this log source are left out.
 */
export function pipelineFields(pipeline: Pipeline, logsource: Logsource, extra: readonly string[] = []): readonly PipelineField[] {
  const key = JSON.stringify([logsource.product ?? null, logsource.category ?? null, logsource.service ?? null, [...extra].sort()]);
  let byLogsource = cache.get(pipeline);
  if (!byLogsource) cache.set(pipeline, (byLogsource = new Map()));
  const known = byLogsource.get(key);
  if (known) return known;
  const out: PipelineField[] = [];
  for (const field of new Set([...mappingCandidates(pipeline), ...extra])) {
    const rule = probe(field, logsource);
    if (!rule) continue;
    let result: SigmaRule;
    try {
      result = applyPipeline(pipeline, rule).rule;
    } catch {
      continue; // refused for this log source (rule_failure, detection_item_failure, invalid_field …)
    }
    const mapped = new Set<string>();
    let dropped = true;
    for (const sel of result.detection.selections.values())
      for (const item of items(sel))
        if (item.originalField === field && item.field !== null) {
          mapped.add(item.field);
          dropped = false;
        }
    if (dropped) continue; // the pipeline drops it (drop_detection_item): nothing to complete
    out.push(Object.freeze({ field, mapped: Object.freeze([...mapped].sort()) }));
  }
  out.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  if (byLogsource.size > 200) byLogsource.clear();
  byLogsource.set(key, Object.freeze(out));
  return byLogsource.get(key) as readonly PipelineField[];
}
