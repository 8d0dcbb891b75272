/**
 * The seed rule "Certificate Exported Via PowerShell" through the EQL backend's three formats: the query issue 6
 * states (and the reference file holds), the EQL search API body, and an Elastic Security rule valid against
 * Elastic's EQL rule schema plus Kibana's import requirements, with ATT&CK threat entries filled offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { getFormat } from '../../../src/backend.js';
import { eqlBackend } from '../../../backends/eql/index.js';
import { SHARED, SHARED_MISSING, reference } from '../../support/corpus.js';
import { elasticRuleValidator, errorsOf } from '../../packs/ajv.js';
import { ruleText } from './helpers.js';

type Doc = Record<string, unknown>;

const SEED_PATH = 'rules/windows/process_creation/proc_creation_win_powershell_export_certificate.yml';
const HAS_SEED = existsSync(join(SHARED, 'sigma', SEED_PATH)) && existsSync(join(SHARED, 'formats', 'elastic'));
/** The seed's EQL with `-p ecs_windows`, as issue 6 states it. */
const SEED_EQL = 'any where process.command_line like~ ("*Export-PfxCertificate *", "*Export-Certificate *")';

const seedText = (): string => readFileSync(join(SHARED, 'sigma', SEED_PATH), 'utf8');
const convertSeed = (format: string): readonly string[] => {
  const result = createConverter({ target: 'eql', pipelines: ['ecs_windows'], format }).text(seedText(), SEED_PATH);
  if (!result.ok) throw result.error;
  return result.queries;
};

describe('EQL formats without ../shared', () => {
  it('offers default, eqlapi and siem_rule_ndjson', () => {
    expect(Object.keys(eqlBackend.formats).sort()).toEqual(['default', 'eqlapi', 'siem_rule_ndjson']);
  });

  it('wraps each query as the EQL search API body {"query": …}', () => {
    const result = createConverter({ target: 'eql', format: 'eqlapi' }).text(
      ruleText("    sel:\n        Image: 'a\"b'\n    condition: sel"),
      't.yml',
    );
    expect(result.ok && result.queries).toEqual([JSON.stringify({ query: 'any where Image:"a\\"b"' })]);
  });

  it('writes NDJSON for the whole run: one rule per line, newline-terminated', () => {
    const converter = createConverter({ target: 'eql', format: 'siem_rule_ndjson' });
    const result = converter.text(
      ruleText("    a:\n        Image: 'x'\n    b:\n        Image: 'y'\n    condition:\n        - a\n        - b"),
      't.yml',
    );
    if (!result.ok) throw result.error;
    const text = getFormat(eqlBackend, 'siem_rule_ndjson').finalizeOutput!(result.results);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.map((l) => l.query)).toEqual(['any where Image:"x"', 'any where Image:"y"']);
    expect(new Set(lines.map((l) => l.rule_id)).size).toBe(2);
  });
});

describe.skipIf(!HAS_SEED)('EQL formats for the seed rule', () => {
  it('converts the seed rule with ecs_windows to the query of issue 6 and of the reference', () => {
    expect(convertSeed('default')).toEqual([SEED_EQL]);
    const ref = reference('eql.ecs_windows').get(SEED_PATH);
    expect(ref?.ok && ref.queries).toEqual([SEED_EQL]);
  });

  it('writes the eqlapi body of the seed rule', () => {
    expect(convertSeed('eqlapi').map((q) => JSON.parse(q) as Doc)).toEqual([{ query: SEED_EQL }]);
  });

  it('writes a siem_rule_ndjson line valid against Elastic’s EQL rule schema and Kibana’s import requirements', () => {
    const validate = elasticRuleValidator(
      readFileSync(join(SHARED, 'formats', 'elastic', 'detection-rules.api_schema.master.eql.json'), 'utf8'),
    );
    const [line] = convertSeed('siem_rule_ndjson').map((q) => JSON.parse(q) as Doc);
    expect(validate(line), errorsOf(validate)).toBe(true);
    expect(line).toMatchObject({
      rule_id: '9e716b33-63b2-46da-86a4-bd3c3b9b5dfb',
      name: 'Certificate Exported Via PowerShell',
      type: 'eql',
      language: 'eql',
      query: SEED_EQL,
      severity: 'medium',
      risk_score: 47,
    });
  });

  it('fills threat offline for T1552.004 (Credential Access) and T1059.001 (Execution)', () => {
    const [line] = convertSeed('siem_rule_ndjson').map((q) => JSON.parse(q) as Doc);
    expect(line!.threat).toEqual(
      expect.arrayContaining([
        {
          framework: 'MITRE ATT&CK',
          tactic: { id: 'TA0006', name: 'Credential Access', reference: 'https://attack.mitre.org/tactics/TA0006/' },
          technique: [
            {
              id: 'T1552',
              name: 'Unsecured Credentials',
              reference: 'https://attack.mitre.org/techniques/T1552/',
              subtechnique: [{ id: 'T1552.004', name: 'Private Keys', reference: 'https://attack.mitre.org/techniques/T1552/004/' }],
            },
          ],
        },
        {
          framework: 'MITRE ATT&CK',
          tactic: { id: 'TA0002', name: 'Execution', reference: 'https://attack.mitre.org/tactics/TA0002/' },
          technique: [
            {
              id: 'T1059',
              name: 'Command and Scripting Interpreter',
              reference: 'https://attack.mitre.org/techniques/T1059/',
              subtechnique: [{ id: 'T1059.001', name: 'PowerShell', reference: 'https://attack.mitre.org/techniques/T1059/001/' }],
            },
          ],
        },
      ]),
    );
  });
});
if (!HAS_SEED) it.skip(SHARED_MISSING, () => {});
