import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './support/corpus.js';

const HAS_DIST = existsSync(join(REPO, 'dist', 'index.js')) && existsSync(join(REPO, 'dist', 'node.js'));
const run = (script: string) =>
  execFileSync(process.execPath, [join(REPO, 'examples', script)], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

describe.skipIf(!HAS_DIST)('examples (run against the built package in dist/; `npm run build` first)', () => {
  it('the build script prints the seed queries of all targets and builds the three packs', () => {
    const out = run('build-script.mjs');
    expect(out).toContain('CommandLine IN ("*Export-PfxCertificate *", "*Export-Certificate *")');
    expect(out).toContain(
      'imProcessCreate\n| where TargetProcessCommandLine contains "Export-PfxCertificate " or TargetProcessCommandLine contains "Export-Certificate "',
    );
    expect(out).toContain('any where process.command_line like~ ("*Export-PfxCertificate *", "*Export-Certificate *")');
    expect(out).toContain('| `certificate_exported_via_powershell_filter`');
    for (const f of ['splunk/default/savedsearches.conf', 'splunk/default/macros.conf', 'kusto/azuredeploy.json', 'eql/rules.ndjson']) {
      expect(existsSync(join(REPO, 'test-output', 'packs', f)), f).toBe(true);
    }
    const ndjson = readFileSync(join(REPO, 'test-output', 'packs', 'eql', 'rules.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(JSON.parse(ndjson[0] as string)).toMatchObject({ type: 'eql', language: 'eql', name: 'Certificate Exported Via PowerShell' });
  });
  it('a third-party backend registered from outside is used by convert and buildPack', () => {
    const out = run('custom-backend.mjs');
    expect(out).toContain(
      "SELECT * FROM logs WHERE command_line LIKE '%Export-PfxCertificate %' ESCAPE '\\' OR command_line LIKE '%Export-Certificate %' ESCAPE '\\'",
    );
    expect(out).toContain('pack: detections.sql (1 rule)');
  });
});
