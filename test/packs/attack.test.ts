import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ATTACK_VERSION,
  attackFromTags,
  attackTactics,
  tacticById,
  tacticByShortname,
  tacticGroups,
  techniqueById,
  techniqueFullName,
} from '../../src/packs/attack.js';
import { HAS_SHARED, SHARED, seedRule } from './helpers.js';

describe('offline ATT&CK table', () => {
  it('has the 15 Enterprise tactics of ATT&CK v19 in matrix order, Stealth and Defense Impairment included', () => {
    expect(ATTACK_VERSION).toMatch(/^19\./);
    const tactics = attackTactics();
    expect(tactics).toHaveLength(15);
    expect(tactics[0]).toMatchObject({ id: 'TA0043', shortname: 'reconnaissance' });
    expect(tacticByShortname('stealth')).toMatchObject({ id: 'TA0005', name: 'Stealth' });
    expect(tacticByShortname('defense-impairment')).toMatchObject({ id: 'TA0112', name: 'Defense Impairment' });
    expect(tacticById('TA0006')).toMatchObject({
      shortname: 'credential-access',
      name: 'Credential Access',
      reference: 'https://attack.mitre.org/tactics/TA0006/',
    });
  });

  it('accepts tactic spellings with underscores, spaces and capitals', () => {
    expect(tacticByShortname('Credential_Access')?.id).toBe('TA0006');
    expect(tacticByShortname('command and control')?.id).toBe('TA0011');
  });

  it('keeps the retired defense-evasion tactic as TA0005 with its historical name', () => {
    expect(tacticByShortname('defense-evasion')).toMatchObject({ id: 'TA0005', name: 'Defense Evasion' });
  });

  it('resolves a sub-technique with its name, parent, tactics and reference', () => {
    const t = techniqueById('t1552.004');
    expect(t).toMatchObject({ id: 'T1552.004', name: 'Private Keys', tactics: ['credential-access'] });
    expect(t?.parent).toMatchObject({ id: 'T1552', name: 'Unsecured Credentials' });
    expect(t?.reference).toBe('https://attack.mitre.org/techniques/T1552/004/');
    expect(techniqueFullName(t!)).toBe('Unsecured Credentials: Private Keys');
    const ps = techniqueById('T1059.001');
    expect(ps && techniqueFullName(ps)).toBe('Command and Scripting Interpreter: PowerShell');
    expect(ps?.tactics).toEqual(['execution']);
    expect(techniqueById('T1059')?.reference).toBe('https://attack.mitre.org/techniques/T1059/');
  });

  it('knows the v19 techniques and their new tactics', () => {
    expect(techniqueById('T1686.003')).toMatchObject({ name: 'Windows Host Firewall', tactics: ['defense-impairment'] });
    expect(techniqueById('T1055')?.tactics).toEqual(['privilege-escalation', 'stealth']);
    expect(techniqueById('T9999')).toBeUndefined();
  });
});

describe('attackFromTags', () => {
  it('reads tactics and techniques, ignores groups and software, reports unknown attack tags', () => {
    const attack = attackFromTags([
      'attack.execution',
      'attack.t1059.001',
      'attack.g0001',
      'attack.s0001',
      'attack.t9999',
      'attack.nope',
      'cve.2021-1',
      'attack.T1059.001',
    ]);
    expect(attack.tactics.map((t) => t.id)).toEqual(['TA0002']);
    expect(attack.techniques.map((t) => t.id)).toEqual(['T1059.001']);
    expect(attack.unknown).toEqual(['attack.t9999', 'attack.nope']);
  });

  it('groups a technique under a rule tactic it belongs to, else under its own first tactic', () => {
    const groups = tacticGroups(attackFromTags(['attack.persistence', 'attack.t1547.001', 'attack.t1003.001']));
    expect(groups.map((g) => [g.tactic.shortname, g.techniques.map((t) => t.id)])).toEqual([
      ['persistence', ['T1547.001']],
      ['credential-access', ['T1003.001']],
    ]);
  });

  it('files a stealth technique under a rule tagged with the legacy defense-evasion tactic', () => {
    const groups = tacticGroups(attackFromTags(['attack.defense-evasion', 'attack.t1027']));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.tactic.name).toBe('Defense Evasion');
    expect(groups[0]?.techniques.map((t) => t.id)).toEqual(['T1027']);
  });
});

describe.skipIf(!HAS_SHARED)('ATT&CK tags of ../shared', () => {
  it('maps the seed rule to Credential Access / T1552.004 and Execution / T1059.001', () => {
    const groups = tacticGroups(attackFromTags(seedRule().tags));
    expect(groups.map((g) => [g.tactic.id, g.techniques.map((t) => t.id)])).toEqual([
      ['TA0002', ['T1059.001']],
      ['TA0006', ['T1552.004']],
    ]);
  });

  it('resolves every attack tactic and technique tag used in the SigmaHQ corpus', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.yml')) files.push(path);
      }
    };
    walk(join(SHARED, 'sigma', 'rules'));
    const tags = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*-\s*(attack\.[A-Za-z0-9._-]+)\s*$/gm)) tags.add(m[1]!.toLowerCase());
    }
    const attack = attackFromTags([...tags]);
    expect(attack.techniques.length).toBeGreaterThan(300);
    // attack.ds0005 (a data source) is the only attack tag that is neither tactic nor technique, and is ignored.
    expect(attack.unknown).toEqual([]);
  });
});
