import { describe, expect, it } from 'vitest';
import { items, rule, run, selectionsText } from './helpers.js';

const procRule = rule(
  `    selection:
        Image|endswith: '\\cmd.exe'
        CommandLine|contains:
            - 'whoami'
            - 'net user'
    filter:
        ParentImage: 'C:\\Windows\\explorer.exe'
    condition: selection and not filter`,
  'category: process_creation\n    product: windows',
  'fields:\n    - CommandLine\n    - User\n',
);

describe('field_name_mapping', () => {
  it('renames fields one-to-one in every selection and in the fields list', () => {
    const { rule: r } = run(
      `transformations:
  - id: map
    type: field_name_mapping
    mapping:
      CommandLine: process.command_line
      ParentImage: process.parent.executable`,
      procRule,
    );
    expect(selectionsText(r)).toEqual({
      selection: '(Image=*\\cmd.exe AND process.command_line=*whoami*|*net user*)',
      filter: 'process.parent.executable=C:\\Windows\\explorer.exe',
    });
    expect(r.fields).toEqual(['process.command_line', 'User']);
  });

  it('turns a one-to-many mapping into an OR of copies of the item', () => {
    const { rule: r } = run(
      `transformations:
  - type: field_name_mapping
    mapping:
      Image: [TargetProcessName, ActingProcessName]`,
      procRule,
    );
    expect(selectionsText(r).selection).toBe(
      '((TargetProcessName=*\\cmd.exe OR ActingProcessName=*\\cmd.exe) AND CommandLine=*whoami*|*net user*)',
    );
  });

  it('records the mapping item on the renamed items and keeps the original field name', () => {
    const { rule: r, applied } = run(`transformations:\n  - id: map\n    type: field_name_mapping\n    mapping: {Image: proc}`, procRule);
    const image = items(r).find((i) => i.field === 'proc');
    expect(image?.applied).toEqual(['map']);
    expect(image?.originalField).toBe('Image');
    expect(items(r).find((i) => i.field === 'CommandLine')?.applied).toEqual([]);
    expect(applied).toEqual(['map']);
  });

  it('maps the field named by a fieldref value too', () => {
    const r = rule(`    sel:\n        SubjectUserName|fieldref: TargetUserName\n    condition: sel`);
    const { rule: out } = run(
      `transformations:\n  - type: field_name_mapping\n    mapping: {TargetUserName: user.target.name, SubjectUserName: user.name}`,
      r,
    );
    expect(selectionsText(out).sel).toBe('user.name=ref(user.target.name)');
  });

  it('leaves the input rule unchanged (applying is pure)', () => {
    const before = selectionsText(procRule);
    run(`transformations:\n  - type: field_name_mapping\n    mapping: {Image: x}`, procRule);
    expect(selectionsText(procRule)).toEqual(before);
  });
});

describe('field name prefixes and suffixes', () => {
  it('field_name_prefix_mapping replaces a matching prefix', () => {
    const r = rule(`    sel:\n        winlog.event_data.Image: a\n        other: b\n    condition: sel`);
    const { rule: out } = run(`transformations:\n  - type: field_name_prefix_mapping\n    mapping: {winlog.event_data.: 'event.'}`, r);
    expect(selectionsText(out).sel).toBe('(event.Image=a AND other=b)');
  });

  it('field_name_prefix and field_name_suffix add text to every field name (not to keywords)', () => {
    const r = rule(`    sel:\n        Image: a\n    keywords:\n        - evil\n    condition: sel or keywords`);
    const { rule: out } = run(
      `transformations:\n  - type: field_name_prefix\n    prefix: 'data.'\n  - type: field_name_suffix\n    suffix: '.keyword'`,
      r,
    );
    expect(selectionsText(out)).toEqual({ sel: 'data.Image.keyword=a', keywords: '<keyword>=evil' });
  });
});

describe('fields list transformations', () => {
  it('add_field appends, remove_field removes, set_field replaces', () => {
    const added = run(`transformations:\n  - type: add_field\n    field: [Image, Hashes]`, procRule).rule;
    expect(added.fields).toEqual(['CommandLine', 'User', 'Image', 'Hashes']);
    const removed = run(`transformations:\n  - type: remove_field\n    field: User`, procRule).rule;
    expect(removed.fields).toEqual(['CommandLine']);
    const set = run(`transformations:\n  - type: set_field\n    fields: [a, b]`, procRule).rule;
    expect(set.fields).toEqual(['a', 'b']);
  });
});
