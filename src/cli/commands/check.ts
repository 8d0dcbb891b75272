/** `sigmaform check [--jsonl] PATH...`: parse and validate rule files. */
import { loadRules } from '../../rule/load.js';
import { toSigmaError } from '../../errors.js';
import type { Command } from '../io.js';
import { parse } from '../args.js';
import { expandPaths, readUserFileSync } from '../../node/files.js';
import { progress } from '../progress.js';

const HELP = `Usage: sigmaform check [--jsonl] PATH...

Parses and validates Sigma rule files (files, folders searched recursively for *.yml/*.yaml, or globs).

Options:
  --jsonl     one JSON line per file: {"path", "ok": true, "rules": N} or {"path", "ok": false, "error", "line", "column"}
  -h, --help  this help

Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error.
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
  const files = await expandPaths(positionals, io.cwd);
  const bar = progress(files.length, 'check', io.isTTY && !values.jsonl);
  let failed = 0;
  let rules = 0;
  const errors: string[] = [];
  for (const path of files) {
    try {
      const text = readUserFileSync(path, io.cwd, 'rule file');
      const n = loadRules(text, path).documents.length;
      rules += n;
      if (values.jsonl) io.stdout(JSON.stringify({ path, ok: true, rules: n }) + '\n');
    } catch (e) {
      failed++;
      const err = toSigmaError(e, { file: path });
      if (values.jsonl)
        io.stdout(JSON.stringify({ path, ok: false, error: err.message, line: err.line ?? null, column: err.column ?? null }) + '\n');
      else errors.push(`${err.format()}\n`);
    }
    bar.tick();
  }
  bar.stop();
  if (!values.jsonl) {
    for (const e of errors) io.stderr(e);
    io.stdout(`${files.length - failed} of ${files.length} files valid (${rules} documents), ${failed} invalid\n`);
  }
  return failed > 0 ? 1 : 0;
};
