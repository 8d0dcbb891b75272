import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/index.js';
import { loadRules } from '../../src/rule/load.js';
import { getNamedPipeline } from '../../src/backend.js';
import { logsourceStats, logsourceTable } from '../../src/analyze/logsource.js';
import { fieldReport } from '../../src/analyze/fields.js';
import { main } from '../../src/cli/main.js';
import { HAS_SHARED, SHARED, SHARED_MISSING } from '../support/corpus.js';

const PROC = (title: string, level: string, status: string, field = 'CommandLine') => `title: ${title}
status: ${status}
level: ${level}
tags: [attack.t1059.001]
logsource: {product: windows, category: process_creation}
detection:
  sel: {${field}|contains: 'x'}
  condition: sel
`;
const SECURITY = `title: Logon
level: low
logsource: {product: windows, service: security}
detection:
  sel: {EventID: 4624, TargetUserName: admin}
  condition: sel
`;
const docs = [PROC('A', 'high', 'test'), PROC('B', 'high', 'stable', 'Image'), PROC('C', 'low', 'test', 'Company'), SECURITY].flatMap(
  (t) => loadRules(t).documents,
);

describe('analyze logsource', () => {
  it('counts rules per product/category/service with levels and statuses, most rules first', () => {
    const rows = logsourceStats(docs);
    expect(rows.map((r) => [r.product, r.category, r.service, r.rules])).toEqual([
      ['windows', 'process_creation', null, 3],
      ['windows', null, 'security', 1],
    ]);
    expect(rows[0]?.levels).toMatchObject({ high: 2, low: 1, critical: 0 });
    expect(rows[0]?.statuses).toMatchObject({ test: 2, stable: 1 });
    expect(logsourceTable(rows)).toMatch(/^windows\/process_creation\/-\s+3\s/m);
    expect(logsourceTable(rows)).toMatch(/^total\s+4\s/m);
  });
});

describe('analyze fields', () => {
  it('without a pipeline lists the fields as written, with the number of rules using each', () => {
    const [proc] = fieldReport(docs);
    expect(proc?.fields).toEqual([
      { field: 'CommandLine', rules: 1, mapped: ['CommandLine'] },
      { field: 'Company', rules: 1, mapped: ['Company'] },
      { field: 'Image', rules: 1, mapped: ['Image'] },
    ]);
  });

  it.skipIf(!HAS_SHARED)('with splunk_cim maps fields as the reference pipeline dump does and counts rules it refuses', () => {
    if (!HAS_SHARED) console.warn(SHARED_MISSING);
    // The CIM mapping from pySigma's own pipeline, as dumped in ../shared/reference/pipelines.json.
    const dump = JSON.stringify(JSON.parse(readFileSync(join(SHARED, 'reference', 'pipelines.json'), 'utf8')).splunk_cim);
    const cim = (field: string) => new RegExp(`"${field}":\\s*"(Processes\\.[a-z_]+)"`).exec(dump)?.[1];
    const [proc] = fieldReport(docs, getNamedPipeline(undefined, 'splunk_cim'));
    expect(proc?.fields.find((f) => f.field === 'CommandLine')?.mapped).toEqual([cim('CommandLine')]);
    expect(proc?.fields.find((f) => f.field === 'Image')?.mapped).toEqual([cim('Image')]);
    // Company is not a CIM Processes field: pySigma's pipeline refuses the rule.
    expect(proc?.refused).toBe(1);
    expect(proc?.fields.find((f) => f.field === 'Company')?.mapped).toEqual([]);
    expect(proc?.after).toEqual([cim('CommandLine'), cim('Image')].sort());
  });

  it('with sentinel_asim renames the security fields to the ASIM schema (what the SIEM must have)', () => {
    const report = fieldReport(docs, getNamedPipeline(undefined, 'sentinel_asim'));
    const proc = report[0];
    expect(proc?.after).toContain('TargetProcessCommandLine');
    expect(proc?.after).not.toContain('CommandLine');
  });
});

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false });
  return { code, stdout, stderr };
}

describe('sigmaform analyze (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigmaform-analyze-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'a.yml'), PROC('A', 'high', 'test'));
  writeFileSync(join(dir, 'rules', 'sec.yml'), SECURITY);
  writeFileSync(join(dir, 'rules', 'broken.yml'), 'title: broken\ndetection: [\n');

  it('attack writes a layer file, reports files that do not load, and exits 0', async () => {
    const r = await run(['analyze', 'attack', 'max', '-o', 'layer.json', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/broken\.yml:\d+:\d+: .*\(left out\)/);
    const layer = JSON.parse(readFileSync(join(dir, 'layer.json'), 'utf8'));
    expect(layer.techniques).toEqual([expect.objectContaining({ techniqueID: 'T1059.001', tactic: 'execution', score: 4 })]);
  });

  it("accepts sigma-cli's positional form: analyze attack FUNCTION OUTPUT.json PATH", async () => {
    const r = await run(['analyze', 'attack', 'level', 'sigma-cli.json', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'sigma-cli.json'), 'utf8')).techniques[0]).toMatchObject({
      techniqueID: 'T1059.001',
      score: 8,
    });
  });

  it('--fail-on-gaps exits 1 naming the uncovered techniques, 0 when all are covered, 2 for an unknown id', async () => {
    const gaps = await run(['analyze', 'attack', '--fail-on-gaps', 'T1059,T1003.001', '--fail-on-gaps', 'T1566', 'rules'], dir);
    expect(gaps.code).toBe(1);
    expect(gaps.stderr).toContain('no rule covers T1003.001, T1566');
    expect((await run(['analyze', 'attack', '--fail-on-gaps', 'T1059.001', 'rules'], dir)).code).toBe(0);
    const bad = await run(['analyze', 'attack', '--fail-on-gaps', 'T9999', 'rules'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('T9999');
  });

  it('logsource and fields print their tables; fields -p maps with a named pipeline; usage errors exit 2', async () => {
    const ls = await run(['analyze', 'logsource', 'rules'], dir);
    expect(ls.stdout).toMatch(/^windows\/-\/security\s+1\s/m);
    const f = await run(['analyze', 'fields', '-p', 'sentinel_asim', '--json', 'rules'], dir);
    expect(f.code).toBe(0);
    const proc = JSON.parse(f.stdout).logsources.find((l: { category: string | null }) => l.category === 'process_creation');
    expect(proc.fields[0]).toEqual({ field: 'CommandLine', rules: 1, mapped: ['TargetProcessCommandLine'] });
    expect((await run(['analyze', 'nothing', 'rules'], dir)).code).toBe(2);
    expect((await run(['analyze', 'attack'], dir)).code).toBe(2);
    expect((await run(['analyze', 'attack', '--max-color', 'red', 'rules'], dir)).code).toBe(2);
  });
});
