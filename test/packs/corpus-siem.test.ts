/**
 * The Sentinel and Elastic packs of the whole SigmaHQ corpus (sentinel_asim, microsoft_xdr, ecs_windows): every
 * rule `convert` converts is in the pack once with the same query, or one error record when it breaks a Sentinel
 * limit; each ARM template within Azure's limits (800 resources, 4 MB) and valid against the ScheduledAlertRule
 * schema; the NDJSON within Kibana's import limits and valid for its import; every rule disabled.
 */
import { load } from 'js-yaml';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';
import { closed, elasticRuleValidator, errorsOf, fromDraft4, newAjv } from './ajv.js';
import { convertQueries, difference, file, multiset, packRun, refusedQueries, total, under, type PackRun } from './corpus-packs.js';
import { sharedText } from './helpers.js';

type Doc = Record<string, unknown>;
interface ArmTemplate {
  readonly resources: { readonly kind: string; readonly properties: Doc & { query: string; enabled: boolean } }[];
}

/** Azure Resource Manager template limits (learn.microsoft.com, "ARM template best practices": 800 resources, 4 MB). */
const AZURE = { resources: 800, bytes: 4 * 1024 * 1024 };
/** Kibana's rule import: 10,000 rules per file (xpack.securitySolution.maxRuleImportExportSize), 25 MB request. */
const KIBANA = { rules: 10_000, bytes: 26_214_400 };

function armValidator(): ValidateFunction {
  const subset = fromDraft4(
    JSON.parse(sharedText('formats', 'sentinel', 'arm-schema.Microsoft.SecurityInsights.2025-09-01.ScheduledAlertRule.subset.json')) as Doc,
  );
  const common = fromDraft4(JSON.parse(sharedText('formats', 'sentinel', 'arm-schema.common-definitions.json')) as Doc);
  return newAjv()
    .addSchema(common)
    .addSchema(closed(subset) as Doc)
    .compile({
      $ref: 'https://schema.management.azure.com/schemas/2025-09-01/Microsoft.SecurityInsights.json#/definitions/ScheduledAlertRule',
    });
}

describe.skipIf(!HAS_SHARED)('Sentinel packs of the corpus', () => {
  if (!HAS_SHARED) console.warn(SHARED_MISSING);
  const runs = new Map<string, PackRun>();
  beforeAll(() => {
    for (const pipeline of ['sentinel_asim', 'microsoft_xdr']) runs.set(pipeline, packRun('kusto', [pipeline], 'default'));
  }, 120_000);

  for (const pipeline of ['sentinel_asim', 'microsoft_xdr']) {
    it(`${pipeline}: every query convert prints is in one rule YAML and one ARM resource, byte for byte, or its rule is one error record`, () => {
      const run = runs.get(pipeline)!;
      const converted = convertQueries(run);
      const refused = refusedQueries(run);
      const kept = multiset([...converted].flatMap(([q, n]) => Array<string>(Math.max(0, n - (refused.get(q) ?? 0))).fill(q)));
      const yamls = under(run, 'rules').map((p) => (load(file(run, p)) as { query: string }).query);
      const templates = [...run.files.keys()].filter((p) => /^azuredeploy(-\d+)?\.json$/.test(p));
      const arm = templates.flatMap((p) => (JSON.parse(file(run, p)) as ArmTemplate).resources.map((r) => r.properties.query));
      expect(difference(kept, multiset(yamls))).toEqual([]);
      expect(difference(multiset(yamls), kept)).toEqual([]);
      expect(difference(kept, multiset(arm))).toEqual([]);
      expect(arm).toHaveLength(total(kept));
      // a refused rule is one located error record, for a Sentinel limit (a query over 10,000 characters …)
      for (const r of run.results.filter((x) => !x.ok)) {
        if (r.ok) continue;
        const before = run.convert.find((c) => c.path === r.path);
        if (before?.ok) expect(r.error.code, r.error.message).toBe('limit');
      }
      for (const q of refused.keys()) expect(q.length).toBeGreaterThan(10_000);
    });
  }

  it('splits the ARM templates within Azure’s limits, each valid, every rule disabled, with a README that deploys them all', () => {
    const validate = armValidator();
    const run = runs.get('sentinel_asim')!;
    const templates = [...run.files.keys()].filter((p) => /^azuredeploy(-\d+)?\.json$/.test(p)).sort();
    expect(templates.length).toBeGreaterThan(1);
    for (const p of templates) {
      const text = file(run, p);
      const template = JSON.parse(text) as ArmTemplate;
      expect(Buffer.byteLength(text, 'utf8'), p).toBeLessThanOrEqual(AZURE.bytes);
      expect(template.resources.length, p).toBeLessThanOrEqual(AZURE.resources);
      for (const r of template.resources) {
        expect(r.properties.enabled).toBe(false);
        expect(validate({ kind: r.kind, properties: r.properties }), errorsOf(validate)).toBe(true);
      }
    }
    const readme = file(run, 'README.md');
    for (const p of templates) expect(readme).toContain(p);
    expect(readme).toContain('az deployment group create');
  });
});

describe.skipIf(!HAS_SHARED)('Elastic pack of the corpus', () => {
  let run: PackRun;
  beforeAll(() => {
    run = packRun('eql', ['ecs_windows'], 'default');
  }, 120_000);

  it('ecs_windows: every query convert prints is one NDJSON rule, byte for byte, importable by Kibana, disabled', () => {
    const validate = elasticRuleValidator(sharedText('formats', 'elastic', 'detection-rules.api_schema.master.eql.json'));
    const ndjson = [...run.files.keys()].filter((p) => /^rules(-\d+)?\.ndjson$/.test(p));
    expect(ndjson).toEqual(['rules.ndjson']);
    const text = file(run, 'rules.ndjson');
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(KIBANA.bytes);
    const rules = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc & { query: string; rule_id: string; enabled: boolean });
    expect(rules.length).toBeLessThanOrEqual(KIBANA.rules);
    expect(difference(convertQueries(run), multiset(rules.map((r) => r.query)))).toEqual([]);
    expect(rules).toHaveLength(total(convertQueries(run)));
    expect(new Set(rules.map((r) => r.rule_id)).size).toBe(rules.length);
    const invalid = rules.flatMap((r) => (validate(r) === true ? [] : [`${String(r['rule_id'])}: ${errorsOf(validate)}`]));
    expect(invalid.slice(0, 5)).toEqual([]);
    expect(rules.every((r) => r.enabled === false)).toBe(true);
    // the pack refuses nothing convert converted
    expect(run.results.filter((r) => !r.ok).map((r) => r.path)).toEqual(run.convert.filter((r) => !r.ok).map((r) => r.path));
  });
});
