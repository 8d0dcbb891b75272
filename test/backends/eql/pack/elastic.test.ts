import { describe, expect, it } from 'vitest';
import { elasticPackFiles } from '../../../../src/packs/pack.js';
import { elasticRule, elasticRuleNdjson } from '../../../../backends/eql/pack/elastic.js';
import { packSettings } from '../../../../src/packs/settings.js';
import { elasticRuleValidator, errorsOf } from '../../../packs/ajv.js';
import { HAS_SHARED, SEED_EQL, converted, makeRule, seedRule, sharedText } from '../../../packs/helpers.js';

type Doc = Record<string, unknown>;

describe('Elastic rule without ../shared', () => {
  it('writes one JSON object per line, one line per query, and nothing for no rules', () => {
    const rule = makeRule();
    const text = elasticRuleNdjson([{ rule, queries: ['any where true', 'process where true'], target: 'eql' }]);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.rule_id).toBe('11111111-2222-4333-8444-555555555555');
    expect(lines[1]!.rule_id).not.toBe(lines[0]!.rule_id);
    expect(lines[1]!.rule_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(elasticRuleNdjson([])).toBe('');
  });

  it('takes the index pattern from settings, and a rule’s own index, risk score and severity from its attributes', () => {
    const project = packSettings({ elastic: { index: ['logs-endpoint.events.process-*'] } });
    expect(elasticRule(makeRule(), 'q', project).index).toEqual(['logs-endpoint.events.process-*']);
    const own = elasticRule(
      makeRule({ custom: { elastic_index: ['my-*'], elastic_risk_score: 90, elastic_severity: 'Critical' } }),
      'q',
      project,
    );
    expect(own).toMatchObject({ index: ['my-*'], risk_score: 90, severity: 'critical' });
  });

  it('splits authors on commas outside brackets and keeps only URL references', () => {
    const r = elasticRule(makeRule(), 'q');
    expect(r.author).toEqual(['Alice', 'Bob (Org, Inc)']);
    expect(r.references).toEqual(['https://example.com/a']);
  });

  it('derives a stable UUID rule_id for a rule without an id', () => {
    const a = elasticRule(makeRule({ id: undefined }), 'q').rule_id;
    expect(a).toBe(elasticRule(makeRule({ id: undefined }), 'q').rule_id);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe.skipIf(!HAS_SHARED)('Elastic NDJSON against ../shared/formats/elastic', () => {
  function ourLines(): Doc[] {
    const text = elasticRuleNdjson([converted(seedRule(), SEED_EQL, 'eql')]);
    expect(text.endsWith('\n')).toBe(true);
    return text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);
  }

  it('validates Elastic’s own prebuilt rule with the relaxed schema (the validator is sound)', () => {
    const validate = elasticRuleValidator(sharedText('formats', 'elastic', 'detection-rules.api_schema.master.eql.json'));
    const prebuilt = JSON.parse(sharedText('formats', 'elastic', 'prebuilt-rule.2c17e5d7-08b9-43b2-b58a-0270d65ac85b_319.json')) as {
      attributes: Doc;
    };
    expect(validate(prebuilt.attributes), errorsOf(validate)).toBe(true);
    expect(validate({ ...prebuilt.attributes, severity: 'severe' })).toBe(false);
    expect(validate({ ...prebuilt.attributes, unknown_key: 1 })).toBe(false);
  });

  it('writes every NDJSON line as a rule valid against the schema and Kibana’s import requirements', () => {
    const validate = elasticRuleValidator(sharedText('formats', 'elastic', 'detection-rules.api_schema.master.eql.json'));
    for (const line of ourLines()) {
      expect(validate(line), errorsOf(validate)).toBe(true);
      expect(line).toMatchObject({
        rule_id: '9e716b33-63b2-46da-86a4-bd3c3b9b5dfb',
        name: 'Certificate Exported Via PowerShell',
        type: 'eql',
        language: 'eql',
        query: SEED_EQL,
        severity: 'medium',
        risk_score: 47,
        index: ['winlogbeat-*', 'logs-*'],
        interval: '5m',
        from: 'now-9m',
        version: 1,
        max_signals: 100,
        author: ['Nasreddine Bencherchali (Nextron Systems)'],
      });
      expect(line.interval).toMatch(/^\d+[mshd]$/);
    }
  });

  it('uses only keys that the prebuilt rule or Kibana’s export use', () => {
    const prebuilt = (
      JSON.parse(sharedText('formats', 'elastic', 'prebuilt-rule.2c17e5d7-08b9-43b2-b58a-0270d65ac85b_319.json')) as { attributes: Doc }
    ).attributes;
    const exported = sharedText('formats', 'elastic', 'kibana-export.custom-consolidated-rules.ndjson')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Doc)
      .find((o) => o.type === 'eql')!;
    const known = new Set([...Object.keys(prebuilt), ...Object.keys(exported)]);
    for (const key of Object.keys(ourLines()[0]!)) expect(known.has(key), key).toBe(true);
  });

  it('fills threat offline: Credential Access / Unsecured Credentials: Private Keys and Execution / Command and Scripting Interpreter: PowerShell', () => {
    const threat = ourLines()[0]!.threat as Doc[];
    // Execution entry exactly as Elastic's prebuilt rule writes T1059.001.
    const prebuilt = (
      JSON.parse(sharedText('formats', 'elastic', 'prebuilt-rule.2c17e5d7-08b9-43b2-b58a-0270d65ac85b_319.json')) as {
        attributes: { threat: Doc[] };
      }
    ).attributes.threat;
    const execution = prebuilt.find((t) => (t.tactic as Doc).id === 'TA0002')!;
    expect(threat).toContainEqual(execution);
    // Credential Access entry exactly as Elastic's certutil rule (TOML) writes T1552.004.
    const toml = sharedText('formats', 'elastic', 'rule.defense_evasion_suspicious_certutil_commands.toml');
    const block = toml.split('[[rule.threat]]').find((b) => b.includes('"T1552"'))!;
    const sections = new Map<string, Doc>();
    let current = '';
    for (const line of block.split('\n')) {
      const header = /^\[+([\w.]+)\]+$/.exec(line.trim());
      if (header) current = header[1]!;
      const kv = /^(\w+) = "(.*)"$/.exec(line.trim());
      if (kv) sections.set(current, { ...(sections.get(current) ?? {}), [kv[1]!]: kv[2]! });
    }
    const credential = {
      framework: 'MITRE ATT&CK',
      tactic: sections.get('rule.threat.tactic'),
      technique: [{ ...sections.get('rule.threat.technique'), subtechnique: [sections.get('rule.threat.technique.subtechnique')] }],
    };
    expect(credential.tactic).toMatchObject({ id: 'TA0006', name: 'Credential Access' });
    expect(threat).toContainEqual(credential);
    expect(threat).toHaveLength(2);
    expect(ourLines()[0]!.tags).toEqual(expect.arrayContaining(['Tactic: Credential Access', 'Tactic: Execution', 'OS: Windows']));
  });

  it('builds the pack file rules.ndjson', () => {
    const files = elasticPackFiles([converted(seedRule(), SEED_EQL, 'eql')]);
    expect(files[0]).toEqual({ path: 'rules.ndjson', content: elasticRuleNdjson([converted(seedRule(), SEED_EQL, 'eql')]) });
    expect(files.map((f) => f.path)).toEqual(['rules.ndjson', 'README.md']);
  });
});
