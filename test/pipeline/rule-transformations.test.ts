import { describe, expect, it } from 'vitest';
import { conditionText, errorOf, items, rule, run, selectionsText } from './helpers.js';

const secRule = rule(
  `    selection:
        EventID: 4624
        LogonType: 10
    filter:
        TargetUserName|endswith: '$'
    condition: selection and not filter`,
  'product: windows\n    service: security',
  'fields:\n    - TargetUserName\n',
);

describe('add_condition', () => {
  it('adds a selection and rewrites the condition to `new and (original)`, new reference first', () => {
    const { rule: r } = run(
      `transformations:
  - id: win_security
    type: add_condition
    conditions:
      source: 'WinEventLog:Security'
    rule_conditions:
      - type: logsource
        product: windows
        service: security`,
      secRule,
    );
    const names = [...r.detection.selections.keys()];
    expect(names).toEqual(['selection', 'filter', '_cond_win_security']);
    expect(selectionsText(r)._cond_win_security).toBe('source=WinEventLog:Security');
    expect(conditionText(r.detection.conditions[0]!.tree)).toBe('(_cond_win_security and (selection and not filter))');
    expect(r.detection.conditions[0]!.text).toBe('selection and not filter');
    expect(items(r).find((i) => i.field === 'source')?.applied).toEqual(['win_security']);
  });

  it('uses the given name, lists of values, negation and $category/$product/$service templates', () => {
    const { rule: r } = run(
      `transformations:
  - type: add_condition
    name: _extra
    negated: true
    template: true
    conditions:
      index: ['$product-$service', other]
      EventID|gt: 4000`,
      secRule,
    );
    expect(selectionsText(r)._extra).toBe('(index=windows-security|other AND EventID=compare)');
    expect(conditionText(r.detection.conditions[0]!.tree)).toBe('(not _extra and (selection and not filter))');
  });
});

describe('rule-level transformations', () => {
  it('change_logsource replaces the log source', () => {
    const { rule: r } = run(`transformations:\n  - type: change_logsource\n    category: authentication\n    product: windows`, secRule);
    expect(r.logsource).toEqual({ category: 'authentication', product: 'windows' });
  });

  it('set_state sets pipeline state keys, fresh for every rule', () => {
    const yaml = `transformations:
  - type: set_state
    key: index
    val: wineventlog
    rule_conditions:
      - type: logsource
        service: security
  - type: set_state
    key: fields
    val: [a, b]`;
    expect(run(yaml, secRule).state).toEqual({ index: 'wineventlog', fields: ['a', 'b'] });
    const other = rule(`    sel:\n        a: b\n    condition: sel`);
    expect(run(yaml, other).state).toEqual({ fields: ['a', 'b'] });
  });

  it('set_custom_attribute sets a custom attribute of the rule', () => {
    const { rule: r } = run(`transformations:\n  - type: set_custom_attribute\n    attribute: splunk_index\n    value: main`, secRule);
    expect(r.custom.splunk_index).toBe('main');
  });

  it('drop_detection_item removes the matching items', () => {
    const { rule: r } = run(
      `transformations:\n  - type: drop_detection_item\n    field_name_conditions:\n      - type: include_fields\n        fields: [EventID]`,
      secRule,
    );
    expect(selectionsText(r).selection).toBe('LogonType=#10');
  });

  it('rule_failure refuses the rule with the message, located at the rule', () => {
    const e = errorOf(() =>
      run(
        `transformations:\n  - type: rule_failure\n    message: not supported\n    rule_conditions:\n      - type: logsource\n        service: security`,
        secRule,
      ),
    );
    expect(e.code).toBe('pipeline-failure');
    expect(e.message).toBe('not supported');
    expect(e.file).toBe('test.yml');
  });

  it('detection_item_failure refuses the rule when an item matches, located at the item', () => {
    const yaml = `transformations:
  - type: detection_item_failure
    message: field not supported
    field_name_conditions:
      - type: exclude_fields
        fields: [EventID, LogonType]`;
    const e = errorOf(() => run(yaml, secRule));
    expect(e.code).toBe('pipeline-failure');
    expect(e.message).toBe('field not supported');
    expect(e.line).toBe(12); // TargetUserName|endswith, the item no condition field allows
    const ok = rule(`    sel:\n        EventID: 1\n    condition: sel`);
    expect(() => run(yaml, ok)).not.toThrow();
  });

  it('nest applies its own items, each with its conditions', () => {
    const { rule: r, applied } = run(
      `transformations:
  - id: outer
    type: nest
    rule_conditions:
      - type: logsource
        product: windows
    items:
      - id: inner_map
        type: field_name_mapping
        mapping: {EventID: EventCode}
      - id: inner_never
        type: set_state
        key: x
        val: 1
        rule_conditions:
          - type: logsource
            product: linux`,
      secRule,
    );
    expect(selectionsText(r).selection).toBe('(EventCode=#4624 AND LogonType=#10)');
    expect(applied).toEqual(['inner_map', 'outer']);
  });
});
