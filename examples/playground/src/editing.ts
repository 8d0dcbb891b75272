/**
 * The few editing commands the playground's editors need, on CodeMirror's state and view packages alone:
 * undo / redo (edits typed in quick succession undo together), Enter with indentation, Tab / Shift-Tab to
 * indent, select all. (CodeMirror's own @codemirror/commands is not a dependency of this project.)
 */
import { Annotation, EditorSelection, StateField, Transaction, type ChangeSet, type EditorState, type Extension } from '@codemirror/state';
import { keymap, type Command } from '@codemirror/view';
import { IndentContext, getIndentation, indentString, indentUnit } from '@codemirror/language';

interface Entry {
  /** Changes that take the document back to before the edit. */
  readonly undo: ChangeSet;
  /** Selection to restore with it. */
  readonly selection: EditorSelection;
  readonly time: number;
  readonly userEvent: string | undefined;
}

interface History {
  readonly done: readonly Entry[];
  readonly undone: readonly Entry[];
}

const fromHistory = Annotation.define<'undo' | 'redo'>();
const DEPTH = 200;
const GROUP_MS = 500;

const push = (stack: readonly Entry[], entry: Entry): readonly Entry[] => [...stack.slice(-(DEPTH - 1)), entry];

function entryOf(tr: Transaction): Entry {
  return {
    undo: tr.changes.invert(tr.startState.doc),
    selection: tr.startState.selection,
    time: Date.now(),
    userEvent: tr.annotation(Transaction.userEvent)?.split('.')[0],
  };
}

const history = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(value, tr) {
    if (!tr.docChanged) return value;
    const kind = tr.annotation(fromHistory);
    if (kind === 'undo') return { done: value.done.slice(0, -1), undone: push(value.undone, entryOf(tr)) };
    if (kind === 'redo') return { done: push(value.done, entryOf(tr)), undone: value.undone.slice(0, -1) };
    if (tr.annotation(Transaction.addToHistory) === false) return { done: [], undone: [] };
    const entry = entryOf(tr);
    const last = value.done.at(-1);
    if (last && entry.userEvent !== undefined && last.userEvent === entry.userEvent && entry.time - last.time < GROUP_MS) {
      // Typing in quick succession undoes as one step.
      const merged: Entry = {
        undo: entry.undo.compose(last.undo),
        selection: last.selection,
        time: entry.time,
        userEvent: entry.userEvent,
      };
      return { done: [...value.done.slice(0, -1), merged], undone: [] };
    }
    return { done: push(value.done, entry), undone: [] };
  },
});

function travel(kind: 'undo' | 'redo'): Command {
  return (view) => {
    const h = view.state.field(history, false);
    const entry = h && (kind === 'undo' ? h.done : h.undone).at(-1);
    if (!entry) return false;
    view.dispatch({
      changes: entry.undo,
      selection: entry.selection,
      annotations: fromHistory.of(kind),
      scrollIntoView: true,
      userEvent: kind,
    });
    return true;
  };
}

export const undo: Command = travel('undo');
export const redo: Command = travel('redo');

/** Enter: a new line indented as the language says (YAML), else as the current line. */
export const newlineAndIndent: Command = (view) => {
  const { state } = view;
  const tr = state.changeByRange((range) => {
    const line = state.doc.lineAt(range.from);
    const context = new IndentContext(state, { simulateBreak: range.from });
    const fromLanguage = getIndentation(context, range.from);
    const indent = fromLanguage ?? /^[ \t]*/.exec(line.text)?.[0].length ?? 0;
    const insert = '\n' + indentString(state, indent);
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) };
  });
  view.dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input' }));
  return true;
};

function linesOf(state: EditorState): number[] {
  const lines = new Set<number>();
  for (const r of state.selection.ranges) {
    const last = state.doc.lineAt(r.to).number - (r.to > r.from && state.doc.lineAt(r.to).from === r.to ? 1 : 0);
    for (let n = state.doc.lineAt(r.from).number; n <= Math.max(last, state.doc.lineAt(r.from).number); n++) lines.add(n);
  }
  return [...lines];
}

/** Tab: indent the selected lines, or insert one indent unit at an empty cursor. */
export const indentMore: Command = (view) => {
  const { state } = view;
  const unit = state.facet(indentUnit);
  if (state.selection.ranges.every((r) => r.empty)) {
    view.dispatch(state.update(state.replaceSelection(unit), { scrollIntoView: true, userEvent: 'input' }));
    return true;
  }
  const changes = linesOf(state).map((n) => ({ from: state.doc.line(n).from, insert: unit }));
  view.dispatch(state.update({ changes, userEvent: 'input.indent' }));
  return true;
};

/** Shift-Tab: remove up to one indent unit from the start of the selected lines. */
export const indentLess: Command = (view) => {
  const { state } = view;
  const width = state.facet(indentUnit).length;
  const changes = linesOf(state).flatMap((n) => {
    const line = state.doc.line(n);
    const remove = /^ */.exec(line.text)?.[0].length ?? 0;
    return remove > 0 ? [{ from: line.from, to: line.from + Math.min(remove, width) }] : [];
  });
  if (changes.length > 0) view.dispatch(state.update({ changes, userEvent: 'delete.dedent' }));
  return true;
};

export const selectAll: Command = (view) => {
  view.dispatch({ selection: EditorSelection.single(0, view.state.doc.length), userEvent: 'select' });
  return true;
};

/** History and keys. Escape then Tab leaves the editor (CodeMirror's tab-focus mode), so Tab never traps focus. */
export function editing(): Extension {
  return [
    history,
    keymap.of([
      { key: 'Mod-z', run: undo, preventDefault: true },
      { key: 'Mod-y', run: redo, preventDefault: true },
      { key: 'Mod-Shift-z', run: redo, preventDefault: true },
      { key: 'Enter', run: newlineAndIndent },
      { key: 'Tab', run: indentMore, shift: indentLess },
      { key: 'Mod-a', run: selectAll },
    ]),
  ];
}
