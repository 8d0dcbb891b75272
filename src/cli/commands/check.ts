/** `sigmaform check [--jsonl] PATH...`: parse and validate rule files. */
import { loadDocuments, type LoadedDocuments } from '../../rule/load.js';
import { toSigmaError, type SigmaError } from '../../errors.js';
import type { Command } from '../io.js';
import { parse } from '../args.js';
import { expandRulePaths, readUserFileSync } from '../../node/files.js';
import { progress } from '../progress.js';

const HELP = `Usage: sigmaform check [--jsonl] PATH...

Parses and validates Sigma rule files (files, folders searched recursively for *.yml/*.yaml, or globs).

Options:
  --jsonl     one JSON line per file: {"path", "ok": true, "rules": N} or {"path", "ok": false, "error", "line",
              "column", "rules": N, "errors": [...]} (N: the documents that are valid; errors: when several are not)
  -h, --help  this help

Every invalid document of a file of several is reported (file:line:column); the valid ones are counted.
Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error (including an input with no
rule files).
`;

export const checkCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, { jsonl: { type: 'boolean' } });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr('sigmaform check: no PATH given (see --help)\n');
    return 2;
  }
  const files = await expandRulePaths(positionals, io.cwd);
  const bar = progress(files.length, 'check', io.isTTY && !values.jsonl);
  let failed = 0;
  let rules = 0;
  const errors: string[] = [];
  for (const path of files) {
    // Each document of a file on its own: every invalid one is reported at its place, the valid ones counted.
    let loaded: LoadedDocuments;
    try {
      loaded = loadDocuments(readUserFileSync(path, io.cwd, 'rule file'), path);
    } catch (e) {
      loaded = { documents: [], errors: [toSigmaError(e, { file: path })] };
    }
    const n = loaded.documents.length;
    rules += n;
    const [first] = loaded.errors;
    if (first) failed++;
    if (values.jsonl) {
      const at = (e: SigmaError) => ({ line: e.line ?? null, column: e.column ?? null });
      io.stdout(
        JSON.stringify(
          first
            ? {
                path,
                ok: false,
                error: first.message,
                ...at(first),
                rules: n,
                ...(loaded.errors.length > 1 ? { errors: loaded.errors.map((e) => ({ error: e.message, ...at(e) })) } : {}),
              }
            : { path, ok: true, rules: n },
        ) + '\n',
      );
    } else for (const e of loaded.errors) errors.push(`${e.format()}\n`);
    bar.tick();
  }
  bar.stop();
  if (!values.jsonl) {
    for (const e of errors) io.stderr(e);
    io.stdout(`${files.length - failed} of ${files.length} files valid (${rules} documents), ${failed} invalid\n`);
  }
  return failed > 0 ? 1 : 0;
};
