/**
 * The YAML editors (rule, custom pipeline): CodeMirror 6 with line numbers, YAML highlighting in the page's
 * colours, a lint gutter, and SigmaError markers set from outside (the conversion decides them).
 */
import { EditorState, Transaction, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  lineNumbers,
  placeholder as placeholderText,
} from '@codemirror/view';
import { HighlightStyle, bracketMatching, foldGutter, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import type { SigmaError } from '../../../src/index.js';
import { diagnosticFor, errorRange } from './diagnostics.js';
import { editing } from './editing.js';

/** Token colours come from CSS variables, so the light and dark page themes both apply. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--tok-key)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--tok-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.keyword], color: 'var(--tok-atom)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.typeName, tags.labelName, tags.processingInstruction], color: 'var(--tok-meta)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--tok-punct)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--editor-bg)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--text)', padding: '8px 0' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
});

export interface EditorOptions {
  readonly doc: string;
  /** Id of the element that names the editing area (its heading). */
  readonly labelledBy: string;
  /** Id of the element that describes it (keyboard help). */
  readonly describedBy?: string;
  readonly placeholder?: string;
  readonly onChange: (text: string) => void;
}

function extensions(options: EditorOptions): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    highlightSpecialChars(),
    drawSelection(),
    EditorView.lineWrapping,
    highlightActiveLine(),
    indentOnInput(),
    bracketMatching(),
    indentUnit.of('  '),
    EditorState.tabSize.of(4),
    yaml(),
    syntaxHighlighting(highlight),
    editing(),
    theme,
    EditorView.contentAttributes.of({
      'aria-labelledby': options.labelledBy,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    }),
    options.placeholder ? placeholderText(options.placeholder) : [],
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
}

export function createYamlEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  return new EditorView({ parent, state: EditorState.create({ doc: options.doc, extensions: extensions(options) }) });
}

/** Replaces the whole text: as an undoable edit, or (text from a link) as a fresh start without history. */
export function replaceText(view: EditorView, text: string, undoable: boolean): void {
  if (view.state.doc.toString() === text) return;
  const changes = { from: 0, to: view.state.doc.length, insert: text };
  view.dispatch(undoable ? { changes, userEvent: 'replace' } : { changes, annotations: Transaction.addToHistory.of(false) });
}

/** Shows `error` as the editor's only diagnostic, or clears the markers. */
export function showError(view: EditorView, error: SigmaError | undefined): void {
  const diagnostic = error && diagnosticFor(view.state.doc, error);
  view.dispatch(setDiagnostics(view.state, diagnostic ? [diagnostic] : []));
}

/** Shows these diagnostics (errors, validator warnings …) as the editor's markers. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Puts the cursor at the error and focuses the editor. */
export function revealError(view: EditorView, error: SigmaError): void {
  const { from } = errorRange(view.state.doc, error);
  view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  view.focus();
}
