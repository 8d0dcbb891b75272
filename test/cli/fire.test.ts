/**
 * Issue 21 on the command line: `match -p PIPELINE` evaluates rules as they land on the target (rows of its
 * tables), and `convert` reports the alternatives a target cannot express as warnings.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../src/index.js';
import { main } from '../../src/cli/main.js';

// SigmaHQ's registry_set_disable_system_restore, shortened: a value name and Sysmon's DWORD form.
const REGISTRY_RULE = String.raw`title: System Restore Disabled
logsource:
    category: registry_set
    product: windows
detection:
    selection:
        TargetObject|contains: '\Microsoft\Windows NT\SystemRestore'
        TargetObject|endswith: '\DisableSR'
        Details: 'DWORD (0x00000001)'
    condition: selection
`;
// SigmaHQ's proc_creation_win_pua_adfind_execution, shortened: an alternative XDR cannot express.
const ADFIND_RULE = String.raw`title: AdFind
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        - Image|endswith: '\AdFind.exe'
        - Hashes|contains: 'IMPHASH=d144de8117df2beceaba2201ad304764'
    condition: selection
`;
// A DeviceRegistryEvents row as Microsoft documents it: key and value name apart, the DWORD in decimal.
const row = (valueName: string, data: string) => ({
  ActionType: 'RegistryValueSet',
  RegistryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\SystemRestore',
  RegistryValueName: valueName,
  RegistryValueData: data,
  RegistryValueType: 'Dword',
  InitiatingProcessFolderPath: 'C:\\Windows\\System32\\reg.exe',
});

let dir = '';
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, isTTY: false });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-fire-'));
  writeFileSync(join(dir, 'registry.yml'), REGISTRY_RULE);
  writeFileSync(join(dir, 'adfind.yml'), ADFIND_RULE);
  writeFileSync(join(dir, 'hit.json'), JSON.stringify(row('DisableSR', '1')));
  writeFileSync(join(dir, 'miss.json'), JSON.stringify(row('DisableConfig', '1')));
  writeFileSync(join(dir, 'off.json'), JSON.stringify(row('DisableSR', '0')));
});

describe('sigmaform match -p', () => {
  it('fires a registry rule on the Defender XDR row of the same activity, and not on near misses', async () => {
    const hit = await run(['match', '-p', 'microsoft_xdr', 'registry.yml', 'hit.json', 'miss.json', 'off.json']);
    expect(hit.err).toBe('');
    expect(hit.out).toMatch(/^MATCH\s+registry\.yml\s+hit\.json#0/m);
    expect(hit.out).toMatch(/^no match\s+registry\.yml\s+miss\.json#0/m);
    expect(hit.out).toMatch(/^no match\s+registry\.yml\s+off\.json#0/m);
    // Without the pipeline the row has none of the rule's Sysmon fields.
    const plain = await run(['match', 'registry.yml', 'hit.json']);
    expect(plain.out).toMatch(/^no match/m);
  });

  it('reports an alternative the pipeline leaves out as a warning, and an unknown pipeline as a usage error', async () => {
    writeFileSync(join(dir, 'adfind.json'), JSON.stringify({ FolderPath: 'C:\\t\\AdFind.exe', FileName: 'AdFind.exe' }));
    const r = await run(['match', '-p', 'microsoft_xdr', 'adfind.yml', 'adfind.json']);
    expect(r.out).toMatch(/^MATCH/m);
    expect(r.err).toMatch(/warning: adfind\.yml:\d+:\d+: dropped the alternative Hashes 'IMPHASH=d144de8117df2beceaba2201ad304764'/);
    expect((await run(['match', '-p', 'no_such_pipeline', 'adfind.yml', 'adfind.json'])).code).toBe(2);
  });
});

describe('sigmaform convert warnings', () => {
  it('lists dropped alternatives in --jsonl and in the summary', async () => {
    const jsonl = await run(['convert', '-t', 'kusto', '-p', 'microsoft_xdr', '--jsonl', 'adfind.yml']);
    const line = JSON.parse(jsonl.out) as { ok: boolean; queries: string[]; warnings: { warning: string; line: number }[] };
    expect(line.ok).toBe(true);
    expect(line.queries).toEqual(['DeviceProcessEvents\n| where FolderPath endswith "\\\\AdFind.exe"']);
    expect(line.warnings).toHaveLength(1);
    expect(line.warnings[0]?.warning).toMatch(/^dropped the alternative Hashes 'IMPHASH=d144de8117df2beceaba2201ad304764': /);
    expect(line.warnings[0]?.line).toBe(8);
    const plain = await run(['convert', '-t', 'kusto', '-p', 'microsoft_xdr', 'adfind.yml']);
    expect(plain.err).toMatch(/^warning: adfind\.yml:8:\d+: dropped the alternative/m);
    expect(plain.err).toMatch(/1 warning \(alternatives the target cannot express, left out\)/);
  });
});
