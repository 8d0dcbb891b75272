import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rule/load.js';
import { SigmaError } from '../../src/errors.js';
import { ruleWith } from './helpers.js';
import { errorOf as errorOfCall } from '../support/errors.js';

const errorOf = (text: string): SigmaError => errorOfCall(() => loadRules(text, 'bad.yml'));

describe('loading rules', () => {
  it('keeps metadata and custom attributes', () => {
    const rule = ruleWith('  sel:\n    a: 1\n  condition: sel', 'level: high\ntags:\n  - attack.t1059.001\ncustom_cron: "*/5 * * * *"');
    expect(rule.level).toBe('high');
    expect(rule.tags).toEqual(['attack.t1059.001']);
    expect(rule.custom).toEqual({ custom_cron: '*/5 * * * *' });
  });
  it('a list of maps is an or of and-ed selections', () => {
    const rule = ruleWith('  sel:\n    - a: 1\n      b: 2\n    - c: 3\n  condition: sel');
    const sel = rule.detection.selections.get('sel');
    expect(sel?.linking).toBe('or');
    expect(sel?.items.map((i) => i.kind === 'detection' && i.linking)).toEqual(['and', 'and']);
  });
  it('a list of plain values is a keyword item', () => {
    const rule = ruleWith("  keywords:\n    - 'evil'\n    - 'bad'\n  condition: keywords");
    const item = rule.detection.selections.get('keywords')?.items[0];
    expect(item).toMatchObject({ kind: 'item', field: null, linking: 'or' });
  });
  it('several conditions give several conditions', () => {
    const rule = ruleWith('  a:\n    x: 1\n  b:\n    y: 2\n  condition:\n    - a\n    - b');
    expect(rule.detection.conditions.map((c) => c.text)).toEqual(['a', 'b']);
  });
  it('reads several documents of one file', () => {
    const two = `title: A\nlogsource: {product: windows}\ndetection: {s: {a: 1}, condition: s}\n---\ntitle: B\nlogsource: {product: windows}\ndetection: {s: {b: 1}, condition: s}\n`;
    expect(loadRules(two).documents.map((d) => d.title)).toEqual(['A', 'B']);
  });
  it('tells correlation and filter documents apart from rules', () => {
    const text = `title: R\nname: r\nlogsource: {product: windows}\ndetection: {s: {a: 1}, condition: s}\n---\ntitle: C\ncorrelation:\n  type: event_count\n  rules: [r]\n  group-by: [User]\n  timespan: 5m\n  condition: {gte: 10}\n---\ntitle: F\nlogsource: {product: windows}\nfilter:\n  rules: [r]\n  sel: {User: admin}\n  condition: not sel\n`;
    const docs = loadRules(text).documents;
    expect(docs.map((d) => d.kind)).toEqual(['rule', 'correlation', 'filter']);
    expect(docs[1]).toMatchObject({ type: 'event_count', timespanSeconds: 300, groupBy: ['User'], condition: { gte: 10 } });
  });
});

describe('loading errors', () => {
  it('malformed YAML is a yaml error with line and column', () => {
    const e = errorOf('title: x\ndetection: [a, b\n');
    expect(e.code).toBe('yaml');
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.file).toBe('bad.yml');
  });
  it('a duplicate key is an error', () => expect(errorOf('title: x\ntitle: y\n').code).toBe('yaml'));
  it('a missing detection is a schema error at the title', () => {
    const e = errorOf('title: x\nlogsource: {product: windows}\n');
    expect(e.code).toBe('schema');
    expect(e.message).toMatch(/no 'detection'/);
    expect(e.line).toBe(1);
  });
  it('a missing condition is an error', () =>
    expect(errorOf('title: x\nlogsource: {}\ndetection:\n  s: {a: 1}\n').message).toMatch(/no 'condition'/));
  it('a wrong type for a metadata key names the key and its line', () => {
    const e = errorOf('title: x\nlevel: severe\nlogsource: {}\ndetection: {s: {a: 1}, condition: s}\n');
    expect(e.code).toBe('schema');
    expect(e.message).toMatch(/'level'/);
    expect(e.line).toBe(2);
  });
  it('an unknown modifier points at its key', () => {
    const e = errorOf('title: x\nlogsource: {}\ndetection:\n  s:\n    A|nope: 1\n  condition: s\n');
    expect(e.code).toBe('modifier');
    expect([e.line, e.column]).toEqual([5, 5]);
  });
  it('an empty file is an error', () => expect(errorOf('').code).toBe('schema'));
  it('a document that is not a map is an error', () => expect(errorOf('- a\n- b\n').code).toBe('schema'));
  it('formats errors as file:line:column: message', () => {
    expect(errorOf('title: x\nlevel: severe\nlogsource: {}\ndetection: {s: {a: 1}, condition: s}\n').format()).toMatch(/^bad\.yml:2:8: /);
  });
});
