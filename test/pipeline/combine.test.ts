import { describe, expect, it } from 'vitest';
import { applyPipeline, combinePipelines, loadPipelineYaml, postprocessQuery } from '../../src/pipeline/index.js';
import { rule } from './helpers.js';

const r = rule(`    sel:\n        Image: a\n    condition: sel`, 'category: process_creation\n    product: windows', 'author: Tester\n');

const setter = (name: string, priority: number, value: string, vars = '') =>
  loadPipelineYaml(
    `name: ${name}\npriority: ${priority}\n${vars}transformations:\n  - id: ${name}\n    type: set_state\n    key: who\n    val: ${value}`,
  );

describe('combinePipelines', () => {
  it('runs pipelines by ascending priority, keeping the given order for equal priorities (like -p a -p b)', () => {
    const combined = combinePipelines([setter('late', 20, 'late'), setter('early', 10, 'early'), setter('late2', 20, 'late2')]);
    const result = applyPipeline(combined, r);
    expect(result.applied).toEqual(['early', 'late', 'late2']);
    expect(result.state.who).toBe('late2');
    expect(combined.name).toBe('early + late + late2');
  });

  it('merges the vars, later pipelines overriding earlier ones', () => {
    const combined = combinePipelines([setter('a', 10, 'x', 'vars:\n  v: 1\n  w: 1\n'), setter('b', 20, 'y', 'vars:\n  w: 2\n')]);
    expect(combined.vars).toEqual({ v: 1, w: 2 });
  });
});

describe('applyPipeline', () => {
  const p = loadPipelineYaml(`transformations:
  - id: map
    type: field_name_mapping
    mapping: {Image: process.executable}
  - id: state
    type: set_state
    key: index
    val: main`);

  it('returns the new rule, the state and the applied ids, and leaves the input untouched', () => {
    const result = applyPipeline(p, r);
    expect(result.state).toEqual({ index: 'main' });
    expect(result.applied).toEqual(['map', 'state']);
    expect([...result.rule.detection.selections.values()][0]?.items[0]).toMatchObject({ field: 'process.executable' });
    expect([...r.detection.selections.values()][0]?.items[0]).toMatchObject({ field: 'Image', applied: [] });
    expect(Object.isFrozen(result.state)).toBe(true);
  });

  it('gives the same result every time (a pipeline is reusable across rules)', () => {
    expect(JSON.stringify(applyPipeline(p, r))).toBe(JSON.stringify(applyPipeline(p, r)));
  });
});

describe('postprocessQuery', () => {
  it('applies embed, replace and simple_template items whose rule conditions hold', () => {
    const p = loadPipelineYaml(`transformations:
  - type: set_state
    key: index
    val: win
postprocessing:
  - type: replace
    pattern: '(\\w+)=a'
    replacement: '\\1="A"'
  - type: embed
    prefix: '('
    suffix: ')'
  - type: simple_template
    template: 'index={pipeline.state[index]} {query} | comment "{rule.title} by {rule.author}"'
  - type: embed
    prefix: 'never '
    rule_conditions:
      - type: logsource
        product: linux`);
    const result = applyPipeline(p, r);
    expect(postprocessQuery(p, result, 'Image=a')).toBe('index=win (Image="A") | comment "Test rule by Tester"');
  });

  it('returns the query unchanged without postprocessing items', () => {
    const p = loadPipelineYaml(`transformations: []`);
    expect(postprocessQuery(p, applyPipeline(p, r), 'x')).toBe('x');
  });
});
