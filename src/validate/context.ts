/**
 * A rule file's text → the documents validators see: the typed document, the plain YAML document and a locator
 * for any key or value. Browser-safe (no `node:` imports).
 */
import { documentFrom } from '../rule/load.js';
import { lineStarts, parseYaml, type YamlPath } from '../rule/yaml.js';
import { SigmaError, toSigmaError, type SourceLocation } from '../errors.js';
import type { DocumentContext } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The documents of one file, or the error that stopped it from loading. */
export type LoadedFile =
  | {
      readonly ok: true;
      readonly file?: string;
      readonly text: string;
      readonly documents: readonly DocumentContext[];
      /** Documents of the file that do not load (the others are in `documents`); absent when all load. */
      readonly errors?: readonly SigmaError[];
    }
  | { readonly ok: false; readonly file?: string; readonly text: string; readonly error: SigmaError };

/** Loads one rule file's text for validation; a file that does not load yields its error (as `check` reports it). */
export function loadForValidation(text: string, file?: string): LoadedFile {
  try {
    const parsed = parseYaml(text, file);
    let starts: number[] | undefined;
    const documents: DocumentContext[] = [];
    const errors: SigmaError[] = [];
    parsed.documents.forEach((raw, index) => {
      if (raw === null || raw === undefined) return;
      // Each document on its own: one that does not load is reported, the file's others are still validated.
      let document;
      try {
        document = documentFrom(raw, index, parsed, file);
      } catch (e) {
        errors.push(
          e instanceof RangeError
            ? new SigmaError('limit', `document ${index + 1} is nested too deeply`, { file })
            : toSigmaError(e, { file }),
        );
        return;
      }
      const locate = (path: YamlPath, what: 'key' | 'value' = 'value'): SourceLocation => {
        // the deepest part of the path that exists in the source
        for (let n = path.length; n >= 0; n--) {
          const p = parsed.locate(index, path.slice(0, n), n === path.length ? what : 'key');
          if (p) return { ...(file !== undefined ? { file } : {}), ...p };
        }
        return file !== undefined ? { file } : {};
      };
      const offset = (path: YamlPath, what: 'key' | 'value' = 'value'): number | undefined => {
        const p = parsed.locate(index, path, what);
        if (!p) return undefined;
        starts ??= lineStarts(text);
        const lineStart = starts[p.line - 1];
        return lineStart === undefined ? undefined : lineStart + p.column - 1;
      };
      documents.push(
        Object.freeze({
          document,
          raw: isRecord(raw) ? raw : {},
          index,
          ...(file !== undefined ? { file } : {}),
          text,
          locate,
          offset,
        }),
      );
    });
    if (documents.length === 0) throw errors[0] ?? new SigmaError('schema', 'no Sigma document in this file', { file, line: 1, column: 1 });
    return {
      ok: true,
      ...(file !== undefined ? { file } : {}),
      text,
      documents: Object.freeze(documents),
      ...(errors.length ? { errors: Object.freeze(errors) } : {}),
    };
  } catch (e) {
    if (e instanceof RangeError)
      return {
        ok: false,
        ...(file !== undefined ? { file } : {}),
        text,
        error: new SigmaError('limit', 'document is nested too deeply', { file }),
      };
    return { ok: false, ...(file !== undefined ? { file } : {}), text, error: toSigmaError(e, { file }) };
  }
}
