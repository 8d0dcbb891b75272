/**
 * Node-only: the rules `sigmaform match` evaluates, loaded from rule files the same way by the command and by
 * its worker threads (match-worker.ts), so a position means the same rule in every thread.
 */
import type { SigmaCorrelation, SigmaDocument, SigmaRule } from '../rule/ast.js';
import { loadDocuments } from '../rule/load.js';
import { applyFilters } from '../rule/filters.js';
import { readUserFileSync } from './files.js';
import type { RuleCache } from './cache.js';

export interface LoadedRule {
  /** How the rule is named in the output: its file, with `#k` when the file holds several rules. */
  readonly name: string;
  readonly rule: SigmaRule;
}

/** A correlation rule and the file it came from. */
export interface CorrelationOf {
  readonly file: string;
  readonly correlation: SigmaCorrelation;
}

/** The rules of the rule files, and their correlations with every document (filters applied) they may name. */
export interface LoadedRules {
  readonly rules: readonly LoadedRule[];
  readonly correlations: readonly CorrelationOf[];
  readonly documents: readonly SigmaDocument[];
}

/**
 * Loads the rule files (as given, relative to `cwd`): a file that cannot be read and a document that does not
 * load go to `onError`, the others are kept. Filter documents are applied to the rules they name.
 */
export function loadRuleFiles(
  files: readonly string[],
  cwd: string,
  onError: (e: unknown, file: string) => void,
  cache?: RuleCache,
): LoadedRules {
  // Load every file first: a filter document applies to the rules it names in any of the files.
  const loaded: { file: string; documents: readonly SigmaDocument[] }[] = [];
  for (const file of files) {
    try {
      const text = readUserFileSync(file, cwd);
      // A file the cache knows (same text) is taken from it; one that does not load whole is not cached.
      const cached = cache?.documents(file, text);
      if (cached !== undefined) {
        loaded.push({ file, documents: cached });
        continue;
      }
      // Each document on its own: one that does not load is reported, the others of its file are evaluated.
      const { documents, errors } = loadDocuments(text, file);
      for (const e of errors) onError(e, file);
      loaded.push({ file, documents });
    } catch (e) {
      onError(e, file);
    }
  }
  const all = loaded.flatMap((l) => l.documents);
  const applied = all.some((d) => d.kind === 'filter') ? applyFilters(all) : undefined;
  const filtered = applied?.rewritten;
  const out: LoadedRule[] = [];
  for (const { file, documents } of loaded) {
    const rules = documents.map((d) => filtered?.get(d) ?? d).filter((d): d is SigmaRule => d.kind === 'rule');
    rules.forEach((rule, k) => out.push({ name: rules.length > 1 ? `${file}#${k}` : file, rule }));
  }
  const correlations = loaded.flatMap(({ file, documents }) =>
    documents.filter((d): d is SigmaCorrelation => d.kind === 'correlation').map((correlation) => ({ file, correlation })),
  );
  return { rules: out, correlations, documents: applied?.documents ?? all };
}
