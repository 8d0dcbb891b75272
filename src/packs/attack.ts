/**
 * Offline MITRE ATT&CK lookups for the rule-pack writers: tactics, techniques and sub-techniques by id, and the
 * ATT&CK content of a Sigma rule's tags (`attack.credential-access`, `attack.t1552.004`). The data is the generated
 * table in `attack-data.ts`; nothing here touches the network.
 */
import { ATTACK_TACTIC_ROWS, ATTACK_TECHNIQUE_ROWS, ATTACK_VERSION } from './attack-data.js';

export { ATTACK_VERSION };

export interface AttackTactic {
  /** `TA0006` */
  readonly id: string;
  /** `credential-access`: the form Sigma tags use. */
  readonly shortname: string;
  /** `Credential Access` */
  readonly name: string;
  /** `https://attack.mitre.org/tactics/TA0006/` */
  readonly reference: string;
}

export interface AttackTechnique {
  /** `T1552.004` or `T1552` */
  readonly id: string;
  /** `Private Keys` (a sub-technique's own name, without its parent's) */
  readonly name: string;
  /** The parent technique of a sub-technique. */
  readonly parent?: AttackTechnique;
  /** Tactic shortnames in matrix order. */
  readonly tactics: readonly string[];
  /** `https://attack.mitre.org/techniques/T1552/004/` */
  readonly reference: string;
}

/** The ATT&CK content of one rule's tags, in tag order, without duplicates. */
export interface RuleAttack {
  readonly tactics: readonly AttackTactic[];
  readonly techniques: readonly AttackTechnique[];
  /** `attack.*` tags that name no known tactic or technique (groups, software, data sources … are not listed). */
  readonly unknown: readonly string[];
}

/** A tactic with the rule's techniques that belong to it (the shape of Elastic's `threat` and Sentinel's tactics). */
export interface TacticGroup {
  readonly tactic: AttackTactic;
  readonly techniques: readonly AttackTechnique[];
}

function tacticReference(id: string): string {
  return `https://attack.mitre.org/tactics/${id}/`;
}

const TACTICS: readonly AttackTactic[] = Object.freeze(
  ATTACK_TACTIC_ROWS.map(([id, shortname, name]) => Object.freeze({ id, shortname, name, reference: tacticReference(id) })),
);

/** Tactic names retired by ATT&CK but still found in rules: same id, historical name. */
const LEGACY_TACTICS: readonly AttackTactic[] = Object.freeze([
  Object.freeze({ id: 'TA0005', shortname: 'defense-evasion', name: 'Defense Evasion', reference: tacticReference('TA0005') }),
]);

const TACTIC_BY_SHORTNAME = new Map<string, AttackTactic>([...TACTICS, ...LEGACY_TACTICS].map((t) => [t.shortname, t] as const));
const TACTIC_BY_ID = new Map<string, AttackTactic>(TACTICS.map((t) => [t.id, t] as const));
const TACTIC_ORDER = new Map<string, number>(TACTICS.map((t, i) => [t.id, i] as const));

const TECHNIQUE_CACHE = new Map<string, AttackTechnique>();

/** All current tactics in matrix order. */
export function attackTactics(): readonly AttackTactic[] {
  return TACTICS;
}

/** `credential-access` (also `credential_access`, `Credential Access`) → the tactic. */
export function tacticByShortname(shortname: string): AttackTactic | undefined {
  const key = shortname
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return TACTIC_BY_SHORTNAME.get(key);
}

/** `TA0006` → the tactic. */
export function tacticById(id: string): AttackTactic | undefined {
  return TACTIC_BY_ID.get(id.trim().toUpperCase());
}

function techniqueReference(id: string): string {
  const [parent, sub] = id.split('.');
  return sub === undefined ? `https://attack.mitre.org/techniques/${parent}/` : `https://attack.mitre.org/techniques/${parent}/${sub}/`;
}

/** `T1552.004` / `t1552.004` → the technique or sub-technique; undefined when ATT&CK has no such id. */
export function techniqueById(id: string): AttackTechnique | undefined {
  const key = id.trim().toUpperCase();
  const cached = TECHNIQUE_CACHE.get(key);
  if (cached) return cached;
  const row = ATTACK_TECHNIQUE_ROWS[key];
  if (!row) return undefined;
  const parentId = key.includes('.') ? key.split('.')[0] : undefined;
  const parent = parentId === undefined ? undefined : techniqueById(parentId);
  const technique: AttackTechnique = Object.freeze({
    id: key,
    name: row[0],
    ...(parent ? { parent } : {}),
    tactics: Object.freeze(row[1].split(' ')),
    reference: techniqueReference(key),
  });
  TECHNIQUE_CACHE.set(key, technique);
  return technique;
}

/** `Command and Scripting Interpreter: PowerShell` for a sub-technique, the plain name otherwise. */
export function techniqueFullName(technique: AttackTechnique): string {
  return technique.parent ? `${technique.parent.name}: ${technique.name}` : technique.name;
}

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
/** Group, software, data source, mitigation, asset and campaign ids: not tactics or techniques. */
const OTHER_ATTACK_TAG = /^attack\.(g|s|ds|m|a|c)\d{4}$/i;

/** The tactics and techniques named by a rule's `attack.*` tags. */
export function attackFromTags(tags: readonly string[] | undefined): RuleAttack {
  const tactics: AttackTactic[] = [];
  const techniques: AttackTechnique[] = [];
  const unknown: string[] = [];
  for (const tag of tags ?? []) {
    if (!/^attack\./i.test(tag) || OTHER_ATTACK_TAG.test(tag)) continue;
    const techniqueMatch = TECHNIQUE_TAG.exec(tag);
    if (techniqueMatch?.[1] !== undefined) {
      const technique = techniqueById(techniqueMatch[1]);
      if (!technique) unknown.push(tag);
      else if (!techniques.includes(technique)) techniques.push(technique);
      continue;
    }
    const tactic = tacticByShortname(tag.slice('attack.'.length));
    if (!tactic) unknown.push(tag);
    else if (!tactics.some((t) => t.id === tactic.id)) tactics.push(tactic);
  }
  return Object.freeze({ tactics: Object.freeze(tactics), techniques: Object.freeze(techniques), unknown: Object.freeze(unknown) });
}

function tacticRank(tactic: AttackTactic): number {
  return TACTIC_ORDER.get(tactic.id) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Groups a rule's techniques under tactics. A technique goes under each of the rule's tactics it belongs to; when it
 * belongs to none of them, under its own first tactic, so every technique is listed with a tactic it really has.
 * The rule's tactics without a technique are kept. Groups are in matrix order, techniques in tag order.
 */
export function tacticGroups(attack: RuleAttack): readonly TacticGroup[] {
  const groups = new Map<string, { tactic: AttackTactic; techniques: AttackTechnique[] }>();
  const groupFor = (tactic: AttackTactic): { tactic: AttackTactic; techniques: AttackTechnique[] } => {
    const existing = groups.get(tactic.id);
    if (existing) return existing;
    const created = { tactic, techniques: [] as AttackTechnique[] };
    groups.set(tactic.id, created);
    return created;
  };
  for (const tactic of attack.tactics) groupFor(tactic);
  for (const technique of attack.techniques) {
    const own = technique.tactics.map((s) => tacticByShortname(s)).filter((t): t is AttackTactic => t !== undefined);
    const shared = own.filter((t) => attack.tactics.some((r) => r.id === t.id));
    const targets = shared.length > 0 ? shared : own.slice(0, 1);
    for (const target of targets) {
      const ruleTactic = attack.tactics.find((r) => r.id === target.id) ?? target;
      const group = groupFor(ruleTactic);
      if (!group.techniques.includes(technique)) group.techniques.push(technique);
    }
  }
  return Object.freeze(
    [...groups.values()]
      .sort((a, b) => tacticRank(a.tactic) - tacticRank(b.tactic))
      .map((g) => Object.freeze({ tactic: g.tactic, techniques: Object.freeze([...g.techniques]) })),
  );
}
