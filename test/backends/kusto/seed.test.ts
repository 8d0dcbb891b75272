/**
 * The seed rule "Certificate Exported Via PowerShell" end to end through the public API: its Sentinel query is
 * exactly the seed's, its Defender XDR query the reference's, and the `sentinel_rule` / `arm` formats follow the
 * published Sentinel formats of ../shared/formats/sentinel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { registerBackend } from '../../../src/backend.js';
import { createConverter } from '../../../src/convert.js';
import { kustoBackend } from '../../../backends/kusto/index.js';
import { HAS_SHARED, SHARED, SHARED_MISSING, reference } from '../../support/corpus.js';
import { closed, errorsOf, fromDraft4, newAjv } from '../../packs/ajv.js';
import { DEFAULT_PACK_SETTINGS } from '../../../src/packs/settings.js';

type Doc = Record<string, unknown>;
const SEED_PATH = 'rules/windows/process_creation/proc_creation_win_powershell_export_certificate.yml';
const shared = (...parts: string[]): string => readFileSync(join(SHARED, ...parts), 'utf8');

/** The KQL block of the seed page: the lines after "KQL (Azure Sentinel)" up to the next blank line. */
function seedKql(): string {
  const page = readFileSync(join(SHARED, 'seeds', '002_47a6336fb685b4b0.txt'), 'utf8');
  const after = page.split('KQL (Azure Sentinel)')[1] ?? '';
  return after.trim().split(/\n\s*\n/)[0] as string;
}

describe.skipIf(!HAS_SHARED)(`Kusto seed rule${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
  registerBackend(kustoBackend);
  const rule = (): string => shared('sigma', SEED_PATH);
  const convert = (pipeline: string, format = 'default') => {
    const result = createConverter({ target: 'kusto', pipelines: [pipeline], format }).text(rule(), SEED_PATH);
    if (!result.ok) throw result.error;
    return result;
  };

  it('gives exactly the seed query with -p sentinel_asim', () => {
    expect(seedKql()).toMatch(/^imProcessCreate\n\| where /);
    expect(convert('sentinel_asim').queries).toEqual([seedKql()]);
  });

  it("gives the reference's query with -p microsoft_xdr", () => {
    const record = reference('kusto.microsoft_xdr').get(SEED_PATH);
    expect(record?.ok && record.queries).toEqual(convert('microsoft_xdr').queries);
  });

  it('writes a Sentinel analytic rule (sentinel_rule) with the seed query, its tactics and techniques', () => {
    const [text] = convert('sentinel_asim', 'sentinel_rule').queries;
    const doc = load(text as string) as Doc;
    const conventions = shared('formats', 'sentinel', 'analytic-rule-yaml.conventions.md');
    const section = conventions.split('## Top-level keys')[1]?.split('\n## ')[0] ?? '';
    const required = [...section.matchAll(/^\| `(\w+)` \| yes/gm)].map((m) => m[1] as string);
    expect(required.length).toBeGreaterThan(8);
    for (const key of required) expect(doc, key).toHaveProperty(key);
    expect(doc.query).toBe(seedKql());
    expect(doc.kind).toBe('Scheduled');
    expect(doc.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(['Informational', 'Low', 'Medium', 'High']).toContain(doc.severity);
    expect(doc.queryFrequency).toMatch(/^\d+[mhd]$/);
    expect(doc.queryPeriod).toMatch(/^\d+[mhd]$/);
    // "Certificate Exported Via PowerShell" (attack.t1552.004, attack.t1059.001), as the conventions spell out.
    expect([...(doc.tactics as string[])].sort()).toEqual(['CredentialAccess', 'Execution']);
    expect(doc.relevantTechniques).toEqual(['T1552.004', 'T1059.001']);
  });

  it('writes an ARM template (arm) whose alert rule validates against the ScheduledAlertRule schema', () => {
    const result = convert('sentinel_asim', 'arm');
    expect(result.queries).toEqual([seedKql()]);
    const finalize = kustoBackend.formats.arm?.finalizeOutput;
    expect(finalize).toBeDefined();
    const template = JSON.parse(finalize!(result.results)) as Doc & { resources: Doc[] };
    expect(template.$schema).toMatch(/deploymentTemplate\.json#$/);
    expect(template.resources).toHaveLength(1);
    const subset = fromDraft4(
      JSON.parse(shared('formats', 'sentinel', 'arm-schema.Microsoft.SecurityInsights.2025-09-01.ScheduledAlertRule.subset.json')) as Doc,
    );
    const common = fromDraft4(JSON.parse(shared('formats', 'sentinel', 'arm-schema.common-definitions.json')) as Doc);
    const validate = newAjv()
      .addSchema(common)
      .addSchema(closed(subset) as Doc)
      .compile({
        $ref: 'https://schema.management.azure.com/schemas/2025-09-01/Microsoft.SecurityInsights.json#/definitions/ScheduledAlertRule',
      });
    const resource = template.resources[0] as Doc;
    expect(resource.type).toBe('Microsoft.OperationalInsights/workspaces/providers/alertRules');
    const body = { kind: resource.kind, properties: resource.properties };
    expect(validate(body), errorsOf(validate)).toBe(true);
    expect((resource.properties as Doc).query).toBe(seedKql());
    expect((resource.properties as Doc).queryFrequency).toMatch(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/);
  });

  it('packs the rule as an Azure-Sentinel YAML file and an ARM template', () => {
    const files = kustoBackend.pack?.(convert('sentinel_asim').results, DEFAULT_PACK_SETTINGS) ?? [];
    expect(files.map((f) => f.path)).toEqual([expect.stringMatching(/^rules\/\w+\.yaml$/), 'azuredeploy.json', 'README.md']);
    expect((load(files[0]?.content ?? '') as Doc).query).toBe(seedKql());
  });
});
