import { describe, expect, it } from 'vitest';
import { rule, run, selectionsText } from './helpers.js';

const r = rule(
  `    selection:
        EventID: 4688
        Image|endswith: '\\cmd.exe'
        CommandLine|contains: 'whoami'
        ParentImage: null
    keywords:
        - evil
    condition: selection or keywords`,
  'category: process_creation\n    product: windows',
  'id: 5f8f1b7c-9a3e-4e3d-8f2a-1b2c3d4e5f60\nlevel: high\nstatus: test\ndate: 2023-05-18\ntags:\n    - attack.execution\n    - attack.t1059\nauthor: Tester\n',
);

/** Which fields a `field_name_suffix: _X` item with the given conditions touches. */
function touched(conditions: string): string {
  const { rule: out } = run(`transformations:\n  - type: field_name_suffix\n    suffix: _X\n${conditions}`, r);
  return selectionsText(out).selection as string;
}
/** Whether a `set_state` item with the given rule conditions applies. */
function applies(conditions: string): boolean {
  return run(`transformations:\n  - id: probe\n    type: set_state\n    key: k\n    val: 1\n${conditions}`, r).applied.includes('probe');
}

describe('rule conditions', () => {
  it('logsource matches on the given keys only', () => {
    expect(applies(`    rule_conditions:\n      - type: logsource\n        product: windows`)).toBe(true);
    expect(applies(`    rule_conditions:\n      - type: logsource\n        category: process_creation\n        service: sysmon`)).toBe(
      false,
    );
  });

  it('contains_detection_item and contains_field look into the detections', () => {
    expect(applies(`    rule_conditions:\n      - type: contains_detection_item\n        field: EventID\n        value: 4688`)).toBe(true);
    expect(applies(`    rule_conditions:\n      - type: contains_detection_item\n        field: EventID\n        value: 1`)).toBe(false);
    expect(applies(`    rule_conditions:\n      - type: contains_field\n        field: CommandLine`)).toBe(true);
  });

  it('rule_attribute compares attributes: strings, levels, dates, tag lists', () => {
    expect(applies(`    rule_conditions:\n      - type: rule_attribute\n        attribute: author\n        value: Tester`)).toBe(true);
    expect(
      applies(`    rule_conditions:\n      - type: rule_attribute\n        attribute: level\n        value: medium\n        op: gte`),
    ).toBe(true);
    expect(
      applies(`    rule_conditions:\n      - type: rule_attribute\n        attribute: level\n        value: critical\n        op: gte`),
    ).toBe(false);
    expect(
      applies(`    rule_conditions:\n      - type: rule_attribute\n        attribute: date\n        value: '2024-01-01'\n        op: lt`),
    ).toBe(true);
    expect(
      applies(`    rule_conditions:\n      - type: rule_attribute\n        attribute: tags\n        value: attack.t1059\n        op: in`),
    ).toBe(true);
  });

  it('tag, is_sigma_rule and is_sigma_correlation_rule', () => {
    expect(applies(`    rule_conditions:\n      - type: tag\n        tag: attack.execution`)).toBe(true);
    expect(applies(`    rule_conditions:\n      - type: is_sigma_rule`)).toBe(true);
    expect(applies(`    rule_conditions:\n      - type: is_sigma_correlation_rule`)).toBe(false);
  });

  it('processing_item_applied and processing_state see earlier items', () => {
    const yaml = `transformations:
  - id: first
    type: set_state
    key: table
    val: imProcessCreate
  - id: second
    type: set_state
    key: seen
    val: true
    rule_conditions:
      - type: processing_item_applied
        processing_item_id: first
      - type: processing_state
        key: table
        val: imProcessCreate
  - id: third
    type: set_state
    key: never
    val: true
    rule_conditions:
      - type: processing_state
        key: missing
        val: null`;
    expect(run(yaml, r).applied).toEqual(['first', 'second']);
  });

  it('are linked with and/or, negated, or combined by an expression', () => {
    const windows = `      - type: logsource\n        product: windows`;
    const linux = `      - type: logsource\n        product: linux`;
    expect(applies(`    rule_conditions:\n${windows}\n${linux}`)).toBe(false);
    expect(applies(`    rule_cond_op: or\n    rule_conditions:\n${windows}\n${linux}`)).toBe(true);
    expect(applies(`    rule_cond_not: true\n    rule_conditions:\n${linux}`)).toBe(true);
    expect(
      applies(`    rule_cond_expr: win and not (lin or sec)
    rule_conditions:
      win: {type: logsource, product: windows}
      lin: {type: logsource, product: linux}
      sec: {type: logsource, service: security}`),
    ).toBe(true);
  });
});

describe('field name conditions', () => {
  it('include_fields and exclude_fields, plain or regular expressions', () => {
    expect(touched(`    field_name_conditions:\n      - type: include_fields\n        fields: [Image]`)).toBe(
      '(EventID=#4688 AND Image_X=*\\cmd.exe AND CommandLine=*whoami* AND ParentImage=null)',
    );
    expect(touched(`    field_name_conditions:\n      - type: exclude_fields\n        fields: [Image, EventID]`)).toBe(
      '(EventID=#4688 AND Image=*\\cmd.exe AND CommandLine_X=*whoami* AND ParentImage_X=null)',
    );
    expect(touched(`    field_name_conditions:\n      - type: include_fields\n        mode: re\n        fields: ['.*Image$']`)).toBe(
      '(EventID=#4688 AND Image_X=*\\cmd.exe AND CommandLine=*whoami* AND ParentImage_X=null)',
    );
  });

  it('processing_item_applied and negation (ECS prefix: fields not mapped and without a dot)', () => {
    const { rule: out } = run(
      `transformations:
  - id: ecs
    type: field_name_mapping
    mapping: {Image: process.executable}
  - type: field_name_prefix
    prefix: winlog.event_data.
    field_name_cond_op: or
    field_name_cond_not: true
    field_name_conditions:
      - type: processing_item_applied
        processing_item_id: ecs
      - type: include_fields
        mode: re
        fields: ['\\w+\\.']`,
      r,
    );
    expect(selectionsText(out).selection).toBe(
      '(winlog.event_data.EventID=#4688 AND process.executable=*\\cmd.exe AND winlog.event_data.CommandLine=*whoami* AND winlog.event_data.ParentImage=null)',
    );
  });
});

describe('detection item conditions', () => {
  it('match_string (any/all, negate), contains_wildcard, is_null, match_value', () => {
    expect(touched(`    detection_item_conditions:\n      - type: match_string\n        cond: any\n        pattern: '.*cmd'`)).toContain(
      'Image_X',
    );
    expect(
      touched(
        `    detection_item_conditions:\n      - type: match_string\n        cond: any\n        pattern: '\\*whoami'\n        negate: true`,
      ),
    ).toBe('(EventID_X=#4688 AND Image_X=*\\cmd.exe AND CommandLine=*whoami* AND ParentImage_X=null)');
    expect(touched(`    detection_item_conditions:\n      - type: contains_wildcard\n        cond: all`)).toBe(
      '(EventID=#4688 AND Image_X=*\\cmd.exe AND CommandLine_X=*whoami* AND ParentImage=null)',
    );
    expect(touched(`    detection_item_conditions:\n      - type: is_null\n        cond: any`)).toBe(
      '(EventID=#4688 AND Image=*\\cmd.exe AND CommandLine=*whoami* AND ParentImage_X=null)',
    );
    expect(touched(`    detection_item_conditions:\n      - type: match_value\n        cond: any\n        value: 4688`)).toBe(
      '(EventID_X=#4688 AND Image=*\\cmd.exe AND CommandLine=*whoami* AND ParentImage=null)',
    );
  });

  it('processing_item_applied on detection items, combined with field name conditions', () => {
    const { rule: out } = run(
      `transformations:
  - id: table
    type: field_name_mapping
    mapping: {Image: TargetProcessName}
  - type: field_name_suffix
    suffix: _generic
    detection_item_cond_not: true
    detection_item_conditions:
      - type: processing_item_applied
        processing_item_id: table
    field_name_conditions:
      - type: exclude_fields
        fields: [EventID]`,
      r,
    );
    expect(selectionsText(out).selection).toBe(
      '(EventID=#4688 AND TargetProcessName=*\\cmd.exe AND CommandLine_generic=*whoami* AND ParentImage_generic=null)',
    );
  });
});
