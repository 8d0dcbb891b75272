/** Small builders for evaluator tests: a rule from YAML (through the real loader) or from hand-built AST values. */
import { loadRules } from '../../src/rule/load.js';
import type { ConditionNode, Detection, DetectionItem, Logsource, SigmaRule, SigmaValue } from '../../src/rule/ast.js';
import { parseSigmaString } from '../../src/rule/strings.js';
import { match, type MatchOptions, type MatchResult } from '../../src/eval/match.js';

/** A rule from the body of its `detection:` section (indented by two spaces per level, YAML as in rule files). */
export function ruleFromDetection(detection: string, logsource = 'product: windows'): SigmaRule {
  const text = `title: test rule\nlogsource:\n  ${logsource.split('\n').join('\n  ')}\ndetection:\n${detection
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
  return ruleFromText(text);
}

/** The rule a rule file's text holds (its first document, through the real loader). */
export function ruleFromText(text: string, path = 'test.yml'): SigmaRule {
  const doc = loadRules(text, path).documents[0];
  if (!doc || doc.kind !== 'rule') throw new Error('not a rule');
  return doc;
}

/** Whether a rule written as its detection section fires on an event (logsource ignored unless given). */
export function fires(detection: string, event: unknown, options: MatchOptions = { ignoreLogsource: true }): boolean {
  return match(ruleFromDetection(detection), event, options).match;
}

export const str = (raw: string, cased = false): SigmaValue => parseSigmaString(raw, cased);
export const num = (value: number): SigmaValue => Object.freeze({ kind: 'number', value, text: String(value) });

export function item(field: string | null, values: readonly SigmaValue[], extra: Partial<DetectionItem> = {}): DetectionItem {
  return Object.freeze({
    kind: 'item',
    field,
    modifiers: [],
    values,
    linking: 'or',
    negated: false,
    applied: [],
    originalField: field,
    ...extra,
  });
}

export function detection(items: readonly (DetectionItem | Detection)[], linking: 'and' | 'or' = 'and'): Detection {
  return Object.freeze({ kind: 'detection', items, linking });
}

/** A rule from hand-built selections; the condition defaults to the first selection. */
export function astRule(
  selections: Record<string, Detection>,
  conditions?: readonly ConditionNode[],
  logsource: Logsource = {},
): SigmaRule {
  const names = Object.keys(selections);
  const trees = conditions ?? [{ kind: 'ref', name: names[0] as string, offset: 0 } as ConditionNode];
  return Object.freeze({
    kind: 'rule',
    title: 'hand-built',
    custom: {},
    source: { file: 'hand-built.yml' },
    logsource,
    detection: { selections: new Map(Object.entries(selections)), conditions: trees.map((tree) => ({ text: '', tree })) },
  });
}

/** Match with the logsource check off (most tests are about the detection). */
export function run(rule: SigmaRule, event: unknown): MatchResult {
  return match(rule, event, { ignoreLogsource: true });
}
