import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SigmaError } from '../../../../src/errors.js';
import { isoDuration } from '../../../../src/packs/duration.js';
import { sentinelPackFiles } from '../../../../src/packs/pack.js';
import { sentinelArmTemplate, sentinelRuleYaml } from '../../../../backends/kusto/pack/sentinel.js';
import { packSettings } from '../../../../src/packs/settings.js';
import { closed, errorsOf, fromDraft4, newAjv } from '../../../packs/ajv.js';
import { HAS_SHARED, converted, makeRule, seedKql, seedRule, sharedText } from '../../../packs/helpers.js';

type Doc = Record<string, unknown>;
const yamlOf = (text: string): Doc => load(text) as Doc;
const ISO_DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/;

describe('Sentinel rule without ../shared', () => {
  it('writes ISO 8601 durations the way the REST example spells them', () => {
    expect(isoDuration(60)).toBe('PT1H');
    expect(isoDuration(2 * 1440 + 90)).toBe('P2DT1H30M');
    expect(isoDuration(5)).toBe('PT5M');
    expect(isoDuration(1440)).toBe('P1D');
  });

  it('refuses a query period shorter than the frequency, and a long period checked too often', () => {
    const rule = makeRule();
    expect(() => sentinelRuleYaml(rule, 'T', packSettings({ sentinel: { queryFrequency: '2h', queryPeriod: '1h' } }))).toThrow(SigmaError);
    expect(() => sentinelRuleYaml(rule, 'T', packSettings({ sentinel: { queryFrequency: '30m', queryPeriod: '2d' } }))).toThrow(
      /at least 1h/,
    );
    expect(() => sentinelRuleYaml(rule, 'T', packSettings({ sentinel: { queryFrequency: '1m', queryPeriod: '1h' } }))).toThrow(
      /between 5m and 14d/,
    );
  });

  it("takes a rule's own severity and schedule from its custom attributes", () => {
    const rule = makeRule({
      level: 'low',
      custom: { sentinel_severity: 'High', sentinel_query_frequency: '5m', sentinel_query_period: '10m' },
    });
    const doc = yamlOf(sentinelRuleYaml(rule, 'DeviceProcessEvents\n| where X == 1'));
    expect(doc).toMatchObject({ severity: 'High', queryFrequency: '5m', queryPeriod: '10m' });
  });

  it('maps entities only when the query keeps its table columns', () => {
    const kept = yamlOf(sentinelRuleYaml(makeRule(), 'DeviceProcessEvents\n| where ProcessCommandLine contains "a|project"'));
    expect((kept.entityMappings as unknown[]).length).toBe(3);
    const summarized = yamlOf(sentinelRuleYaml(makeRule(), 'DeviceProcessEvents\n| summarize count() by DeviceName'));
    expect(summarized.entityMappings).toBeUndefined();
  });

  it('escapes ARM values that start with a bracket so they stay literal strings', () => {
    const arm = JSON.parse(sentinelArmTemplate([converted(makeRule({ title: '[Test] Rule' }), 'T', 'kusto')])) as {
      resources: { properties: Doc }[];
    };
    expect(arm.resources[0]?.properties.displayName).toBe('[[Test] Rule');
  });

  it('puts the stealth / defense-impairment tactics of ATT&CK v19 under DefenseEvasion, the API tactic', () => {
    const doc = yamlOf(
      sentinelRuleYaml(makeRule({ tags: ['attack.stealth', 'attack.defense-impairment', 'attack.t1027', 'attack.t1685'] }), 'T'),
    );
    expect(doc.tactics).toEqual(['DefenseEvasion']);
    expect(doc.relevantTechniques).toEqual(['T1027', 'T1685']);
  });
});

describe.skipIf(!HAS_SHARED)('Sentinel rule and ARM template against ../shared/formats/sentinel', () => {
  const conventions = (): string => sharedText('formats', 'sentinel', 'analytic-rule-yaml.conventions.md');
  const armSubset = (): Doc =>
    JSON.parse(sharedText('formats', 'sentinel', 'arm-schema.Microsoft.SecurityInsights.2025-09-01.ScheduledAlertRule.subset.json')) as Doc;
  const commonDefs = (): Doc => JSON.parse(sharedText('formats', 'sentinel', 'arm-schema.common-definitions.json')) as Doc;
  const yaml = (): Doc => yamlOf(sentinelRuleYaml(seedRule(), seedKql()));

  /** `T1059 → Execution` lines of the conventions: technique → tactics the validator accepts. */
  function techniqueTactics(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const m of conventions().matchAll(/^- ((?:T\d{4}(?:, )?)+) → (.+)$/gm)) {
      const tactics = m[2]!.split(',').map((t) => t.trim());
      for (const t of m[1]!.split(', ')) map.set(t.trim(), tactics);
    }
    return map;
  }

  function armTactics(): string[] {
    const props = (armSubset().definitions as Doc).ScheduledAlertRuleProperties as { properties: Doc };
    const tactics = props.properties.tactics as { oneOf: { items: { enum: string[] } }[] };
    return tactics.oneOf[0]!.items.enum;
  }

  it('writes the required keys with allowed values (Azure-Sentinel validator conventions)', () => {
    const doc = yaml();
    const section = conventions().split('## Top-level keys')[1]!.split('\n## ')[0]!;
    const required = [...section.matchAll(/^\| `(\w+)` \| yes/gm)].map((m) => m[1]!);
    expect(required).toEqual(expect.arrayContaining(['id', 'name', 'description', 'kind', 'severity', 'query']));
    for (const key of required) expect(doc, key).toHaveProperty(key);
    expect(doc.id).toBe('9e716b33-63b2-46da-86a4-bd3c3b9b5dfb');
    expect(doc.kind).toBe('Scheduled');
    expect(['Informational', 'Low', 'Medium', 'High']).toContain(doc.severity);
    expect(doc.severity).toBe('Medium');
    expect(['gt', 'lt', 'eq', 'ne']).toContain(doc.triggerOperator);
    expect(doc.queryFrequency).toMatch(/^\d+[mhd]$/);
    expect(doc.queryPeriod).toMatch(/^\d+[mhd]$/);
    expect(doc.version).toMatch(/^(\d+\.)(\d+\.)(\d+)$/);
    expect(doc.query).toBe(seedKql());
    expect(doc.requiredDataConnectors).toEqual([]);
  });

  it('lists the seed rule tactics CredentialAccess and Execution, consistent with T1552.004 and T1059.001', () => {
    const doc = yaml();
    expect([...(doc.tactics as string[])].sort()).toEqual(['CredentialAccess', 'Execution']);
    expect(doc.relevantTechniques).toEqual(['T1552.004', 'T1059.001']);
    const allowed = armTactics();
    for (const t of doc.tactics as string[]) expect(allowed).toContain(t);
    const table = techniqueTactics();
    for (const technique of doc.relevantTechniques as string[]) {
      expect(technique).toMatch(/^T\d{4}(\.\d{3})?$/);
      const accepted = table.get(technique.split('.')[0]!);
      expect(accepted, technique).toBeDefined();
      expect(
        (doc.tactics as string[]).some((t) => accepted!.includes(t)),
        technique,
      ).toBe(true);
    }
  });

  it('maps entities with identifiers valid for their type and a required identifier in each', () => {
    const rows = new Map<string, { valid: string[]; requiredOneOf: string[] }>();
    for (const m of conventions().matchAll(/^\| (\w+) \| ([\w, ]+) \| ([\w ·+]+) \|$/gm)) {
      rows.set(m[1]!, { valid: m[2]!.split(',').map((s) => s.trim()), requiredOneOf: m[3]!.split('·').map((s) => s.trim()) });
    }
    expect(rows.size).toBeGreaterThan(10);
    const mappings = yaml().entityMappings as { entityType: string; fieldMappings: { identifier: string; columnName: string }[] }[];
    expect(mappings.map((m) => m.entityType)).toEqual(['Account', 'Host', 'Process']);
    expect(mappings.length).toBeLessThanOrEqual(10);
    for (const m of mappings) {
      const row = rows.get(m.entityType);
      expect(row, m.entityType).toBeDefined();
      expect(m.fieldMappings.length).toBeGreaterThanOrEqual(1);
      expect(m.fieldMappings.length).toBeLessThanOrEqual(3);
      for (const f of m.fieldMappings) {
        expect(row!.valid).toContain(f.identifier);
        expect(f.columnName).toMatch(/^[a-zA-Z_]+\w*$/);
      }
      expect(m.fieldMappings.some((f) => row!.requiredOneOf.includes(f.identifier))).toBe(true);
    }
  });

  it('orders its keys like the real Azure-Sentinel rules and uses only keys they use', () => {
    const ours = Object.keys(yaml());
    for (const file of ['rule.imProcess_AdFind_Usage.yaml', 'rule.imProcess_base64_encoded_pefile.yaml']) {
      const real = Object.keys(yamlOf(sharedText('formats', 'sentinel', file)));
      for (const key of ours) expect(real, `${file}: ${key}`).toContain(key);
      expect(ours).toEqual(real.filter((k) => ours.includes(k)));
    }
  });

  it('writes an ARM template whose alertRules resources validate against the ScheduledAlertRule schema', () => {
    const subset = fromDraft4(armSubset());
    const common = fromDraft4(commonDefs());
    const ref = {
      $ref: 'https://schema.management.azure.com/schemas/2025-09-01/Microsoft.SecurityInsights.json#/definitions/ScheduledAlertRule',
    };
    const open = newAjv().addSchema(common).addSchema(subset).compile(ref);
    const strict = newAjv()
      .addSchema(common)
      .addSchema(closed(subset) as Doc)
      .compile(ref);

    const example = JSON.parse(sharedText('formats', 'sentinel', 'rest-example.CreateScheduledAlertRule.2025-09-01.json')) as {
      parameters: { alertRule: Doc };
    };
    expect(open(example.parameters.alertRule), errorsOf(open)).toBe(true);

    const template = JSON.parse(sentinelArmTemplate([converted(seedRule(), seedKql(), 'kusto')])) as Doc & { resources: Doc[] };
    expect(template.$schema).toMatch(/deploymentTemplate\.json#$/);
    expect(template.resources).toHaveLength(1);
    for (const resource of template.resources) {
      expect(resource.type).toBe('Microsoft.OperationalInsights/workspaces/providers/alertRules');
      expect(resource.apiVersion).toBe('2025-09-01');
      expect(resource.name).toBe("[concat(parameters('workspace'),'/Microsoft.SecurityInsights/9e716b33-63b2-46da-86a4-bd3c3b9b5dfb')]");
      const body = { kind: resource.kind, properties: resource.properties };
      expect(open(body), errorsOf(open)).toBe(true);
      expect(strict(body), errorsOf(strict)).toBe(true);
      expect(strict({ ...body, properties: { ...(body.properties as Doc), bogusKey: 1 } })).toBe(false);
      expect(open({ ...body, properties: { ...(body.properties as Doc), severity: 'Critical' } })).toBe(false);
      const p = resource.properties as Doc;
      for (const key of [
        'displayName',
        'enabled',
        'suppressionDuration',
        'suppressionEnabled',
        'query',
        'queryFrequency',
        'queryPeriod',
        'severity',
        'triggerOperator',
        'triggerThreshold',
      ]) {
        expect(p, key).toHaveProperty(key);
      }
      for (const key of ['queryFrequency', 'queryPeriod', 'suppressionDuration']) expect(p[key], key).toMatch(ISO_DURATION);
      expect(p.queryFrequency).toBe('PT1H');
      expect(p.triggerOperator).toBe('GreaterThan');
      expect(p.query).toBe(seedKql());
      expect(p.techniques).toEqual(['T1552', 'T1059']);
      const table = techniqueTactics();
      for (const t of p.techniques as string[]) expect((p.tactics as string[]).some((x) => table.get(t)!.includes(x))).toBe(true);
    }
  });

  it('builds the pack files: one YAML per rule and azuredeploy.json', () => {
    const files = sentinelPackFiles([converted(seedRule(), seedKql(), 'kusto')]);
    expect(files.map((f) => f.path)).toEqual(['rules/certificate_exported_via_powershell.yaml', 'azuredeploy.json', 'README.md']);
    expect(files[0]!.content).toBe(sentinelRuleYaml(seedRule(), seedKql()));
  });
});
