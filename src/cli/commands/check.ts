/** `sigmaform check`: load rule files and run pySigma's validators (core and SigmaHQ) on them. */
import { SigmaError, toSigmaError } from '../../errors.js';
import type { Command } from '../io.js';
import { asList, parse } from '../args.js';
import { plural } from '../summary.js';
import { expandRulePaths, readUserFileSync, writeUserFile } from '../../node/files.js';
import { progress } from '../progress.js';
import { loadForValidation, type LoadedFile } from '../../validate/context.js';
import { validateLoaded, selectValidators, type FileValidation, type ValidateOptions } from '../../validate/run.js';
import { parseValidationConfig } from '../../validate/config.js';
import { SEVERITIES, severityAtLeast, type Finding, type Severity } from '../../validate/types.js';
import { VALIDATORS } from '../../validate/registry.js';
import { toSarif } from '../../validate/sarif.js';
import { fixText } from '../../validate/fix.js';

const HELP = `Usage: sigmaform check [OPTIONS] PATH...

Loads Sigma rule files (files, folders searched recursively for *.yml/*.yaml, or globs) and runs the rule
validators of pySigma core and of the SigmaHQ validator plugin on them, under pySigma's identifiers.

Options:
      --jsonl                   one JSON line per file: {"path", "ok", "rules", "issues": [{"validator", "severity",
                                "message", "line", "column"}]}, or {"path", "ok": false, "error", "line", "column"}
                                for a file that does not load
  -f, --format FORMAT           text (default: findings grouped by file), jsonl or sarif (SARIF 2.1.0, for GitHub
                                code scanning)
      --validation-config FILE  sigma-cli's validation configuration (YAML): validators to run ('all', 'id',
                                '-id'), exclusions (rule id → validator ids) and config (validator id → parameters).
                                As in sigma-cli, a file without 'validators' runs none.
      --validator ID            run only this validator; repeatable
      --skip ID                 do not run this validator; repeatable
      --fail-severity LEVEL     fail (exit 1) on a finding of at least LEVEL: informational, low, medium, high,
                                critical. Without it findings are reported but do not fail.
      --fix                     apply the safe fixes in place: lower-case tags, repeated tags and references
                                removed, trailing whitespace, top-level keys in SigmaHQ order. A fix is applied
                                only if the rule loads to the same documents afterwards.
      --no-validators           only load the files (the check before validators existed)
      --today YYYY-MM-DD        the date sigmahq_status_to_high compares with (default: today, UTC)
      --list-validators         list the validators (id, plugin, severity, description) and exit
  -h, --help                    this help

Exit status: 0 when every file loads (and, with --fail-severity, has no finding at or above it); 1 when a file
does not load or has such a finding; 2 on a usage error (unknown option or validator, bad configuration).
`;

const FORMATS = ['text', 'jsonl', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

declare const __SIGMAFORM_VERSION__: string | undefined;
const VERSION = typeof __SIGMAFORM_VERSION__ === 'string' ? __SIGMAFORM_VERSION__ : 'dev';

function countBySeverity(findings: readonly Finding[]): string {
  const counts = [...SEVERITIES]
    .reverse()
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  return counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})` : '';
}

export const checkCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    jsonl: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    'validation-config': { type: 'string' },
    validator: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    'fail-severity': { type: 'string' },
    fix: { type: 'boolean' },
    'no-validators': { type: 'boolean' },
    today: { type: 'string' },
    'list-validators': { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values['list-validators']) {
    for (const v of VALIDATORS) io.stdout(`${v.id}\t${v.plugin}\t${v.severity}\t${v.description}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr('sigmaform check: no PATH given (see --help)\n');
    return 2;
  }
  const formatName = values.format ?? (values.jsonl ? 'jsonl' : 'text');
  if (!(FORMATS as readonly string[]).includes(formatName))
    throw new SigmaError('backend', `unknown format '${formatName}' (formats: ${FORMATS.join(', ')})`);
  if (values.jsonl && values.format && values.format !== 'jsonl')
    throw new SigmaError('backend', `--jsonl and --format ${values.format} contradict each other`);
  const format = formatName as Format;
  const failSeverity = values['fail-severity'];
  if (failSeverity !== undefined && !isSeverity(failSeverity))
    throw new SigmaError('backend', `unknown severity '${failSeverity}' for --fail-severity (one of ${SEVERITIES.join(', ')})`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new SigmaError('backend', `--today wants YYYY-MM-DD, not '${values.today}'`);

  let options: ValidateOptions = {};
  const configFile = values['validation-config'];
  if (configFile) options = parseValidationConfig(readUserFileSync(configFile, io.cwd, 'validation config'), configFile);
  const only = asList(values.validator);
  const skip = asList(values.skip);
  options = {
    ...options,
    ...(values['no-validators'] ? { validators: [] } : only.length ? { validators: only } : {}),
    ...(skip.length ? { skip: [...(options.skip ?? []), ...skip] } : {}),
    ...(values.today ? { today: values.today } : {}),
  };
  selectValidators(options); // unknown ids are a usage error before any file is read

  const files = await expandRulePaths(positionals, io.cwd);
  const bar = progress(files.length, 'check', io.isTTY && format === 'text');
  const loaded: LoadedFile[] = files.map((path) => {
    let text: string;
    try {
      text = readUserFileSync(path, io.cwd, 'rule file');
    } catch (e) {
      bar.tick();
      return { ok: false, file: path, text: '', error: toSigmaError(e, { file: path }) };
    }
    bar.tick();
    return loadForValidation(text, path);
  });
  bar.stop();
  let results: FileValidation[] = validateLoaded(loaded, options);

  if (values.fix) {
    const fixedPaths = new Set<string>();
    for (let i = 0; i < results.length; i++) {
      const result = results[i];
      const file = loaded[i];
      if (!result || !file?.ok || result.path === undefined) continue;
      const fixed = fixText(file.text, result.findings);
      for (const r of fixed.refused) io.stderr(`${result.path}: not fixed: ${r}\n`);
      if (fixed.text === file.text) continue;
      await writeUserFile(result.path, fixed.text, io.cwd);
      fixedPaths.add(result.path);
      for (const c of fixed.changes) io.stderr(`${result.path}: fixed: ${c}\n`);
      loaded[i] = loadForValidation(fixed.text, result.path);
    }
    // report what remains after the fixes
    if (fixedPaths.size > 0) results = validateLoaded(loaded, options);
    io.stderr(`fixed ${fixedPaths.size} file(s)\n`);
  }

  const fails = (r: FileValidation): boolean =>
    r.error !== undefined ||
    (failSeverity !== undefined && isSeverity(failSeverity) && r.findings.some((f) => severityAtLeast(f.severity, failSeverity)));
  const failed = results.filter(fails).length;
  const issue = (f: Finding) => ({
    validator: f.validator,
    severity: f.severity,
    message: f.message,
    line: f.line ?? null,
    column: f.column ?? null,
  });

  if (format === 'jsonl') {
    for (const r of results) {
      if (r.error)
        io.stdout(
          JSON.stringify({
            path: r.path,
            ok: false,
            error: r.error.message,
            line: r.error.line ?? null,
            column: r.error.column ?? null,
            rules: r.documents,
            ...(r.errors && r.errors.length > 1
              ? { errors: r.errors.map((e) => ({ error: e.message, line: e.line ?? null, column: e.column ?? null })) }
              : {}),
            ...(r.findings.length ? { issues: r.findings.map(issue) } : {}),
          }) + '\n',
        );
      else io.stdout(JSON.stringify({ path: r.path, ok: !fails(r), rules: r.documents, issues: r.findings.map(issue) }) + '\n');
    }
  } else if (format === 'sarif') {
    io.stdout(JSON.stringify(toSarif(results, { version: VERSION }), null, 2) + '\n');
  } else {
    for (const r of results) {
      for (const e of r.errors ?? (r.error ? [r.error] : [])) io.stderr(`${e.format()}\n`);
      if (r.findings.length === 0) continue;
      io.stdout(`${r.path ?? ''}\n`);
      for (const f of r.findings)
        io.stdout(`  ${f.line ?? '?'}:${f.column ?? '?'}  ${f.severity.padEnd(6)}  ${f.validator}  ${f.message}\n`);
    }
    const all = results.flatMap((r) => r.findings);
    const loadFailed = results.filter((r) => r.error).length;
    const documents = results.reduce((n, r) => n + r.documents, 0);
    io.stdout(
      `${files.length - loadFailed} of ${plural(files.length, 'file')} valid (${plural(documents, 'document')}), ${loadFailed} invalid; ` +
        `${plural(all.length, 'finding')}${countBySeverity(all)}` +
        (failSeverity ? `; ${plural(failed, 'file')} failed at --fail-severity ${failSeverity}` : '') +
        '\n',
    );
  }
  return failed > 0 ? 1 : 0;
};
