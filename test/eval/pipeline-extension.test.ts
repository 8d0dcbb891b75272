/**
 * `match -p` extends each event with the computed fields of the rules that read them once, not once per set of
 * fields (src/node/match-eval.ts): the rules whose definitions agree share one extension. microsoft_xdr defines
 * `SysmonUser` two ways (DeviceProcessEvents: the process's account; the other tables: the initiating
 * process's account, as Sysmon's User is on those events), so a rule of each kind must still read its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { createConverter } from '../../src/convert.js';
import { ruleFromText } from './helpers.js';
import { runMatch } from './cli-run.js';

const rule = (title: string, category: string, user: string): string =>
  [
    `title: ${title}`,
    `logsource: {product: windows, category: ${category}}`,
    'detection:',
    `  sel: {User: '${user}'}`,
    '  condition: sel',
  ].join('\n') + '\n';

describe('computed fields shared between rules, and not where their definitions differ', () => {
  it('a process rule reads SysmonUser from the account, a file rule from the initiating account, in one run', async () => {
    const proc = rule('proc user', 'process_creation', 'CORP\\bob');
    const file = rule('file user', 'file_event', 'CORP\\eve');
    // The queries, as convert gives them: each extends SysmonUser from its own columns.
    const kql = createConverter({ target: 'kusto', pipelines: ['microsoft_xdr'] });
    expect(kql.rule(ruleFromText(proc, 'proc.yml')).queries[0]).toMatch(/extend SysmonUser = .*AccountName/);
    expect(kql.rule(ruleFromText(proc, 'proc.yml')).queries[0]).not.toMatch(/InitiatingProcessAccountName/);
    expect(kql.rule(ruleFromText(file, 'file.yml')).queries[0]).toMatch(/extend SysmonUser = .*InitiatingProcessAccountName/);
    const dir = mkdtempSync(join(tmpdir(), 'sigmaform-extension-'));
    try {
      writeFileSync(join(dir, 'proc.yml'), proc);
      writeFileSync(join(dir, 'file.yml'), file);
      // A third rule that reads other computed fields (the registry's), so that the file rule shares an extension.
      writeFileSync(
        join(dir, 'reg.yml'),
        "title: reg\nlogsource: {product: windows, category: registry_set}\ndetection:\n  sel: {TargetObject|endswith: '\\\\Run\\\\evil'}\n  condition: sel\n",
      );
      const row = (type: string, extra: Record<string, string>) =>
        JSON.stringify({
          Type: type,
          AccountDomain: 'corp',
          AccountName: 'bob',
          InitiatingProcessAccountDomain: 'corp',
          InitiatingProcessAccountName: 'eve',
          ...extra,
        });
      writeFileSync(
        join(dir, 'rows.jsonl'),
        [
          row('DeviceProcessEvents', {}),
          row('DeviceFileEvents', {}),
          row('DeviceRegistryEvents', {
            ActionType: 'RegistryValueSet',
            RegistryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
            RegistryValueName: 'evil',
          }),
        ].join('\n') + '\n',
      );
      for (const extra of [[], ['--loop']]) {
        const r = await runMatch(
          ['-p', 'microsoft_xdr', '-r', 'proc.yml', '-r', 'file.yml', '-r', 'reg.yml', 'rows.jsonl', '--jsonl', ...extra],
          dir,
        );
        expect(r.code).toBe(0);
        const pairs = r.out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { rule: string; index: number })
          .map((p) => `${p.rule}#${p.index}`);
        expect(pairs).toEqual(['proc.yml#0', 'file.yml#1', 'reg.yml#2']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
