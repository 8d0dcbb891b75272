/** SigmaHQ plugin: tag checks (detection and TLP tags, ATT&CK techniques with their tactics). */
import { ATTACK_VERSION, techniqueById } from '../../packs/attack.js';
import type { Issue, Validator } from '../types.js';
import { tags } from '../walk.js';

export const tagsUniqueDetection: Validator = {
  id: 'sigmahq_tags_unique_detection',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'More than one detection.* tag.',
  check(ctx) {
    const found = tags(ctx).filter((t) => t.namespace === 'detection');
    return found.length > 1
      ? [{ message: `the rule has ${found.length} detection.* tags; keep one`, at: ['tags', found[1]?.index ?? 0] }]
      : [];
  },
};

export const tagsUniqueTlp: Validator = {
  id: 'sigmahq_tags_unique_tlp',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'More than one tlp.* tag.',
  check(ctx) {
    const found = tags(ctx).filter((t) => t.namespace === 'tlp');
    return found.length > 1 ? [{ message: `the rule has ${found.length} tlp.* tags; keep one`, at: ['tags', found[1]?.index ?? 0] }] : [];
  },
};

export const tagsTlp: Validator = {
  id: 'sigmahq_tags_tlp',
  plugin: 'sigmahq',
  severity: 'high',
  description: 'A tlp.* tag other than tlp.clear is used (configurable: allowed_tlp).',
  check(ctx, env) {
    const allowed = Array.isArray(env.params.allowed_tlp) ? env.params.allowed_tlp.map(String) : ['clear'];
    const t = tags(ctx).find((tag) => tag.namespace === 'tlp' && !allowed.includes(tag.name));
    return t
      ? [
          {
            message: `tag '${t.text}': SigmaHQ rules are public, only ${allowed.map((a) => `tlp.${a}`).join(', ')} is allowed`,
            at: ['tags', t.index],
          },
        ]
      : [];
  },
};

const FOLDER_TAGS = ['dfir', 'emerging-threats', 'threat-hunting'];
export const tagsDetection: Validator = {
  id: 'sigmahq_tags_detection',
  plugin: 'sigmahq',
  severity: 'low',
  description: 'A rule under rules-dfir, rules-emerging-threats or rules-threat-hunting lacks the matching detection.* tag (path-based).',
  check(ctx, env) {
    if (ctx.file === undefined) return [];
    const folders = Array.isArray(env.params.Folder_tag) ? env.params.Folder_tag.map(String) : FOLDER_TAGS;
    const all = tags(ctx);
    for (const name of folders) {
      if (!ctx.file.includes(`rules-${name}`)) continue;
      if (!all.some((t) => t.namespace === 'detection' && t.name === name))
        return [
          {
            message: `a rule in rules-${name} needs the tag 'detection.${name}'`,
            at: ctx.raw.tags === undefined ? ['title'] : ['tags'],
            what: 'key',
          },
        ];
    }
    return [];
  },
};

export const tagsTechniquesWithoutTactics: Validator = {
  id: 'sigmahq_tags_techniques_without_tactics',
  plugin: 'sigmahq',
  severity: 'medium',
  description: `An ATT&CK technique tag is present without a tag for each tactic ATT&CK ${ATTACK_VERSION} assigns it to.`,
  check(ctx) {
    const attack = tags(ctx).filter((t) => t.namespace === 'attack');
    const techniques = attack.filter((t) => t.name.startsWith('t') && /\d/.test(t.name));
    const tactics = new Set(attack.filter((t) => !t.name.startsWith('t')).map((t) => t.name));
    const missing = new Map<string, string[]>(); // tactic → technique tags needing it
    for (const t of techniques) {
      const known = techniqueById(t.name);
      for (const tactic of known?.tactics ?? []) {
        if (tactics.has(tactic)) continue;
        const list = missing.get(tactic) ?? [];
        if (!list.includes(t.text)) list.push(t.text);
        missing.set(tactic, list);
      }
    }
    const issues: Issue[] = [];
    for (const [tactic, list] of [...missing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const first = attack.find((t) => list.includes(t.text));
      issues.push({
        message: `${list.join(', ')} ${list.length > 1 ? 'belong' : 'belongs'} to tactic ${tactic} in ATT&CK ${ATTACK_VERSION}; add the tag 'attack.${tactic}'`,
        at: ['tags', first?.index ?? 0],
      });
    }
    return issues;
  },
};
