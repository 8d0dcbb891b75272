/**
 * Test helpers: rules and pipelines from YAML text, and a compact rendering of a processed rule's
 * detections so that expectations read like Sigma: `sel: (Image=*\cmd.exe AND CommandLine=*a*|*b*)`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPipeline, loadPipelineYaml, type ProcessingResult } from '../../src/pipeline/index.js';
import type { ConditionNode, Detection, DetectionItem, SigmaRule, SigmaValue } from '../../src/rule/ast.js';
import { loadRuleList } from '../../src/rule/load.js';

export const SHARED = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'reference', 'pipelines.json'));

/** A rule from YAML; `detection` is the body of the detection section, indented by 4. */
export function rule(detection: string, logsource = 'category: process_creation\n    product: windows', extra = ''): SigmaRule {
  const text = `title: Test rule\nlogsource:\n    ${logsource}\n${extra}detection:\n${detection}\n`;
  const rules = loadRuleList(text, 'test.yml');
  return rules[0] as SigmaRule;
}

export function run(pipelineYaml: string, r: SigmaRule): ProcessingResult {
  return applyPipeline(loadPipelineYaml(pipelineYaml, 'pipeline.yml'), r);
}

export function valueText(v: SigmaValue): string {
  switch (v.kind) {
    case 'string':
      return v.parts.map((p) => (typeof p === 'string' ? p : p.kind === 'wildcard' ? p.char : `%${p.name}%`)).join('');
    case 'number':
      return `#${v.text}`;
    case 'boolean':
      return `${v.value}`;
    case 'null':
      return 'null';
    case 'regex':
      return `/${v.pattern}/${v.flags.ignoreCase ? 'i' : ''}`;
    case 'fieldref':
      return `ref(${v.field})`;
    case 'query':
      return `query(${v.id})`;
    case 'expansion':
      return `{${v.values.map(valueText).join(',')}}`;
    default:
      return v.kind;
  }
}

export function itemText(i: DetectionItem): string {
  return `${i.field ?? '<keyword>'}=${i.values.map(valueText).join('|')}`;
}

export function detectionText(d: Detection | DetectionItem): string {
  if (d.kind === 'item') return itemText(d);
  const inner = d.items.map(detectionText).join(d.linking === 'and' ? ' AND ' : ' OR ');
  return d.items.length === 1 ? inner : `(${inner})`;
}

/** `name: …` per selection. */
export function selectionsText(r: SigmaRule): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, d] of r.detection.selections) out[name] = detectionText(d);
  return out;
}

export function conditionText(n: ConditionNode): string {
  switch (n.kind) {
    case 'ref':
      return n.name;
    case 'not':
      return `not ${conditionText(n.arg)}`;
    case 'and':
    case 'or':
      return `(${n.args.map(conditionText).join(` ${n.kind} `)})`;
    case 'of':
      return `${n.quantifier} of ${n.pattern}`;
  }
}

/** Every detection item of a rule. */
export function items(r: SigmaRule): DetectionItem[] {
  const out: DetectionItem[] = [];
  const visit = (d: Detection): void => {
    for (const n of d.items)
      if (n.kind === 'item') out.push(n);
      else visit(n);
  };
  for (const d of r.detection.selections.values()) visit(d);
  return out;
}

export { errorOf } from '../support/errors.js';
