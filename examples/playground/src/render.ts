/** DOM for the playground's pickers, error messages and event results (no state, no listeners beyond a button's). */
import type { SigmaError } from '../../../src/index.js';
import { pipelineOptions, type BackendInfo, type Choices } from './choices.js';
import type { EventsOutcome } from './evaluate.js';

type Children = readonly (Node | string)[];

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  children: Children = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function option(value: string, label: string, selected: string): HTMLOptionElement {
  const o = el('option', { value }, [label]);
  o.selected = value === selected;
  return o;
}

/** Fills the three pickers for `choices` and writes each one's description under it. */
export function renderPickers(
  backends: readonly BackendInfo[],
  choices: Choices,
  select: { readonly target: HTMLSelectElement; readonly pipeline: HTMLSelectElement; readonly format: HTMLSelectElement },
  help: { readonly target: HTMLElement; readonly pipeline: HTMLElement; readonly format: HTMLElement },
): void {
  const backend = backends.find((b) => b.name === choices.target);
  select.target.replaceChildren(...backends.map((b) => option(b.name, b.name, choices.target)));
  const { own, others } = pipelineOptions(backends, choices.target);
  select.pipeline.replaceChildren(
    option('', 'none', choices.pipeline),
    ...own.map((p) => option(p, p, choices.pipeline)),
    ...(others.length > 0
      ? [
          el(
            'optgroup',
            { label: 'from other targets (mixed in, as --disable-pipeline-check)' },
            others.map((p) => option(p, p, choices.pipeline)),
          ),
        ]
      : []),
  );
  select.format.replaceChildren(...Object.keys(backend?.formats ?? {}).map((f) => option(f, f, choices.format)));
  const pipelineOwner = backends.find((b) => Object.hasOwn(b.pipelines, choices.pipeline));
  help.target.textContent = backend?.description ?? '';
  help.pipeline.textContent = choices.pipeline
    ? (pipelineOwner?.pipelines[choices.pipeline]?.description ?? '')
    : 'Sigma field names as written in the rule';
  help.format.textContent = backend?.formats[choices.format]?.description ?? '';
}

/** `line 25, column 16` (or the file alone when the error has no line). */
export function whereText(error: SigmaError): string {
  if (error.line === undefined) return '';
  return error.column !== undefined ? `line ${error.line}, column ${error.column}` : `line ${error.line}`;
}

/** An error message with its location; the location is a button that shows the place when `reveal` is given. */
export function renderError(target: HTMLElement, error: SigmaError | undefined, reveal?: () => void): void {
  if (!error) {
    target.replaceChildren();
    target.classList.remove('is-error');
    delete target.dataset.line;
    return;
  }
  const where = whereText(error);
  const parts: (Node | string)[] = [el('span', { class: 'code' }, [error.code])];
  if (where && reveal) {
    const button = el('button', { type: 'button', class: 'link', title: 'Show this place in the editor' }, [where]);
    button.addEventListener('click', reveal);
    parts.push(button, ': ');
  } else if (where) {
    parts.push(`${where}: `);
  }
  parts.push(error.message);
  target.replaceChildren(...parts);
  target.classList.add('is-error');
  if (error.line !== undefined) target.dataset.line = String(error.line);
  else delete target.dataset.line;
}

function badge(match: boolean): HTMLElement {
  return el('span', { class: `result ${match ? 'is-match' : 'is-nomatch'}`, 'data-result': match ? 'match' : 'no-match' }, [
    match ? 'match' : 'no match',
  ]);
}

/** The events panel's result: one line per event and rule with match / no match and the selections that fired. */
export function renderEvents(target: HTMLElement, outcome: EventsOutcome): void {
  target.classList.remove('is-error');
  switch (outcome.kind) {
    case 'empty':
      target.replaceChildren(
        el('p', { class: 'help' }, ['Paste an event above to see whether the rule matches it and which selections fire.']),
      );
      return;
    case 'no-rules':
      target.replaceChildren(el('p', { class: 'help' }, ['The YAML holds no detection rule to evaluate (only correlations or filters).']));
      return;
    case 'error': {
      const box = el('p', { class: 'status is-error' });
      renderError(box, outcome.error);
      if (outcome.source === 'rule') box.prepend('The rule cannot be evaluated: ');
      else box.prepend('Events: ');
      target.replaceChildren(box);
      target.classList.add('is-error');
      return;
    }
    case 'rows': {
      const several = outcome.total > 1;
      const rules = new Set(outcome.rows.map((r) => r.rule)).size;
      const list = el(
        'ul',
        { class: 'rows' },
        outcome.rows.map((row) => {
          const fired = row.selections.length > 0 ? `fired: ${row.selections.join(', ')}` : 'no selection fired';
          const detail = row.logsourceMismatch ? "the event is from another log source than the rule's" : fired;
          const label: string[] = [];
          if (several) label.push(`Event ${row.event}`);
          if (rules > 1) label.push(row.rule);
          return el('li', { class: 'row' }, [
            badge(row.match),
            ...(label.length > 0 ? [el('span', { class: 'row-label' }, [label.join(' · ')])] : []),
            el('span', { class: 'row-detail' }, [detail]),
          ]);
        }),
      );
      const summary = several
        ? [
            el('p', { class: 'help' }, [
              `${outcome.matches} of ${outcome.total} match${outcome.total > outcome.rows.length ? ` (first ${outcome.rows.length} shown)` : ''}`,
            ]),
          ]
        : [];
      target.replaceChildren(...summary, list);
      return;
    }
  }
}
