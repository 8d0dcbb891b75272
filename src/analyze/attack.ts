/**
 * ATT&CK coverage of a rule set as a MITRE ATT&CK Navigator layer (layer format 4.5), scored as sigma-cli's
 * `analyze attack` scores it: `count` (rules per technique), `max` (highest rule level, informational 1 …
 * critical 5) or `level` (sum of level weights 1/2/4/8/12). Techniques come from the rules' `attack.tNNNN` tags,
 * looked up in the offline ATT&CK table; nothing here touches the network.
 */
import type { Level, SigmaDocument } from '../rule/ast.js';
import { ATTACK_VERSION, techniqueById, type AttackTechnique } from '../packs/attack.js';

export type ScoreFunction = 'count' | 'max' | 'level';

export const SCORE_FUNCTIONS: Readonly<Record<ScoreFunction, string>> = Object.freeze({
  count: 'number of rules',
  max: 'highest rule level (informational 1, low 2, medium 3, high 4, critical 5)',
  level: 'sum of level weights (informational 1, low 2, medium 4, high 8, critical 12)',
});

/** pySigma's SigmaLevel values, which sigma-cli's `max` score uses; a rule without a level scores 0. */
const LEVEL_VALUE: Readonly<Record<Level, number>> = { informational: 1, low: 2, medium: 3, high: 4, critical: 5 };
/** sigma-cli's weights for the `level` score; a rule without a level weighs 1. */
const LEVEL_WEIGHT: Readonly<Record<Level, number>> = { informational: 1, low: 2, medium: 4, high: 8, critical: 12 };

/** The Navigator version written into layers: the first release that reads layer format 4.5 with ATT&CK 18+. */
export const NAVIGATOR_VERSION = '5.2.0';
export const LAYER_FORMAT_VERSION = '4.5';

export interface LayerTechnique {
  readonly techniqueID: string;
  readonly tactic?: string;
  readonly score: number;
  readonly comment: string;
  readonly enabled: boolean;
  readonly showSubtechniques: boolean;
  readonly metadata: readonly { readonly name: string; readonly value: string }[];
}

export interface NavigatorLayer {
  readonly name: string;
  readonly versions: { readonly attack: string; readonly navigator: string; readonly layer: string };
  readonly domain: 'enterprise-attack';
  readonly description: string;
  readonly sorting: number;
  readonly layout: {
    readonly layout: 'side';
    readonly showID: boolean;
    readonly showName: boolean;
    readonly expandedSubtechniques: 'annotated';
  };
  readonly hideDisabled: boolean;
  readonly techniques: readonly LayerTechnique[];
  readonly gradient: { readonly colors: readonly string[]; readonly minValue: number; readonly maxValue: number };
  readonly legendItems: readonly { readonly label: string; readonly color: string }[];
  readonly metadata: readonly { readonly name: string; readonly value: string }[];
}

export interface AttackLayerOptions {
  readonly score?: ScoreFunction;
  /** Fold sub-techniques into their parent technique (sigma-cli's `--no-subtechniques`). */
  readonly subtechniques?: boolean;
  readonly name?: string;
  /** Colour of the lowest score (default `#ffffff00`, transparent white, as sigma-cli). */
  readonly minColor?: string;
  /** Colour of the highest score (default `#ff0000`). */
  readonly maxColor?: string;
  readonly minScore?: number;
  /** Fixed top of the gradient; scores above it show in the top colour. Default: the highest score. */
  readonly maxScore?: number;
}

/** One rule's share of the coverage: what the layer's comments name. */
export interface CoveringRule {
  readonly title: string;
  readonly id?: string;
  readonly level?: Level;
}

export interface AttackCoverage {
  /** Technique id (upper case) → the rules that tag it, in input order. */
  readonly techniques: ReadonlyMap<string, readonly CoveringRule[]>;
  /** `attack.tNNNN` tags naming no technique of the offline ATT&CK table, with the rules that use them. */
  readonly unknown: ReadonlyMap<string, readonly CoveringRule[]>;
}

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;

/** Which rules tag which techniques (rules and filters' rules only; correlations carry no detection of their own). */
export function attackCoverage(documents: readonly SigmaDocument[], subtechniques = true): AttackCoverage {
  const techniques = new Map<string, CoveringRule[]>();
  const unknown = new Map<string, CoveringRule[]>();
  for (const doc of documents) {
    if (doc.kind !== 'rule') continue;
    const rule: CoveringRule = Object.freeze({
      title: doc.title,
      ...(doc.id ? { id: doc.id } : {}),
      ...(doc.level ? { level: doc.level } : {}),
    });
    const seen = new Set<string>();
    for (const tag of doc.tags ?? []) {
      const m = TECHNIQUE_TAG.exec(tag);
      if (!m?.[1]) continue;
      let id = m[1].toUpperCase();
      if (!subtechniques) id = id.split('.')[0] as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const target = techniqueById(id) ? techniques : unknown;
      const list = target.get(id) ?? [];
      list.push(rule);
      target.set(id, list);
    }
  }
  return { techniques, unknown };
}

function score(fn: ScoreFunction, rules: readonly CoveringRule[]): number {
  switch (fn) {
    case 'count':
      return rules.length;
    case 'max':
      return Math.max(0, ...rules.map((r) => (r.level ? LEVEL_VALUE[r.level] : 0)));
    case 'level':
      return rules.reduce((sum, r) => sum + (r.level ? LEVEL_WEIGHT[r.level] : 1), 0);
  }
}

function comment(rules: readonly CoveringRule[]): string {
  const lines = rules.map((r) => `${r.title}${r.id ? ` (${r.id})` : ''}${r.level ? ` [${r.level}]` : ''}`);
  return `${rules.length} rule${rules.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function legend(fn: ScoreFunction, min: number, max: number, minColor: string, maxColor: string): { label: string; color: string }[] {
  const unit =
    fn === 'count'
      ? (n: number) => `${n} rule${n === 1 ? '' : 's'}`
      : fn === 'max'
        ? (n: number) => levelName(n)
        : (n: number) => `level score ${n}`;
  return [
    { label: unit(min), color: minColor },
    { label: `${unit(max)} or more`, color: maxColor },
  ];
}

function levelName(n: number): string {
  const found = Object.entries(LEVEL_VALUE).find(([, v]) => v === n);
  return found ? found[0] : 'no level';
}

/**
 * The Navigator layer of a rule set. A technique that belongs to several tactics is listed once per tactic (so
 * it is coloured in every column, as sigma-cli does); techniques are in id order, tactics in matrix order.
 * Deterministic: the same rules give the same bytes.
 */
export function attackLayer(documents: readonly SigmaDocument[], options: AttackLayerOptions = {}): NavigatorLayer {
  const fn = options.score ?? 'count';
  const coverage = attackCoverage(documents, options.subtechniques ?? true);
  const techniques: LayerTechnique[] = [];
  for (const id of [...coverage.techniques.keys()].sort(compareIds)) {
    const rules = coverage.techniques.get(id) ?? [];
    const technique = techniqueById(id) as AttackTechnique;
    const entry = {
      score: score(fn, rules),
      comment: comment(rules),
      enabled: true,
      showSubtechniques: false,
      metadata: Object.freeze([{ name: 'rules', value: String(rules.length) }]),
    };
    for (const tactic of technique.tactics) techniques.push(Object.freeze({ techniqueID: id, tactic, ...entry }));
  }
  const scores = techniques.map((t) => t.score);
  const minValue = options.minScore ?? 0;
  const top = options.maxScore ?? Math.max(0, ...scores);
  // The format requires maxValue > minValue.
  const maxValue = top > minValue ? top : minValue + 1;
  const minColor = options.minColor ?? '#ffffff00';
  const maxColor = options.maxColor ?? '#ff0000';
  const ruleCount = documents.filter((d) => d.kind === 'rule').length;
  return Object.freeze({
    name: options.name ?? 'Sigma rule coverage',
    versions: Object.freeze({ attack: ATTACK_VERSION.split('.')[0] as string, navigator: NAVIGATOR_VERSION, layer: LAYER_FORMAT_VERSION }),
    domain: 'enterprise-attack',
    description: `Coverage of ${ruleCount} Sigma rules by ATT&CK technique, score: ${fn} (${SCORE_FUNCTIONS[fn]}); made by sigmaform`,
    sorting: 3,
    layout: Object.freeze({ layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' }),
    hideDisabled: false,
    techniques: Object.freeze(techniques),
    gradient: Object.freeze({ colors: Object.freeze([minColor, maxColor]), minValue, maxValue }),
    legendItems: Object.freeze(legend(fn, minValue, maxValue, minColor, maxColor)),
    metadata: Object.freeze([
      { name: 'generator', value: 'sigmaform analyze attack' },
      { name: 'score function', value: fn },
      { name: 'ATT&CK data', value: ATTACK_VERSION },
    ]),
  });
}

/**
 * The techniques of `required` that no rule covers. A technique counts as covered when a rule tags it or, for a
 * parent technique (`T1059`), one of its sub-techniques; a sub-technique (`T1059.001`) only by its own tag.
 */
export function coverageGaps(documents: readonly SigmaDocument[], required: readonly string[]): string[] {
  const tagged = new Set(attackCoverage(documents).techniques.keys());
  const covered = (id: string): boolean => tagged.has(id) || (!id.includes('.') && [...tagged].some((t) => t.startsWith(`${id}.`)));
  return [...new Set(required.map((r) => r.trim().toUpperCase()).filter((r) => r !== ''))].filter((id) => !covered(id));
}

/** Technique ids of a `--fail-on-gaps` list that are not ATT&CK technique ids of the offline table. */
export function unknownTechniqueIds(ids: readonly string[]): string[] {
  return ids.map((r) => r.trim().toUpperCase()).filter((id) => id !== '' && !techniqueById(id));
}
