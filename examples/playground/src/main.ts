/**
 * The playground page: wires the editors, pickers, output and events panel to the library. All work happens
 * here in the page; the state lives in the URL fragment (never sent to a server).
 */
import './style.css';
import exampleRule from '../../rules/proc_creation_win_powershell_export_certificate.yml?raw';
import { listBackends } from '../../../src/index.js';
import type { EditorView } from '@codemirror/view';
import { choicesForTarget, outputFileName, resolveChoices, type BackendInfo, type Choices } from './choices.js';
import { convertRule, type ConversionOutcome } from './convert.js';
import { createYamlEditor, replaceText, revealError, showDiagnostics, showError } from './editor.js';
import { ruleDiagnostics } from './diagnostics.js';
import { decodeState, encodeState, type PlaygroundState } from './fragment.js';
import { renderError, renderEvents, renderPickers } from './render.js';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

const ui = {
  target: byId<HTMLSelectElement>('target'),
  pipeline: byId<HTMLSelectElement>('pipeline'),
  format: byId<HTMLSelectElement>('format'),
  targetHelp: byId('target-help'),
  pipelineHelp: byId('pipeline-help'),
  formatHelp: byId('format-help'),
  ruleStatus: byId('rule-status'),
  pipelinePanel: byId<HTMLDetailsElement>('pipeline-panel'),
  pipelineStatus: byId('pipeline-status'),
  output: byId<HTMLPreElement>('output'),
  outputMeta: byId('output-meta'),
  outputStatus: byId('output-status'),
  copy: byId<HTMLButtonElement>('copy'),
  download: byId<HTMLButtonElement>('download'),
  copyLink: byId<HTMLButtonElement>('copy-link'),
  resetRule: byId<HTMLButtonElement>('reset-rule'),
  events: byId<HTMLTextAreaElement>('events'),
  ignoreLogsource: byId<HTMLInputElement>('ignore-logsource'),
  eventResults: byId('event-results'),
  linkProblem: byId('link-problem'),
};

const backends: readonly BackendInfo[] = listBackends();
const DEFAULTS: PlaygroundState = Object.freeze({
  rule: exampleRule,
  ...choicesForTarget(backends, 'splunk'),
  customPipeline: '',
  events: '',
  ignoreLogsource: false,
});

let state: PlaygroundState = DEFAULTS;
/** The last successful output (kept, marked stale, while the rule has an error). */
let lastOutput = '';
let timer: ReturnType<typeof setTimeout> | undefined;

const ruleEditor: EditorView = createYamlEditor(byId('rule-editor'), {
  doc: state.rule,
  labelledBy: 'rule-heading',
  describedBy: 'editor-help',
  onChange: (rule) => update({ rule }, 150),
});
const pipelineEditor: EditorView = createYamlEditor(byId('pipeline-editor'), {
  doc: state.customPipeline,
  labelledBy: 'pipeline-heading',
  placeholder:
    'name: my pipeline\npriority: 100\ntransformations:\n  - type: field_name_mapping\n    mapping:\n      CommandLine: process_command_line',
  onChange: (customPipeline) => update({ customPipeline }, 250),
});

function update(change: Partial<PlaygroundState>, delay = 0): void {
  state = { ...state, ...change };
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

function setChoices(choices: Choices): void {
  state = { ...state, ...resolveChoices(backends, choices) };
  renderPickers(backends, state, ui, { target: ui.targetHelp, pipeline: ui.pipelineHelp, format: ui.formatHelp });
}

function showConversion(outcome: ConversionOutcome): void {
  const error = outcome.kind === 'error' ? outcome.error : undefined;
  const ruleError = outcome.kind === 'error' && outcome.source === 'rule' ? error : undefined;
  const pipelineError = outcome.kind === 'error' && outcome.source === 'pipeline' ? error : undefined;
  const choicesError = outcome.kind === 'error' && outcome.source === 'choices' ? error : undefined;
  // The rule's markers come from the language service (loader, condition, validators), as in editors.
  showDiagnostics(ruleEditor, ruleDiagnostics(ruleEditor.state.doc, ruleEditor.state.doc.toString(), ruleError));
  showError(pipelineEditor, pipelineError);
  renderError(ui.ruleStatus, ruleError, ruleError && (() => revealError(ruleEditor, ruleError)));
  renderError(ui.pipelineStatus, pipelineError, pipelineError && (() => revealError(pipelineEditor, pipelineError)));
  if (pipelineError) ui.pipelinePanel.open = true;
  renderError(ui.outputStatus, choicesError);

  const code = ui.output.querySelector('code') as HTMLElement;
  if (outcome.kind === 'ok') {
    lastOutput = outcome.output;
    code.textContent = outcome.output || 'The file holds no rule to convert.';
    ui.output.classList.remove('is-stale');
    ui.outputMeta.textContent = `${outcome.queryCount} ${outcome.queryCount === 1 ? 'query' : 'queries'}`;
  } else {
    code.textContent = lastOutput || 'No query yet.';
    ui.output.classList.add('is-stale');
    ui.outputMeta.textContent = 'not converted';
    if (!choicesError)
      ui.outputStatus.textContent = `Out of date: fix the ${outcome.source === 'pipeline' ? 'custom pipeline' : 'rule'} to convert again.`;
  }
  ui.output.dataset.state = outcome.kind;
  ui.copy.disabled = ui.download.disabled = outcome.kind !== 'ok' || outcome.output === '';
}

function refresh(): void {
  clearTimeout(timer);
  showConversion(convertRule({ ...state }));
  void showEvents();
  void saveFragment();
}

// The evaluator (and its regular-expression engine, re2js) loads on first use: a page that only converts
// never downloads it.
let evaluator: Promise<typeof import('./evaluate.js')> | undefined;
let eventsTicket = 0;
async function showEvents(): Promise<void> {
  const ticket = ++eventsTicket;
  if (state.events.trim() === '') {
    renderEvents(ui.eventResults, { kind: 'empty' });
    return;
  }
  evaluator ??= import('./evaluate.js');
  const { evaluateEvents } = await evaluator;
  if (ticket !== eventsTicket) return; // a newer edit is being evaluated
  renderEvents(ui.eventResults, evaluateEvents(state.rule, state.events, state.ignoreLogsource));
}

let saving = 0;
async function saveFragment(): Promise<void> {
  const ticket = ++saving;
  const fragment = await encodeState(state);
  if (ticket !== saving) return; // a newer state is being written
  history.replaceState(null, '', `#${fragment}`);
}

/** Loads the state a link describes into the page. */
async function loadFragment(): Promise<void> {
  const { state: linked, problems } = await decodeState(location.hash, DEFAULTS);
  ui.linkProblem.hidden = problems.length === 0;
  ui.linkProblem.textContent =
    problems.length > 0 ? `Part of this link could not be read, so defaults are shown for it (${problems.join('; ')}).` : '';
  state = linked;
  setChoices(linked);
  replaceText(ruleEditor, linked.rule, false);
  replaceText(pipelineEditor, linked.customPipeline, false);
  if (linked.customPipeline.trim() !== '') ui.pipelinePanel.open = true;
  ui.events.value = linked.events;
  ui.ignoreLogsource.checked = linked.ignoreLogsource;
  refresh();
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function flash(button: HTMLButtonElement, ok: boolean, text: string): void {
  const original = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = original;
  button.textContent = ok ? text : 'Copy failed';
  setTimeout(() => (button.textContent = original), 1600);
}

function download(): void {
  const url = URL.createObjectURL(
    new Blob([lastOutput.endsWith('\n') ? lastOutput : `${lastOutput}\n`], { type: 'text/plain;charset=utf-8' }),
  );
  const link = Object.assign(document.createElement('a'), { href: url, download: outputFileName(state.rule, state.target, state.format) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

ui.target.addEventListener('change', () => {
  setChoices(choicesForTarget(backends, ui.target.value));
  refresh();
});
ui.pipeline.addEventListener('change', () => {
  setChoices({ ...state, pipeline: ui.pipeline.value });
  refresh();
});
ui.format.addEventListener('change', () => {
  setChoices({ ...state, format: ui.format.value });
  refresh();
});
ui.events.addEventListener('input', () => update({ events: ui.events.value }, 150));
ui.ignoreLogsource.addEventListener('change', () => update({ ignoreLogsource: ui.ignoreLogsource.checked }));
ui.copy.addEventListener('click', () => void copyText(lastOutput).then((ok) => flash(ui.copy, ok, 'Copied')));
ui.download.addEventListener('click', download);
ui.copyLink.addEventListener('click', () => {
  refresh();
  void encodeState(state)
    .then((fragment) => copyText(`${location.href.split('#')[0]}#${fragment}`))
    .then((ok) => flash(ui.copyLink, ok, 'Link copied'));
});
ui.resetRule.addEventListener('click', () => {
  replaceText(ruleEditor, exampleRule, true);
  ruleEditor.focus();
});
window.addEventListener('hashchange', () => void loadFragment());

void loadFragment().then(() => {
  document.body.dataset.ready = 'true';
});
