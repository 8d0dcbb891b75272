/**
 * The SigmaHQ corpus (3,141 rules) checked with every validator agrees with pySigma's findings
 * (../shared/reference/validators/given.jsonl) per (file, validator): every difference is listed with its reason
 * in fixtures/corpus-differences.json. The two ATT&CK-data validators are checked against ATT&CK 19 instead of
 * the 18.1 data pySigma ran with. The corpus is validated once for the whole file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRules, type FileValidation } from '../../src/index.js';
import { techniqueById, tacticByShortname } from '../../src/packs/attack.js';

const SHARED = '../shared';
const RULES = join(SHARED, 'sigma', 'rules');
const GIVEN = join(SHARED, 'reference', 'validators', 'given.jsonl');
const META = join(SHARED, 'reference', 'validators', 'given.meta.json');
const HAVE = existsSync(RULES) && existsSync(GIVEN);
const differences = JSON.parse(readFileSync(new URL('./fixtures/corpus-differences.json', import.meta.url), 'utf8')) as {
  differences: { file: string; validator: string; reason: string }[];
  attack_data: Record<'v19_tags_unknown_to_18_1' | 'tags_invalid_in_both' | 'tactics_retired_in_v19', Record<string, string>>;
};
const ATTACK = new Set(['attacktag', 'sigmahq_tags_techniques_without_tactics']);

interface GivenIssue {
  validator: string;
  fields: Record<string, unknown>;
}
interface Given {
  path: string;
  issues: GivenIssue[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe.skipIf(!HAVE)('the SigmaHQ corpus against pySigma (skipped: ../shared/sigma/rules or given.jsonl is absent)', () => {
  const given: Given[] = HAVE
    ? readFileSync(GIVEN, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Given)
    : [];
  const today = HAVE ? (JSON.parse(readFileSync(META, 'utf8')) as { today_for_status_to_high: string }).today_for_status_to_high : '';
  const results: FileValidation[] = HAVE
    ? validateRules(
        walk(RULES).map((f) => ({ path: f.slice(SHARED.length + 1 + 'sigma/'.length), text: readFileSync(f, 'utf8') })),
        { today },
      )
    : [];
  const ours = new Map(results.map((r) => [r.path ?? '', r] as const));
  const pairs = (list: Iterable<[string, string]>) => new Set([...list].map(([p, v]) => `${p} ${v}`));

  it('loads every corpus file and covers every file pySigma checked', () => {
    expect(results.filter((r) => r.error).map((r) => r.error?.format())).toEqual([]);
    expect(given.length).toBe(3141);
    for (const g of given) expect(ours.has(g.path), g.path).toBe(true);
  });

  it('agrees with pySigma per (file, validator) outside the ATT&CK-data validators, differences all listed', () => {
    const theirs = pairs(
      given.flatMap((g) => g.issues.filter((i) => !ATTACK.has(i.validator)).map((i): [string, string] => [g.path, i.validator])),
    );
    const mine = pairs(
      results.flatMap((r) => r.findings.filter((f) => !ATTACK.has(f.validator)).map((f): [string, string] => [r.path ?? '', f.validator])),
    );
    const missed = [...theirs].filter((p) => !mine.has(p));
    const extra = [...mine].filter((p) => !theirs.has(p));
    const listed = differences.differences.map((d) => `${d.file} ${d.validator}`);
    expect([...missed, ...extra].sort()).toEqual(listed.sort());
    expect(theirs.size).toBeGreaterThan(50);
    expect((theirs.size - missed.length) / theirs.size).toBeGreaterThanOrEqual(0.98);
    expect(extra.length).toBeLessThanOrEqual(5);
  });

  it('reports as many issues per (file, validator) as pySigma where both report', () => {
    const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    const theirs = count(given.flatMap((g) => g.issues.filter((i) => !ATTACK.has(i.validator)).map((i) => `${g.path} ${i.validator}`)));
    const mine = count(
      results.flatMap((r) => r.findings.filter((f) => !ATTACK.has(f.validator)).map((f) => `${r.path ?? ''} ${f.validator}`)),
    );
    for (const [key, n] of theirs) if (mine.has(key)) expect(mine.get(key), key).toBe(n);
  });

  it("attacktag: each of pySigma's findings is either reported too or names a tag ATT&CK 19 defines", () => {
    const v19 = differences.attack_data.v19_tags_unknown_to_18_1;
    const both = differences.attack_data.tags_invalid_in_both;
    for (const tag of Object.keys(v19)) {
      const name = tag.slice('attack.'.length);
      expect(name.startsWith('t') ? techniqueById(name) : tacticByShortname(name), tag).toBeDefined();
    }
    for (const g of given) {
      for (const i of g.issues.filter((x) => x.validator === 'attacktag')) {
        const tag = String(i.fields['tag']);
        const reported = ours.get(g.path)?.findings.some((f) => f.validator === 'attacktag' && f.message.includes(`'${tag}'`));
        if (tag in both) expect(reported, `${g.path} ${tag}`).toBe(true);
        else {
          expect(tag in v19, `${g.path}: ${tag} is neither known to ATT&CK 19 nor reported`).toBe(true);
          expect(reported, `${g.path} ${tag}`).toBe(false);
        }
      }
    }
  });

  it('sigmahq_tags_techniques_without_tactics: pySigma asks only for the retired defense-evasion; under ATT&CK 19 the corpus is complete', () => {
    const retired = Object.keys(differences.attack_data.tactics_retired_in_v19);
    const asked = new Set(
      given.flatMap((g) =>
        g.issues.filter((i) => i.validator === 'sigmahq_tags_techniques_without_tactics').map((i) => String(i.fields['missing_tactic'])),
      ),
    );
    expect([...asked]).toEqual(retired);
    expect(tacticByShortname('stealth')?.id).toBe('TA0005');
    expect(results.flatMap((r) => r.findings.filter((f) => f.validator === 'sigmahq_tags_techniques_without_tactics'))).toEqual([]);
  });
});
