import { beforeAll, describe, expect, it } from 'vitest';
import '../../src/index.js';
import { diagnose } from '../../src/lsp/diagnostics.js';
import { complete, convertText, hover } from '../../src/lsp/service.js';
import type { Diagnostic } from '../../src/lsp/types.js';
import { corpus, HAS_SHARED, SHARED_MISSING } from '../support/corpus.js';

const RULE = `title: Whoami Via Web Server
id: 2a7b3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d
status: test
description: Detects whoami run by a web server
author: tests
date: 2024-01-01
tags:
    - attack.discovery
    - attack.t1033
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
        'ParentImage|endswith': '\\w3wp.exe'
    filter_main:
        User|contains: 'SYSTEM'
    condition: selection and not filter_main
falsepositives:
    - Unknown
level: medium
`;
const lines = RULE.split('\n');
const at = (line: number, text: string) => ({ line, character: (lines[line] ?? '').indexOf(text) });
const labels = (text: string, line: number, character: number, settings = {}) =>
  complete(text, { line, character }, settings).map((c) => c.label);
const errors = (d: readonly Diagnostic[]) => d.filter((x) => x.severity === 1);

describe('diagnostics', () => {
  it('a valid rule has no errors', () => {
    expect(errors(diagnose(RULE))).toEqual([]);
  });

  it('reports every unknown modifier and every missing selection, not only the first, each at its own characters', () => {
    const bad = RULE.replace('Image|endswith', 'Image|endswjth')
      .replace("'ParentImage|endswith'", "'ParentImage|contains|wildcard'")
      .replace('selection and not filter_main', 'selection and not filter_mian and not 1 of legit_*');
    const l = bad.split('\n');
    const d = errors(diagnose(bad));
    expect(d.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character])).toEqual([
      ['modifier', 14, l[14]!.indexOf('endswjth'), l[14]!.indexOf('endswjth') + 8],
      // inside a quoted key: the quote is not part of the range
      ['modifier', 15, l[15]!.indexOf('wildcard'), l[15]!.indexOf('wildcard') + 8],
      ['condition', 18, l[18]!.indexOf('filter_mian'), l[18]!.indexOf('filter_mian') + 11],
      ['condition', 18, l[18]!.indexOf('legit_*'), l[18]!.indexOf('legit_*') + 7],
    ]);
  });

  it('locates a condition syntax error at the offending character', () => {
    const bad = RULE.replace('selection and not filter_main', 'selection and and filter_main');
    const [d] = errors(diagnose(bad));
    expect(d?.code).toBe('condition');
    expect(d?.range.start).toEqual({ line: 18, character: (bad.split('\n')[18] ?? '').indexOf('and filter') });
  });

  it('reports malformed YAML once, at its line', () => {
    const d = diagnose(RULE.replace('level: medium', 'level: [medium'));
    expect(d).toHaveLength(1);
    expect(d[0]?.code).toBe('yaml');
    expect(d[0]?.range.start.line).toBeGreaterThanOrEqual(21);
  });

  it("reports the loader's schema errors (a bad level) at the key", () => {
    const [d] = errors(diagnose(RULE.replace('level: medium', 'level: severe')));
    expect(d?.code).toBe('schema');
    expect(d?.range.start.line).toBe(21);
  });

  it('shows validator findings with the validator id, as warnings or hints, at the finding', () => {
    const d = diagnose(RULE.replace('condition: selection and not filter_main', 'condition: all of them'));
    const finding = d.find((x) => x.code === 'all_of_them_condition');
    expect(finding?.severity).toBe(2);
    expect(finding?.message).toContain('all_of_them_condition');
    expect(finding?.range.start.line).toBe(18);
    expect(
      diagnose(RULE.replace('condition: selection and not filter_main', 'condition: all of them'), { validate: false }).some(
        (x) => x.code === 'all_of_them_condition',
      ),
    ).toBe(false);
  });
});

describe('completion', () => {
  it('after | lists the modifiers not yet used, replacing what is typed', () => {
    const text = RULE.replace("Image|endswith: '\\whoami.exe'", 'Image|contains|wi');
    const items = complete(text, { line: 14, character: 25 });
    expect(items.map((i) => i.label)).toContain('windash');
    expect(items.map((i) => i.label)).not.toContain('contains');
    expect(items[0]?.range).toEqual({ start: { line: 14, character: 23 }, end: { line: 14, character: 25 } });
  });

  it('in the condition lists the selection names and the condition keywords', () => {
    const l = labels(RULE, 18, lines[18]!.length);
    expect(l).toEqual(expect.arrayContaining(['selection', 'filter_main', 'not', '1 of', 'all of', 'them']));
  });

  it('top-level keys not yet present; logsource keys; status and level values', () => {
    const top = RULE.replace('falsepositives:\n    - Unknown\n', 'ref\n');
    const refLine = top.split('\n').indexOf('ref');
    expect(labels(top, refLine, 3)).toEqual(expect.arrayContaining(['references', 'falsepositives', 'fields']));
    expect(labels(top, refLine, 3)).not.toContain('title');
    expect(labels(RULE.replace('    product: windows\n', '    pro\n'), 11, 7)).toEqual(['product', 'service', 'definition']);
    expect(labels(RULE, 2, 12)).toEqual(['stable', 'test', 'experimental', 'deprecated', 'unsupported']);
  });

  it('logsource values come from the Sigma taxonomy, narrowed by the product', () => {
    const l = labels(RULE.replace('category: process_creation', 'category: pro'), 10, 17);
    expect(l).toEqual(expect.arrayContaining(['process_creation', 'ps_script', 'registry_set']));
    expect(l).not.toContain('cloudtrail');
    expect(labels(RULE.replace('product: windows', 'product: '), 11, 13)).toEqual(
      expect.arrayContaining(['windows', 'linux', 'macos', 'aws']),
    );
  });

  it('field names are the ones the chosen pipeline maps for the rule’s log source, with their target names', () => {
    const text = RULE.replace("        User|contains: 'SYSTEM'", '        Comm');
    const items = complete(text, { line: 17, character: 12 }, { pipelines: ['sentinel_asim'] });
    const commandLine = items.find((i) => i.label === 'CommandLine');
    expect(commandLine?.detail).toContain('TargetProcessCommandLine');
    // the fields of the rule itself are offered too
    expect(items.map((i) => i.label)).toContain('ParentImage');
    // no pipeline: only the rule's fields
    expect(complete(text, { line: 17, character: 12 }).map((i) => i.label)).toEqual(['Image', 'ParentImage']);
  });

  it('tags complete to ATT&CK tactics and techniques', () => {
    const text = RULE.replace('    - attack.t1033', '    - attack.t1059.00');
    const items = complete(text, { line: 8, character: 21 });
    expect(items.find((i) => i.label === 'attack.t1059.001')?.detail).toBe('Command and Scripting Interpreter: PowerShell');
    expect(items.map((i) => i.label)).toContain('attack.execution');
  });
});

describe('hover', () => {
  it('documents modifiers, unknown modifiers, ATT&CK tags and rule keys', () => {
    expect(hover(RULE, { ...at(14, 'endswith'), character: at(14, 'endswith').character + 1 })?.contents).toContain('end of the field');
    const bad = RULE.replace('Image|endswith', 'Image|endswjth');
    expect(hover(bad, { line: 14, character: at(14, 'endswith').character + 1 })?.contents).toContain('not a Sigma modifier');
    expect(hover(RULE, { line: 8, character: 10 })?.contents).toContain('System Owner/User Discovery');
    expect(hover(RULE, { line: 0, character: 2 })?.contents).toContain('**title**');
  });

  it('a field shows what the pipeline makes of it, or that the pipeline refuses it', () => {
    const h = hover(RULE, { line: 14, character: 10 }, { pipelines: ['splunk_cim'] });
    expect(h?.contents).toContain('Processes.process_path');
    const refused = RULE.replace('Image|endswith', 'Company|endswith');
    expect(hover(refused, { line: 14, character: 10 }, { pipelines: ['splunk_cim'] })?.contents).toContain('refuses or drops');
  });
});

describe('convertText', () => {
  it('returns the errors of a rule the target cannot convert instead of throwing', () => {
    const r = convertText(RULE.replace('condition: selection and not filter_main', 'condition: nothing'), { target: 'splunk' });
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.message).toContain('nothing');
    expect(convertText(RULE, { target: 'nope' }).errors[0]?.message).toContain("unknown target 'nope'");
  });
});

describe.skipIf(!HAS_SHARED)('diagnostics on the SigmaHQ corpus', () => {
  if (!HAS_SHARED) console.warn(SHARED_MISSING);
  let texts: { path: string; text: string }[];
  beforeAll(() => {
    texts = corpus().map((f) => ({ path: f.path, text: f.text }));
  });
  it('the modifier and condition checks report no error on any of the 3,141 rules the loader accepts', () => {
    const flagged = texts.filter((f) => errors(diagnose(f.text, { validate: false })).length > 0).map((f) => f.path);
    expect(flagged).toEqual([]);
    expect(texts.length).toBeGreaterThan(3000);
  });
});
