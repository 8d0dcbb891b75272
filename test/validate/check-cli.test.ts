/**
 * `sigmaform check` as a user runs it: findings grouped by file, --jsonl, SARIF 2.1.0 (checked with Microsoft's
 * SARIF validator and the SARIF 2.1.0 JSON schema), sigma-cli's validation config, --fail-severity and --fix.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../src/index.js';
import { main } from '../../src/cli/main.js';
import { rule } from './support.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, isTTY: false });
  return { code, stdout, stderr };
}
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const CLEAN = 'rules/windows/process_creation/proc_creation_win_whoami_service_account.yml';
/** medium (sigmahq_title_case), low (double_wildcard) and high (sigmahq_fieldname_cast, sigmahq_invalid_fieldname) findings */
const MIXED = 'rules/windows/process_creation/proc_creation_win_whoami_mixed_findings.yml';
const MIXED_TEXT = rule({
  title: 'title: Whoami execution By A Service Account',
  id: 'id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  detection:
    "detection:\n    selection:\n        Image|endswith: '\\whoami.exe'\n        commandline: '*whoami**'\n    condition: selection",
});
const BROKEN = 'rules/windows/process_creation/proc_creation_win_broken_modifier.yml';
const TODAY = ['--today', '2026-12-03'];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmaform-check-'));
  mkdirSync(join(dir, 'rules', 'windows', 'process_creation'), { recursive: true });
  writeFileSync(join(dir, CLEAN), rule());
  writeFileSync(join(dir, MIXED), MIXED_TEXT);
});

describe('check: text output', () => {
  it('groups the findings by file, each with line:column, severity, validator and message; exit 0 without --fail-severity', async () => {
    const r = await run(['check', ...TODAY, 'rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf(MIXED);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      "  1:8  medium  sigmahq_title_case  title word 'execution' should start with a capital letter (Title Case)",
      expect.stringMatching(/^ {2}18:9 {2}high {4}sigmahq_fieldname_cast {2}field 'commandline' should be written 'CommandLine'$/),
      expect.stringMatching(/^ {2}18:9 {2}high {4}sigmahq_invalid_fieldname {2}field 'commandline' is not a field of logsource/),
      expect.stringMatching(/^ {2}18:22 {2}low {5}double_wildcard {2}value '\*whoami\*\*' has consecutive/),
    ]);
    expect(r.stdout).not.toContain(CLEAN);
    expect(r.stdout).toContain('2 of 2 files valid (2 documents), 0 invalid; 4 findings (2 high, 1 medium, 1 low)');
  });

  it('--fail-severity fails on a finding at or above the level only', async () => {
    expect((await run(['check', ...TODAY, '--fail-severity', 'high', 'rules'])).code).toBe(1);
    expect((await run(['check', ...TODAY, '--fail-severity', 'critical', 'rules'])).code).toBe(0);
    const clean = await run(['check', ...TODAY, '--fail-severity', 'high', CLEAN]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('1 of 1 file valid (1 document), 0 invalid; 0 findings');
    const bad = await run(['check', '--fail-severity', 'severe', 'rules']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown severity 'severe'");
  });

  it('a file that does not load is reported with its line and fails the check', async () => {
    writeFileSync(
      join(dir, BROKEN),
      rule({ detection: "detection:\n    selection:\n        Image|endswith|nope: 'x'\n    condition: selection" }),
    );
    try {
      const r = await run(['check', ...TODAY, 'rules']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${BROKEN}:17:9: unknown modifier 'nope'`);
      const j = await run(['check', ...TODAY, '--jsonl', BROKEN]);
      expect(jsonLines(j.stdout)).toEqual([
        { path: BROKEN, ok: false, error: "unknown modifier 'nope' in 'Image|endswith|nope'", line: 17, column: 9, rules: 0 },
      ]);
    } finally {
      writeFileSync(join(dir, BROKEN), rule());
      execFileSync('rm', [join(dir, BROKEN)]);
    }
  });

  it('--list-validators lists the 80 validators with plugin and severity', async () => {
    const r = await run(['check', '--list-validators']);
    expect(r.stdout.trim().split('\n')).toHaveLength(80);
    expect(r.stdout).toMatch(/^sigmahq_title_case\tsigmahq\tmedium\t/m);
  });
});

describe('check --jsonl', () => {
  it('one line per file with ok, rules and issues {validator, severity, message, line, column}', async () => {
    const r = await run(['check', ...TODAY, '--jsonl', '--fail-severity', 'high', CLEAN, MIXED]);
    expect(r.code).toBe(1);
    const [clean, mixed] = jsonLines(r.stdout);
    expect(clean).toEqual({ path: CLEAN, ok: true, rules: 1, issues: [] });
    expect(mixed).toMatchObject({ path: MIXED, ok: false, rules: 1 });
    expect(mixed?.['issues']).toContainEqual({
      validator: 'sigmahq_fieldname_cast',
      severity: 'high',
      message: "field 'commandline' should be written 'CommandLine'",
      line: 18,
      column: 9,
    });
  });
});

describe('check --validation-config (sigma-cli format)', () => {
  it("runs 'all' minus the removed validators, honours per-rule exclusions and parameters", async () => {
    writeFileSync(
      join(dir, 'validation.yml'),
      [
        'validators:',
        '  - all',
        '  - -double_wildcard',
        'exclusions:',
        '  7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d: sigmahq_title_case',
        'config:',
        '  sigmahq_description_length:',
        '    description_len: 500',
        '',
      ].join('\n'),
    );
    const r = await run(['check', ...TODAY, '--jsonl', '--validation-config', 'validation.yml', CLEAN, MIXED]);
    const [clean, mixed] = jsonLines(r.stdout);
    const ids = (rec: Record<string, unknown> | undefined) => (rec?.['issues'] as { validator: string }[]).map((i) => i.validator);
    expect(ids(clean)).toEqual(['sigmahq_description_length']);
    expect(ids(mixed)).toEqual(['sigmahq_description_length', 'sigmahq_fieldname_cast', 'sigmahq_invalid_fieldname']);
  });

  it('an unknown validator in the config is a usage error naming it', async () => {
    writeFileSync(join(dir, 'bad-validation.yml'), 'validators:\n  - all\n  - -no_such_validator\n');
    const r = await run(['check', '--validation-config', 'bad-validation.yml', CLEAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown validator 'no_such_validator'");
  });
});

describe('check --format sarif', () => {
  const MULTITOOL = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  const SCHEMA = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json');
  let sarif = '';
  beforeAll(async () => {
    writeFileSync(
      join(dir, BROKEN),
      rule({ detection: "detection:\n    selection:\n        Image|endswith|nope: 'x'\n    condition: selection" }),
    );
    sarif = (await run(['check', ...TODAY, '--format', 'sarif', 'rules'])).stdout;
    execFileSync('rm', [join(dir, BROKEN)]);
    writeFileSync(join(dir, 'out.sarif'), sarif);
  });

  it('has one result per finding and per load error, at the right place, with levels from the severities', () => {
    const log = JSON.parse(sarif) as {
      version: string;
      runs: { results: Record<string, unknown>[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0?.tool.driver.rules).toHaveLength(81);
    expect(run0?.results).toHaveLength(5);
    expect(run0?.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'sigmahq_fieldname_cast',
        level: 'error',
        locations: [
          { physicalLocation: { artifactLocation: { uri: MIXED }, region: { startLine: 18, startColumn: 9, endLine: 18, endColumn: 20 } } },
        ],
      }),
    );
    expect(run0?.results).toContainEqual(expect.objectContaining({ ruleId: 'double_wildcard', level: 'note' }));
    expect(run0?.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'load_error',
        level: 'error',
        message: { text: "unknown modifier 'nope' in 'Image|endswith|nope'" },
      }),
    );
  });

  it.skipIf(!existsSync(SCHEMA))('validates against the SARIF 2.1.0 JSON schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    expect(validate(JSON.parse(sarif)), JSON.stringify(validate.errors)).toBe(true);
  });

  const multitool = (() => {
    if (!existsSync(MULTITOOL)) return 'the SARIF multitool is not installed (npm i -D @microsoft/sarif-multitool-linux)';
    try {
      chmodSync(MULTITOOL, 0o755);
      execFileSync(MULTITOOL, ['--version'], { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, stdio: 'pipe' });
      return undefined;
    } catch (e) {
      return `the SARIF multitool cannot run here: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
  })();
  if (multitool) console.warn(`skipping the SARIF multitool check: ${multitool}`);

  it.skipIf(multitool !== undefined)(
    "passes Microsoft's SARIF validator (Sarif.Multitool validate) without errors or warnings but the missing informationUri",
    () => {
      const out = join(dir, 'validation-result.sarif');
      execFileSync(MULTITOOL, ['validate', join(dir, 'out.sarif'), '-o', out], {
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        stdio: 'pipe',
      });
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        runs: { results: { ruleId: string; level?: string; message: { id?: string } }[] }[];
      };
      const problems = (result.runs[0]?.results ?? []).filter((r) => r.ruleId !== 'SARIF2005'); // informationUri: sigmaform has no web page
      expect(problems).toEqual([]);
    },
  );
});

describe('check --fix', () => {
  const BEFORE = `# a header comment stays first
id: 0e4b7c2a-5d3f-4a1b-9c8d-7e6f5a4b3c2d
# this comment belongs to the title
title: Whoami Run From A Web Server   
status: test
description: |
    Detects whoami.exe started by a web server process.
    This line ends with two spaces, which belong to the description.  
tags:
    - attack.Discovery  # the tactic
    - attack.t1033
    - attack.t1033
references:
    - https://example.com/whoami
author: Jane Doe
date: 2024-01-15
logsource:
    category: process_creation
    product: windows
level: high
detection:
    selection:
        Image|endswith: '\\whoami.exe'   
    condition: selection
falsepositives:
    - Administrators
`;
  const AFTER = `# a header comment stays first
# this comment belongs to the title
title: Whoami Run From A Web Server
id: 0e4b7c2a-5d3f-4a1b-9c8d-7e6f5a4b3c2d
status: test
description: |
    Detects whoami.exe started by a web server process.
    This line ends with two spaces, which belong to the description.  
references:
    - https://example.com/whoami
author: Jane Doe
date: 2024-01-15
tags:
    - attack.discovery  # the tactic
    - attack.t1033
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
falsepositives:
    - Administrators
level: high
`;
  const PATH = 'rules/windows/process_creation/proc_creation_win_whoami_web_server.yml';

  it('lower-cases tags, removes the repeated tag and trailing whitespace, orders the keys; comments and the block scalar stay', async () => {
    writeFileSync(join(dir, PATH), BEFORE);
    try {
      const r = await run(['check', ...TODAY, '--fix', '--jsonl', PATH]);
      expect(readFileSync(join(dir, PATH), 'utf8')).toBe(AFTER);
      expect(r.stderr).toContain('fixed 1 file(s)');
      expect(r.stderr).toContain('put the top-level keys in SigmaHQ order');
      expect(r.stderr).toContain('not fixed: trailing whitespace on 1 line(s) is part of a value');
      const [record] = jsonLines(r.stdout);
      expect(record?.['issues']).toEqual([]); // what remains after the fixes
      // a second run has nothing left to do
      const again = await run(['check', ...TODAY, '--fix', PATH]);
      expect(again.stderr).toContain('fixed 0 file(s)');
      expect(readFileSync(join(dir, PATH), 'utf8')).toBe(AFTER);
    } finally {
      execFileSync('rm', [join(dir, PATH)]);
    }
  });
});

describe('convert and pack --validate', () => {
  it('convert --validate reports the findings on stderr and converts; with --fail-severity met it converts nothing and exits 1', async () => {
    const ok = await run(['convert', '-t', 'splunk', '--validate', MIXED]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`${MIXED}:18:9: high sigmahq_fieldname_cast: field 'commandline' should be written 'CommandLine'`);
    expect(ok.stderr).toContain('validation: 4 findings in 1 of 1 file');
    expect(ok.stdout).toContain('whoami.exe');
    const gated = await run(['convert', '-t', 'splunk', '--validate', '--fail-severity', 'high', MIXED]);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toBe('');
    expect(gated.stderr).toContain("1 file(s) have findings at or above 'high'; nothing converted");
    const clean = await run(['convert', '-t', 'splunk', '--validate', '--fail-severity', 'high', CLEAN]);
    expect(clean.code).toBe(0);
  });

  it('pack --validate with --fail-severity met writes no pack', async () => {
    const r = await run(['pack', '-t', 'eql', '-p', 'ecs_windows', '-o', 'gated-pack', '--validate', '--fail-severity', 'medium', MIXED]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'gated-pack'))).toBe(false);
  });

  it('without --validate nothing is validated, and --fail-severity alone is a usage error', async () => {
    const r = await run(['convert', '-t', 'splunk', MIXED]);
    expect(r.stderr).not.toContain('validation:');
    expect((await run(['convert', '-t', 'splunk', '--fail-severity', 'high', MIXED])).code).toBe(2);
  });
});
