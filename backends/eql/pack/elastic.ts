/**
 * Elastic Security detection rules (type `eql`) as NDJSON for Kibana's rule import
 * (`POST /api/detection_engine/rules/_import`): one rule object per line, `threat` filled offline from the rule's
 * ATT&CK tags.
 */
import type { SigmaRule } from '../../../src/rule/ast.js';
import { type AttackTechnique, attackFromTags, tacticGroups } from '../../../src/packs/attack.js';
import { httpReferences, ruleAuthors, ruleLevel, ruleUuid } from '../../../src/packs/rule-meta.js';
import { DEFAULT_PACK_SETTINGS, settingsForRule } from '../../../src/packs/settings.js';
import type { ConvertedRule, PackSettings } from '../../../src/packs/types.js';

export interface ElasticThreatRef {
  readonly id: string;
  readonly name: string;
  readonly reference: string;
}
export interface ElasticThreatTechnique extends ElasticThreatRef {
  readonly subtechnique?: readonly ElasticThreatRef[];
}
export interface ElasticThreat {
  readonly framework: 'MITRE ATT&CK';
  readonly tactic: ElasticThreatRef;
  readonly technique?: readonly ElasticThreatTechnique[];
}

/** Techniques of one tactic, sub-techniques nested under their parent (tag order of first appearance). */
function threatTechniques(techniques: readonly AttackTechnique[]): ElasticThreatTechnique[] {
  const byParent = new Map<string, { ref: ElasticThreatRef; subs: ElasticThreatRef[] }>();
  for (const t of techniques) {
    const parent = t.parent ?? t;
    const entry = byParent.get(parent.id) ?? { ref: { id: parent.id, name: parent.name, reference: parent.reference }, subs: [] };
    byParent.set(parent.id, entry);
    if (t.parent && !entry.subs.some((s) => s.id === t.id)) entry.subs.push({ id: t.id, name: t.name, reference: t.reference });
  }
  return [...byParent.values()].map(({ ref, subs }) => (subs.length > 0 ? { ...ref, subtechnique: subs } : ref));
}

/** The `threat` array of a rule: one entry per tactic, with the rule's techniques that belong to it. */
export function elasticThreat(rule: SigmaRule): readonly ElasticThreat[] {
  return tacticGroups(attackFromTags(rule.tags)).map((group) => {
    const techniques = threatTechniques(group.techniques);
    return {
      framework: 'MITRE ATT&CK',
      tactic: { id: group.tactic.id, name: group.tactic.name, reference: group.tactic.reference },
      ...(techniques.length > 0 ? { technique: techniques } : {}),
    };
  });
}

const OS_TAG: Readonly<Record<string, string>> = { windows: 'OS: Windows', linux: 'OS: Linux', macos: 'OS: macOS' };

function ruleTags(rule: SigmaRule, threat: readonly ElasticThreat[], settings: PackSettings): string[] {
  const os = rule.logsource.product === undefined ? undefined : OS_TAG[rule.logsource.product];
  const tags = [
    ...settings.elastic.tags,
    ...(os ? [os] : []),
    'Use Case: Threat Detection',
    ...threat.map((t) => `Tactic: ${t.tactic.name}`),
  ];
  return [...new Set(tags)];
}

/** The rule type and query language of a Kibana rule: EQL here; ES|QL rules are `{ type: 'esql', language: 'esql' }`. */
export interface ElasticRuleKind {
  readonly type: string;
  readonly language: string;
}
export const EQL_RULE: ElasticRuleKind = Object.freeze({ type: 'eql', language: 'eql' });

/** The Kibana rule object for one query of a rule (`index` 0 for the first query), of the given type and language. */
export function elasticRule(
  rule: SigmaRule,
  query: string,
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
  index = 0,
  kind: ElasticRuleKind = EQL_RULE,
): Record<string, unknown> {
  const s = settingsForRule(rule, settings);
  const level = ruleLevel(rule, s);
  const threat = elasticThreat(rule);
  const falsePositives = (rule.falsepositives ?? []).map((f) => f.trim()).filter((f) => f !== '');
  return {
    rule_id: ruleUuid(rule, index),
    name: index === 0 ? rule.title : `${rule.title} (${index + 1})`,
    description: rule.description?.trim() || rule.title,
    risk_score: s.elastic.riskScore ?? s.elastic.riskScoreByLevel[level],
    severity: s.elastic.severity ?? s.elastic.severityByLevel[level],
    type: kind.type,
    language: kind.language,
    query,
    index: [...s.elastic.index],
    from: s.elastic.from,
    to: s.elastic.to,
    interval: s.elastic.interval,
    enabled: s.elastic.enabled,
    references: [...httpReferences(rule)],
    author: [...ruleAuthors(rule)],
    false_positives: falsePositives,
    tags: ruleTags(rule, threat, s),
    threat,
    version: s.elastic.version,
    max_signals: s.elastic.maxSignals,
    ...(rule.license ? { license: rule.license } : {}),
    ...(s.elastic.timestampOverride ? { timestamp_override: s.elastic.timestampOverride } : {}),
  };
}

/** One NDJSON line per query of each rule. */
export function elasticRuleLines(
  rules: readonly ConvertedRule[],
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
  kind: ElasticRuleKind = EQL_RULE,
): readonly string[] {
  return rules.flatMap((converted) =>
    converted.queries.map((query, index) => JSON.stringify(elasticRule(converted.rule, query, settings, index, kind))),
  );
}

/** NDJSON for Kibana's rule import: one detection rule per line, one line per query of each rule. */
export function elasticRuleNdjson(
  rules: readonly ConvertedRule[],
  settings: PackSettings = DEFAULT_PACK_SETTINGS,
  kind: ElasticRuleKind = EQL_RULE,
): string {
  const lines = elasticRuleLines(rules, settings, kind);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
