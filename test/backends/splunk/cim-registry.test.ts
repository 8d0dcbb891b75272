/**
 * splunk_cim registry rules compare the CIM Endpoint.Registry fields of the same meaning (Splunk CIM, Endpoint
 * data model): Sysmon's TargetObject (key and value name) is `registry_path` — `registry_key_name` is the key
 * alone — and Sysmon's EventType values are CIM's `action` values (created, deleted, modified, read).
 */
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/convert.js';
import { loadRules } from '../../../src/rule/load.js';
import { compilePipelineMatcher } from '../../../src/eval/pipeline.js';
import { getNamedPipeline } from '../../../src/backend.js';
import '../../../src/index.js';

const RULE = `title: Run key value deleted
id: 4f1b8b0e-9d0a-4c53-a1f4-1d2f3c4b5a60
status: test
logsource:
  category: registry_delete
  product: windows
detection:
  selection:
    EventType: DeleteValue
    TargetObject|endswith: '\\CurrentVersion\\Run\\Updater'
  condition: selection
level: high
`;

const rule = loadRules(RULE, 'rule.yml').documents[0];
const matcher = rule?.kind === 'rule' ? compilePipelineMatcher(rule, getNamedPipeline(undefined, 'splunk_cim')) : undefined;

/** A CIM Endpoint.Registry row of Sysmon event 12 (DeleteValue of …\Run\Updater). */
const row = {
  'Registry.action': 'deleted',
  'Registry.registry_path': 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
  'Registry.registry_key_name': 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
  'Registry.registry_value_name': 'Updater',
};

describe('splunk_cim registry fields', () => {
  it('writes TargetObject as Registry.registry_path and EventType DeleteValue as Registry.action="deleted"', () => {
    const result = createConverter({ target: 'splunk', pipelines: ['splunk_cim'], format: 'data_model' }).text(RULE, 'rule.yml');
    expect(result.ok).toBe(true);
    const query = result.ok ? (result.queries[0] ?? '') : '';
    expect(query).toContain('Registry.action="deleted"');
    expect(query).toContain('Registry.registry_path="*\\\\CurrentVersion\\\\Run\\\\Updater"');
    expect(query).not.toContain('registry_key_name=');
  });

  it('fires on the CIM row of the deleted value, not on a modified value or another value name', () => {
    expect(matcher?.test(row)).toBe(true);
    expect(matcher?.test({ ...row, 'Registry.action': 'modified' })).toBe(false);
    expect(matcher?.test({ ...row, 'Registry.registry_path': `${row['Registry.registry_key_name']}\\Other` })).toBe(false);
  });
});
