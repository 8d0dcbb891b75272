/** The playground's logic without a browser: link state, choices, conversion, events, error ranges. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { listBackends } from '../../src/index.js';
import {
  choicesForTarget,
  outputExtension,
  outputFileName,
  pipelineOptions,
  resolveChoices,
} from '../../examples/playground/src/choices.js';
import { convertRule, PIPELINE_FILE } from '../../examples/playground/src/convert.js';
import { errorRange } from '../../examples/playground/src/diagnostics.js';
import { evaluateEvents } from '../../examples/playground/src/evaluate.js';
import { decodeState, encodeState, packText, unpackText, type PlaygroundState } from '../../examples/playground/src/fragment.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SEEDS = join(REPO, '..', 'shared', 'seeds');
const RULE = readFileSync(join(REPO, 'examples', 'rules', 'proc_creation_win_powershell_export_certificate.yml'), 'utf8');
const CONDITION_LINE = RULE.split('\n').findIndex((l) => /^\s+condition:/.test(l)) + 1;

const STATE: PlaygroundState = {
  rule: RULE,
  target: 'kusto',
  pipeline: 'sentinel_asim',
  format: 'default',
  customPipeline: '',
  events: '',
  ignoreLogsource: false,
};

describe('link state in the URL fragment', () => {
  it('round-trips every part of the state, including non-ASCII text', async () => {
    const state = { ...STATE, rule: `${RULE}# ünïcødé ✓\n`, customPipeline: 'name: x\n', events: '{"a": 1}', ignoreLogsource: true };
    const { state: back, problems } = await decodeState(`#${await encodeState(state)}`, STATE);
    expect(problems).toEqual([]);
    expect(back).toEqual(state);
  });

  it('packs the rule smaller than the text', async () => {
    expect((await packText(RULE)).length).toBeLessThan(RULE.length);
    expect(await unpackText(await packText(''))).toBe('');
  });

  it('falls back to the defaults for a damaged part and says so', async () => {
    const { state, problems } = await decodeState('#t=eql&f=default&r=z!!!', STATE);
    expect(state.rule).toBe(RULE);
    expect(state.target).toBe('eql');
    expect(state.pipeline).toBe(''); // a link with choices but no pipeline means none
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rule: /);
  });

  it('gives the defaults for an empty fragment', async () => {
    expect((await decodeState('', STATE)).state).toEqual(STATE);
  });
});

describe('choices from the backend registry', () => {
  const backends = listBackends();

  it('offers the three built-in targets, kusto with sentinel_asim', () => {
    expect(backends.map((b) => b.name)).toEqual(expect.arrayContaining(['splunk', 'kusto', 'eql', 'esql']));
    expect(pipelineOptions(backends, 'esql').own).toEqual(['ecs_windows']);
    expect(pipelineOptions(backends, 'kusto').own).toContain('sentinel_asim');
    expect(pipelineOptions(backends, 'kusto').others).not.toContain('sentinel_asim');
  });

  it("picks a target's first pipeline and its default format", () => {
    const kusto = backends.find((b) => b.name === 'kusto');
    expect(choicesForTarget(backends, 'kusto')).toEqual({
      target: 'kusto',
      pipeline: Object.keys(kusto?.pipelines ?? {})[0],
      format: 'default',
    });
  });

  it('replaces unknown names from a link with valid ones', () => {
    expect(resolveChoices(backends, { target: 'nope', pipeline: 'x', format: 'y' }).target).toBe(backends[0]?.name);
    expect(resolveChoices(backends, { target: 'kusto', pipeline: '', format: 'y' })).toEqual({
      target: 'kusto',
      pipeline: '',
      format: 'default',
    });
  });

  it("names the download after the rule's title with the output's extension", () => {
    expect(outputFileName(RULE, 'kusto', 'default')).toBe('certificate_exported_via_powershell.kql');
    expect(outputFileName('detection: {}', 'splunk', 'default')).toBe('rule.spl');
    expect(outputExtension('kusto', 'arm')).toBe('json');
    expect(outputExtension('kusto', 'sentinel_rule')).toBe('yml');
    expect(outputExtension('eql', 'default')).toBe('eql');
    expect(outputExtension('esql', 'default')).toBe('esql');
  });
});

describe('conversion', () => {
  it.skipIf(!existsSync(SEEDS))("converts the example rule to the seed's Sentinel KQL", () => {
    const seed = readdirSync(SEEDS)
      .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
      .find((t) => t.includes('KQL (Azure Sentinel)')) as string;
    const kql = /KQL \(Azure Sentinel\)\n\n([\s\S]*?)\n\n/.exec(seed)?.[1];
    expect(convertRule(STATE)).toEqual({ kind: 'ok', output: kql, queryCount: 1 });
  });

  it('reports an invalid condition in the rule at the condition line', () => {
    const outcome = convertRule({ ...STATE, rule: RULE.replace('condition: selection', 'condition: selection and not') });
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.source).toBe('rule');
    expect(outcome.error.code).toBe('condition');
    expect(outcome.error.line).toBe(CONDITION_LINE);
  });

  it('reports a broken custom pipeline as a pipeline error in its own file', () => {
    const outcome = convertRule({ ...STATE, customPipeline: 'transformations:\n  - type: no_such_transformation\n' });
    expect(outcome.kind === 'error' && outcome.source).toBe('pipeline');
    expect(outcome.kind === 'error' && outcome.error.file).toBe(PIPELINE_FILE);
  });

  it("converts with a pipeline picked from another target's group, as sigma-cli's --disable-pipeline-check", () => {
    const outcome = convertRule({ ...STATE, target: 'splunk', pipeline: 'splunk_windows', format: 'default' });
    const mixed = convertRule({ ...STATE, target: 'eql', pipeline: 'splunk_windows', format: 'default' });
    expect(outcome.kind).toBe('ok');
    expect(mixed.kind === 'ok' ? mixed.output : mixed.error.message).toMatch(/^any where /);
  });

  it('reports an unknown target as a problem of the choices', () => {
    const outcome = convertRule({ ...STATE, target: 'nope' });
    expect(outcome.kind === 'error' && outcome.source).toBe('choices');
  });
});

describe('events panel', () => {
  const matching = JSON.stringify({ CommandLine: 'powershell Export-Certificate -Cert x -FilePath c.cer' });

  it('says which events match and which selections fired', () => {
    const outcome = evaluateEvents(RULE, `${matching}\n{"CommandLine": "whoami"}`, false);
    expect(outcome).toMatchObject({ kind: 'rows', total: 2, matches: 1 });
    if (outcome.kind !== 'rows') return;
    expect(outcome.rows[0]).toMatchObject({ event: 1, match: true, selections: ['selection'] });
    expect(outcome.rows[1]).toMatchObject({ event: 2, match: false, selections: [] });
  });

  it('locates malformed JSON in the events text', () => {
    const outcome = evaluateEvents(RULE, '{"CommandLine": }', false);
    expect(outcome.kind === 'error' && outcome.source).toBe('events');
    expect(outcome.kind === 'error' && outcome.error.line).toBe(1);
  });

  it('is empty without events and reports a broken rule', () => {
    expect(evaluateEvents(RULE, '  \n', false)).toEqual({ kind: 'empty' });
    expect(evaluateEvents('title: x\n', matching, false).kind).toBe('error');
  });
});

describe('error markers', () => {
  const doc = Text.of(['title: x', '    condition: selection and', '']);

  it('marks from the column to the end of the word', () => {
    const from = doc.line(2).from + '    condition: '.length;
    expect(errorRange(doc, { line: 2, column: '    condition: '.length + 1 })).toEqual({ from, to: from + 'selection'.length });
  });

  it("marks the line's text when the error is at its end, and line 1 without a location", () => {
    expect(errorRange(doc, { line: 2, column: 99 })).toEqual({ from: doc.line(2).from + 4, to: doc.line(2).to });
    expect(errorRange(doc, { line: undefined, column: undefined })).toEqual({ from: 0, to: 'title:'.length });
    expect(errorRange(doc, { line: 3, column: 1 })).toEqual({ from: doc.length, to: doc.length });
  });
});

describe('rule markers from the language service', () => {
  it('marks validator findings as warnings at the condition, from the same code as the language server', async () => {
    const { ruleDiagnostics } = await import('../../examples/playground/src/diagnostics.js');
    const text = RULE.replace(/condition: .*/, 'condition: all of them');
    const doc = Text.of(text.split('\n'));
    const marks = ruleDiagnostics(doc, text);
    const allOfThem = marks.find((m) => m.source === 'sigmaform (all_of_them_condition)');
    expect(allOfThem?.severity).toBe('warning');
    expect(doc.lineAt(allOfThem?.from ?? 0).number).toBe(CONDITION_LINE);
    expect(doc.sliceString(allOfThem?.from ?? 0, allOfThem?.to ?? 0)).toBe('all of them');
    expect(marks.every((m) => m.severity !== 'error')).toBe(true);
  });

  it('marks each unknown modifier and a missing selection, and one error (not two) for a broken condition', async () => {
    const { ruleDiagnostics } = await import('../../examples/playground/src/diagnostics.js');
    const modifierLine = RULE.split('\n').findIndex((l) => /\|contains/.test(l));
    const text = RULE.replace('|contains', '|containz').replace(/condition: .*/, 'condition: selection and not filter');
    const doc = Text.of(text.split('\n'));
    const errors = ruleDiagnostics(doc, text).filter((m) => m.severity === 'error');
    expect(errors.map((m) => doc.sliceString(m.from, m.to))).toEqual(['containz', 'filter']);
    expect(doc.lineAt(errors[0]?.from ?? 0).number).toBe(modifierLine + 1);
    const broken = RULE.replace(/condition: .*/, 'condition: selection and not');
    expect(ruleDiagnostics(Text.of(broken.split('\n')), broken).filter((m) => m.severity === 'error')).toHaveLength(1);
  });
});
