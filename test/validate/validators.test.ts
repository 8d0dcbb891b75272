/**
 * Every validator triggers on the rules its source says it should and stays silent on the ones it should not,
 * with pySigma's id and severity (../shared/reference/validators/validators.json) and a finding located at the
 * offending key or value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATORS, validatorById } from '../../src/index.js';
import { CASES } from './cases.js';
import { BASE_PATH, findingsOf, rule, validate } from './support.js';

const LIST = '../shared/reference/validators/validators.json';

describe('the validator set', () => {
  it('has a trigger case and a silent case for every validator', () => {
    expect(Object.keys(CASES).sort()).toEqual(VALIDATORS.map((v) => v.id));
  });

  it("the base rule of the cases is clean under every validator (so each case's finding is its own)", () => {
    const [result] = validate([{ text: rule(), path: BASE_PATH }]);
    expect(result?.error).toBeUndefined();
    expect(result?.findings).toEqual([]);
  });

  it.skipIf(!existsSync(LIST))("has pySigma's 80 identifiers, plugins and severities", () => {
    const reference = JSON.parse(readFileSync(LIST, 'utf8')) as { id: string; plugin: string; severity: string }[];
    const ids = [...new Set(reference.map((r) => r.id))].sort();
    expect(VALIDATORS.map((v) => v.id)).toEqual(ids);
    for (const r of reference) {
      const v = validatorById(r.id);
      expect(v?.plugin, r.id).toBe(r.plugin);
      // invalid_modifier_combinations has issues of two severities; the validator's own is the highest
      if (r.id !== 'invalid_modifier_combinations') expect(v?.severity, r.id).toBe(r.severity);
    }
  });
});

describe.each(Object.entries(CASES))('%s', (id, c) => {
  const validator = validatorById(id);

  if (c.loadError) {
    it('is a load error in sigmaform (the rule never reaches the validators)', () => {
      const [result] = validate(c.bad, { validators: [id] });
      expect(result?.error?.message).toMatch(c.loadError as RegExp);
      expect(result?.error?.line).toBeGreaterThan(0);
    });
  } else {
    it('reports the offending rule, located, with its severity', () => {
      const findings = findingsOf(id, c.bad, c.options);
      expect(findings).toHaveLength(c.count ?? 1);
      const first = findings[0];
      expect(first?.validator).toBe(id);
      expect(first?.severity).toBe(validator?.severity);
      expect(first?.message.length).toBeGreaterThan(10);
      if (c.says !== undefined) expect(first?.message).toContain(c.says);
      if (c.line !== undefined) expect(first?.line).toBe(c.line);
      if (c.column !== undefined) expect(first?.column).toBe(c.column);
      expect(first?.file).toBe(c.bad[0]?.path);
    });
  }

  it('stays silent on the corrected rule', () => {
    expect(findingsOf(id, c.good, c.options)).toEqual([]);
  });
});

describe('details the cases table does not show', () => {
  const sel = (body: string) =>
    rule({ detection: `detection:\n    selection:\n${body.replace(/^/gm, '        ')}\n    condition: selection` });
  const messages = (id: string, text: string) => findingsOf(id, [{ text }]).map((f) => `${f.severity}: ${f.message}`);

  it('invalid_modifier_combinations: base64offset without contains, windash with all (high); a repeated modifier (medium)', () => {
    expect(messages('invalid_modifier_combinations', sel("CommandLine|base64offset: 'whoami'"))).toEqual([
      expect.stringMatching(/^high: .*'base64offset' without 'contains'/),
    ]);
    expect(messages('invalid_modifier_combinations', sel("CommandLine|windash|contains|all:\n    - ' -a'\n    - ' -b'"))).toEqual([
      expect.stringMatching(/^high: .*'windash' with 'all'/),
    ]);
    expect(messages('invalid_modifier_combinations', sel("CommandLine|contains|contains: 'whoami'"))).toEqual([
      expect.stringMatching(/^medium: .*'contains' more than once/),
    ]);
    // base64 may be applied twice (double encoding), as pySigma allows
    expect(messages('invalid_modifier_combinations', sel("CommandLine|base64|base64|contains: 'whoami'"))).toEqual([]);
  });

  it("wildcards_instead_of_modifiers: '*text' asks for endswith, 'text*' for startswith; mixed forms and a lone '*' are left alone", () => {
    expect(messages('wildcards_instead_of_modifiers', sel("Image: '*\\whoami.exe'"))).toEqual([expect.stringContaining("'endswith'")]);
    expect(messages('wildcards_instead_of_modifiers', sel("Image: 'C:\\Windows\\System32*'"))).toEqual([
      expect.stringContaining("'startswith'"),
    ]);
    expect(messages('wildcards_instead_of_modifiers', sel("Image:\n    - '*a*'\n    - '*b'\nUser: '*'"))).toEqual([]);
  });

  it('attacktag checks ATT&CK v19: its new tactics and techniques are known, a retired tactic and data source ids are not', () => {
    const tagged = (...t: string[]) => rule({ tags: `tags:\n${t.map((x) => `    - ${x}`).join('\n')}` });
    expect(
      messages('attacktag', tagged('attack.stealth', 'attack.defense-impairment', 'attack.t1686.003', 'attack.t1689', 'attack.t1690')),
    ).toEqual([]);
    expect(messages('attacktag', tagged('attack.defense-evasion', 'attack.ds0005'))).toHaveLength(2);
  });

  it('sigmahq_tags_techniques_without_tactics uses v19 tactics: T1218 needs stealth, no longer defense-evasion', () => {
    const text = rule({ tags: 'tags:\n    - attack.stealth\n    - attack.t1218' });
    expect(messages('sigmahq_tags_techniques_without_tactics', text)).toEqual([]);
  });

  it('parameters from the validation config change the limits (filename_length, sigmahq_description_length)', () => {
    const long = 'rules/x/proc_creation_win_' + 'a'.repeat(80) + '.yml';
    expect(findingsOf('filename_length', [{ text: rule(), path: long }])).toHaveLength(1);
    expect(findingsOf('filename_length', [{ text: rule(), path: long }], { config: { filename_length: { max_size: 120 } } })).toEqual([]);
    expect(
      findingsOf('sigmahq_description_length', [{ text: rule() }], { config: { sigmahq_description_length: { description_len: 200 } } }),
    ).toHaveLength(1);
  });

  it('exclusions skip a validator for one rule id only', () => {
    const sources = [
      { text: rule({ status: null }), path: 'rules/x/proc_creation_win_whoami_one.yml' },
      {
        text: rule({ status: null, title: 'title: Other', id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
        path: 'rules/x/proc_creation_win_whoami_two.yml',
      },
    ];
    const findings = findingsOf('sigmahq_status_existence', sources, {
      exclusions: { '6f3b7c2e-9a41-4d6b-8c53-1f2e3d4c5b6a': ['sigmahq_status_existence'] },
    });
    expect(findings.map((f) => f.file)).toEqual(['rules/x/proc_creation_win_whoami_two.yml']);
  });

  it('an unknown validator id is an error that names it', () => {
    expect(() => validate([{ text: rule() }], { validators: ['no_such_check'] })).toThrow(/unknown validator 'no_such_check'/);
  });

  it('a file that does not load yields its located error and the other files are still validated', () => {
    const results = validate([{ text: 'title: x\ndetection: [', path: 'rules/bad.yml' }, { text: rule({ author: null }) }], {
      validators: ['sigmahq_author_existence'],
    });
    expect(results[0]?.error?.line).toBeGreaterThan(0);
    expect(results[1]?.findings.map((f) => f.validator)).toEqual(['sigmahq_author_existence']);
  });
});

describe('finding ranges (for editors)', () => {
  const sel = (body: string) =>
    rule({ detection: `detection:\n    selection:\n${body.replace(/^/gm, '        ')}\n    condition: selection` });

  it('a key finding ends after the key; a quoted value finding after its closing quote; a plain value before a comment', () => {
    const [key] = findingsOf('sigmahq_fieldname_cast', [{ text: sel("commandline|contains: 'whoami'") }]);
    expect(key).toMatchObject({ line: 17, column: 9, endLine: 17, endColumn: 9 + 'commandline|contains'.length });
    const [quoted] = findingsOf('number_as_string', [{ text: sel("ProcessId: '1234'  # a comment") }]);
    expect(quoted).toMatchObject({ line: 17, column: 20, endLine: 17, endColumn: 26 });
    const [plain] = findingsOf('sigmahq_status', [{ text: rule({ status: 'status: deprecated  # retired' }) }]);
    expect(plain).toMatchObject({ line: 3, column: 9, endColumn: 9 + 'deprecated'.length });
  });

  it('file-level findings and block values have a start only', () => {
    const [file] = findingsOf('filename_length', [{ text: rule(), path: 'rules/a_b.yml' }]);
    expect(file).toMatchObject({ line: 1, column: 1 });
    expect(file?.endColumn).toBeUndefined();
    const [block] = findingsOf('sigmahq_description_length', [{ text: rule({ description: 'description: |\n    Whoami run' }) }]);
    expect(block?.line).toBe(4);
    expect(block?.endColumn).toBeUndefined();
  });
});
