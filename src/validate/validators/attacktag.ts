import { attackTactics, ATTACK_VERSION, techniqueById } from '../../packs/attack.js';
import type { Validator } from '../types.js';
import { tags } from '../walk.js';

const TACTICS = new Set(attackTactics().map((t) => t.shortname));
/**
 * Groups, software, mitigations, assets and campaigns: the shipped table lists only tactics and techniques, so these
 * are accepted by the form of their id. Data sources (DS….) are not: ATT&CK 18 retired them.
 */
const OTHER_ID = /^(?:g|s|m|a|c)\d{4}$/;

/** Whether `name` (after `attack.`) names something in ATT&CK (tactic short name, technique or other object id). */
export function isKnownAttackName(name: string): boolean {
  if (TACTICS.has(name)) return true;
  if (/^t\d{4}(?:\.\d{3})?$/.test(name)) return techniqueById(name) !== undefined;
  return OTHER_ID.test(name);
}

export const attacktag: Validator = {
  id: 'attacktag',
  plugin: 'core',
  severity: 'medium',
  description: `An attack.* tag is not a known ATT&CK tactic short name, technique, group, software, data source or mitigation ID (ATT&CK ${ATTACK_VERSION}).`,
  check(ctx) {
    return tags(ctx)
      .filter((t) => t.namespace === 'attack' && !isKnownAttackName(t.name))
      .map((t) => ({
        message: `tag '${t.text}' is not an ATT&CK ${ATTACK_VERSION} tactic short name or technique id (e.g. attack.execution, attack.t1059.001)`,
        at: ['tags', t.index],
      }));
  },
};
