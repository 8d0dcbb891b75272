import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/index.js';
import {
  applyPipeline,
  combinePipelines,
  finalizedText,
  finalizeQueries,
  loadPipelineYaml,
  postprocessQuery,
  pythonJson,
} from '../../src/pipeline/index.js';
import { errorOf } from '../support/errors.js';
import { rule } from './helpers.js';

// Expected JSON texts below are what CPython's json.dumps prints for the same values (pySigma writes its json
// post-processing and finalizer output with it).
describe('pythonJson writes what Python json.dumps writes', () => {
  it('one line with ", " and ": ", non-ASCII and DEL as \\u escapes, astral characters as surrogate pairs', () => {
    const value = ['a"b\\c', 'ü—😀\x7f\x01', 1, null, true, { k: [], m: {} }];
    expect(pythonJson(value)).toBe('["a\\"b\\\\c", "\\u00fc\\u2014\\ud83d\\ude00\\u007f\\u0001", 1, null, true, {"k": [], "m": {}}]');
  });

  it('with indent: one item per line, "," at line ends, nested levels indented further', () => {
    expect(pythonJson(['x', { a: [1, 2], b: 'é' }], 2)).toBe(
      '[\n  "x",\n  {\n    "a": [\n      1,\n      2\n    ],\n    "b": "\\u00e9"\n  }\n]',
    );
  });

  it('indent 0 still breaks lines (unlike JSON.stringify)', () => {
    expect(pythonJson(['x', ['y']], 0)).toBe('[\n"x",\n[\n"y"\n]\n]');
  });
});

const finalizing = (finalizers: string) => loadPipelineYaml(`name: out\nfinalizers:\n${finalizers}`, 'out.yml');

describe('finalizers turn the queries of a whole run into the output', () => {
  it('concat joins every query with the separator between prefix and suffix', () => {
    const p = finalizing(`  - type: concat\n    separator: ' OR '\n    prefix: '('\n    suffix: ')'`);
    expect(finalizeQueries(p, ['a=1', 'b=2', 'c=3'])).toBe('(a=1 OR b=2 OR c=3)');
  });

  it('concat defaults to one query per line and no prefix or suffix', () => {
    expect(finalizeQueries(finalizing(`  - type: concat`), ['a', 'b'])).toBe('a\nb');
  });

  it('json writes the list of queries as Python json.dumps does, with and without indent', () => {
    expect(finalizeQueries(finalizing(`  - type: json`), ['x="ü"', 'y'])).toBe('["x=\\"\\u00fc\\"", "y"]');
    expect(finalizeQueries(finalizing(`  - type: json\n    indent: 4`), ['x', 'y'])).toBe('[\n    "x",\n    "y"\n]');
  });

  it('yaml writes a YAML list that reads back as the queries', () => {
    const queries = ['CommandLine="*-enc *"', "it's: a | query", '#not a comment'];
    const out = finalizeQueries(finalizing(`  - type: yaml`), queries);
    expect(typeof out).toBe('string');
    expect(load(out as string)).toEqual(queries);
    expect((out as string).split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
  });

  it('nested runs its finalizers in order, each on what the one before made', () => {
    const p = finalizing(
      `  - type: nested\n    finalizers:\n      - type: concat\n        prefix: '('\n        suffix: ')'\n      - type: json`,
    );
    // json.dumps("(a)\n(b)") in Python: the text of the concatenation as one JSON string
    expect(finalizeQueries(p, ['a)\n(b'])).toBe('"(a)\\n(b)"');
    expect(finalizeQueries(p, ['a', 'b'])).toBe('"(a\\nb)"');
  });

  it('finalizers of combined pipelines run in priority order', () => {
    const first = loadPipelineYaml(`priority: 10\nfinalizers:\n  - type: concat\n    separator: ' | '`);
    const second = loadPipelineYaml(`priority: 20\nfinalizers:\n  - type: json`);
    expect(finalizeQueries(combinePipelines([second, first]), ['a', 'b'])).toBe('"a | b"');
  });

  it('without finalizers the output is the list of queries, written one per line', () => {
    expect(finalizeQueries(undefined, ['a', 'b'])).toEqual(['a', 'b']);
    expect(finalizedText(['a', 'b'])).toBe('a\nb\n');
    expect(finalizedText([])).toBe('');
    expect(finalizedText('(a OR b)')).toBe('(a OR b)\n');
  });

  it('a finalizer that needs the list of queries after one that joined them is an error naming it', () => {
    const p = finalizing(`  - type: json\n  - type: concat`);
    const e = errorOf(() => finalizeQueries(p, ['a']));
    expect(e.code).toBe('pipeline');
    expect(e.message).toContain('finalizers[1]');
    expect(e.message).toContain("finalizer 'concat' joins a list of queries");
    expect([e.file, e.line, e.column]).toEqual(['out.yml', 4, 5]);
  });

  it("the converter's finalize applies the pipeline's finalizers to converted rules", () => {
    const p = finalizing(`  - type: concat\n    separator: ' OR '`);
    const converter = createConverter({ target: 'splunk', pipelines: [p] });
    const rules = [rule('    sel:\n        Image: a.exe\n    condition: sel'), rule('    sel:\n        Image: b.exe\n    condition: sel')];
    const queries = rules.flatMap((r) => converter.rule(r).queries);
    expect(converter.finalize(queries)).toBe('Image="a.exe" OR Image="b.exe"\n');
  });
});

describe('finalizer definitions are checked when the pipeline is read', () => {
  const bad = (finalizers: string) => errorOf(() => finalizing(finalizers));

  it('Jinja2 template finalizers are refused with what to use instead, at the type', () => {
    const e = bad(`  - type: template\n    template: '{{ queries | join(",") }}'`);
    expect(e.message).toContain('Jinja2');
    expect(e.message).toContain("'concat'");
    expect([e.line, e.column]).toEqual([3, 11]);
  });

  it('an unknown finalizer lists the known ones', () => {
    expect(bad(`  - type: zip`).message).toMatch(/unknown finalizer type 'zip' \(known: concat, json, nested, yaml\)/);
  });

  it('unknown and mistyped parameters name the key', () => {
    expect(bad(`  - type: concat\n    seperator: ','`).message).toContain("'seperator'");
    expect(bad(`  - type: json\n    indent: two`).message).toContain('finalizers[0].indent');
  });

  it('finalizers inside nested are checked with their path', () => {
    const e = bad(`  - type: nested\n    finalizers:\n      - type: concat\n      - type: jinja`);
    expect(e.message).toContain('finalizers[0].finalizers[1].type');
    expect(e.line).toBe(6);
  });
});

describe('json and nest post-processing', () => {
  const r = rule('    sel:\n        Image: a.exe\n    condition: sel', 'category: process_creation\n    product: windows', 'level: high\n');

  it('json puts the query in place of every "%QUERY%" string of the template and writes it as Python does', () => {
    const p = loadPipelineYaml(`postprocessing:
  - type: json
    json_template: '{"query": "%QUERY%", "meta": {"title": "T", "also": ["%QUERY%x", "%QUERY%"]}, "n": 3}'`);
    const query = 'CommandLine="*ü*"';
    expect(postprocessQuery(p, applyPipeline(p, r), query)).toBe(
      '{"query": "CommandLine=\\"*\\u00fc*\\"", "meta": {"title": "T", "also": ["%QUERY%x", "CommandLine=\\"*\\u00fc*\\""]}, "n": 3}',
    );
  });

  it('a json template that is not JSON is an error at the item', () => {
    const e = errorOf(() => loadPipelineYaml(`postprocessing:\n  - type: json\n    json_template: '{"query": %QUERY%}'`, 'p.yml'));
    expect(e.message).toContain('json_template is not JSON');
    expect(e.line).toBe(2);
  });

  it('nest applies its items in order, each only where its own rule conditions hold', () => {
    const p = loadPipelineYaml(`postprocessing:
  - type: nest
    items:
      - type: embed
        prefix: 'high: '
        rule_conditions:
          - type: logsource
            category: process_creation
      - type: embed
        prefix: 'never: '
        rule_conditions:
          - type: logsource
            category: dns
      - type: embed
        suffix: ' | head 10'`);
    expect(postprocessQuery(p, applyPipeline(p, r), 'Image="a.exe"')).toBe('high: Image="a.exe" | head 10');
  });

  it('Jinja2 template post-processing is refused with what to use instead', () => {
    const e = errorOf(() => loadPipelineYaml(`postprocessing:\n  - type: template\n    template: '{{ query }}'`));
    expect(e.message).toContain('Jinja2');
    expect(e.message).toContain("'simple_template'");
  });
});
