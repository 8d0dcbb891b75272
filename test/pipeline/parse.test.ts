import { describe, expect, it } from 'vitest';
import { loadPipelineYaml, parsePipeline } from '../../src/pipeline/index.js';
import { errorOf } from './helpers.js';

describe('loading pipelines from YAML', () => {
  it('reads name, priority, vars, transformations with ids, postprocessing and finalizers', () => {
    const p = loadPipelineYaml(
      `name: My pipeline
priority: 30
vars:
  admins: [root]
allowed_backends: [splunk]
transformations:
  - id: map
    type: field_name_mapping
    mapping:
      EventID: EventCode
  - type: set_state
    key: index
    val: main
postprocessing:
  - type: embed
    prefix: 'index=main '
finalizers:
  - type: concat
    separator: ' OR '`,
      'mine.yml',
    );
    expect(p.name).toBe('My pipeline');
    expect(p.priority).toBe(30);
    expect(p.vars).toEqual({ admins: ['root'] });
    expect(p.allowedBackends).toEqual(['splunk']);
    expect(p.items.map((i) => i.id)).toEqual(['map', 'set_state@transformations[1]']);
    expect(p.items[0]?.location).toEqual({ file: 'mine.yml', line: 7, column: 5 });
    expect(p.postprocessing.map((i) => i.type)).toEqual(['embed']);
    expect(p.finalizers.map((f) => f.definition)).toEqual([{ type: 'concat', separator: ' OR ' }]);
    expect(Object.isFrozen(p) && Object.isFrozen(p.items)).toBe(true);
  });

  it('defaults to priority 0 and no items', () => {
    const p = parsePipeline({});
    expect(p.priority).toBe(0);
    expect(p.items).toEqual([]);
  });
});

describe('bad pipelines give one clear error naming the key and its line', () => {
  const bad = (text: string) => errorOf(() => loadPipelineYaml(text, 'bad.yml'));

  it('unknown transformation type', () => {
    const e = bad(`name: p\ntransformations:\n  - type: field_name_mappings\n    mapping: {a: b}`);
    expect(e.code).toBe('pipeline');
    expect(e.message).toMatch(
      /^pipeline 'p': transformations\[0\]\.type: unknown transformation type 'field_name_mappings' \(known: .*field_name_mapping/,
    );
    expect([e.file, e.line, e.column]).toEqual(['bad.yml', 3, 11]);
  });

  it('missing parameter', () => {
    const e = bad(`transformations:\n  - type: field_name_mapping\n    id: x`);
    expect(e.message).toBe("pipeline: transformations[0].mapping: missing 'mapping' (a map) in transformation 'field_name_mapping'");
    expect(e.line).toBe(2);
  });

  it('wrong parameter type', () => {
    const e = bad(`transformations:\n  - type: field_name_mapping\n    mapping:\n      EventID: 12`);
    expect(e.message).toMatch(/^pipeline: transformations\[0\]\.mapping\.EventID: expected a string or a list, got number$/);
    expect([e.line, e.column]).toEqual([4, 16]);
  });

  it('unknown parameter', () => {
    const e = bad(`transformations:\n  - type: set_state\n    key: a\n    val: b\n    vall: c`);
    expect(e.message).toBe("pipeline: transformations[0].vall: unknown key 'vall' in transformation 'set_state'");
    expect(e.line).toBe(5);
  });

  it('unknown top-level key', () => {
    expect(bad(`name: p\ntransformation: []`).message).toBe("pipeline 'p': transformation: unknown key 'transformation' in the pipeline");
  });

  it('unknown condition type and bad condition parameters', () => {
    const e = bad(
      `transformations:\n  - type: drop_detection_item\n    field_name_conditions:\n      - type: include_field\n        fields: [a]`,
    );
    expect(e.message).toMatch(
      /transformations\[0\]\.field_name_conditions\[0\]\.type: unknown field name condition type 'include_field' \(known: exclude_fields, include_fields/,
    );
    expect(e.line).toBe(4);
    const p = bad(`transformations:\n  - type: drop_detection_item\n    rule_conditions:\n      - type: logsource\n        category: 3`);
    expect(p.message).toMatch(/rule_conditions\[0\]\.category: expected a string/);
  });

  it('bad condition linking and expressions', () => {
    expect(bad(`transformations:\n  - type: drop_detection_item\n    rule_cond_op: xor`).message).toMatch(
      /rule_cond_op: must be 'and' or 'or'/,
    );
    const e = bad(`transformations:
  - type: drop_detection_item
    rule_cond_expr: a and b
    rule_conditions:
      a: {type: logsource, product: windows}`);
    expect(e.message).toMatch(/rule_cond_expr: 'b' is not one of the conditions/);
    expect(e.line).toBe(3);
  });

  it('bad regular expressions and replacement templates', () => {
    expect(bad(`transformations:\n  - type: replace_string\n    regex: '(unclosed'\n    replacement: x`).message).toMatch(
      /transformations\[0\]: invalid regular expression '\(unclosed'/,
    );
    expect(bad(`transformations:\n  - type: replace_string\n    regex: 'a'\n    replacement: '\\q'`).message).toMatch(/bad escape \\q/);
  });

  it('a processing item that is not a map, and YAML that is not a pipeline', () => {
    expect(bad(`transformations:\n  - field_name_mapping`).message).toMatch(/transformations\[0\]: a processing item must be a map/);
    expect(bad(`- a\n- b`).message).toMatch(/a pipeline must be a map/);
    expect(bad(`transformations: [`).code).toBe('yaml');
  });
});
