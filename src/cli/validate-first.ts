/** `convert --validate` / `pack --validate`: run the rule validators before converting, as a gate. */
import { SigmaError, toSigmaError } from '../errors.js';
import type { CliIO } from './io.js';
import { plural } from './summary.js';
import type { Options } from './args.js';
import { expandPaths, readUserFileSync } from '../node/files.js';
import type { ValidateOptions } from '../validate/run.js';
import { SEVERITIES, severityAtLeast, type Severity } from '../validate/types.js';

export const VALIDATE_OPTIONS = {
  validate: { type: 'boolean' },
  'validation-config': { type: 'string' },
  'fail-severity': { type: 'string' },
} as const satisfies Options;

export const VALIDATE_HELP = `      --validate           run the rule validators (as 'sigmaform check') first; findings go to stderr
      --validation-config FILE  sigma-cli's validation configuration for --validate (implies it)
      --fail-severity LEVEL     with --validate: convert nothing and exit 1 when a finding is at least LEVEL
                           (informational, low, medium, high, critical)
`;

interface ValidateValues {
  readonly validate?: boolean | undefined;
  readonly 'validation-config'?: string | undefined;
  readonly 'fail-severity'?: string | undefined;
}

/**
 * Runs the validators over `paths` when asked to; reports findings on stderr (`file:line:column: severity
 * validator: message`). Returns false when the command must stop (a finding at or above --fail-severity).
 */
export async function validateFirst(values: ValidateValues, paths: readonly string[], io: CliIO, command: string): Promise<boolean> {
  const configFile = values['validation-config'];
  const failSeverity = values['fail-severity'];
  if (!values.validate && !configFile) {
    if (failSeverity !== undefined) throw new SigmaError('backend', '--fail-severity needs --validate');
    return true;
  }
  if (failSeverity !== undefined && !(SEVERITIES as readonly string[]).includes(failSeverity))
    throw new SigmaError('backend', `unknown severity '${failSeverity}' for --fail-severity (one of ${SEVERITIES.join(', ')})`);
  // The validators (and the ATT&CK and SigmaHQ tables they read) are loaded only for a run that asks for them.
  const [{ loadForValidation }, { validateLoaded, selectValidators }, { parseValidationConfig }] = await Promise.all([
    import('../validate/context.js'),
    import('../validate/run.js'),
    import('../validate/config.js'),
  ]);
  const options: ValidateOptions = configFile
    ? parseValidationConfig(readUserFileSync(configFile, io.cwd, 'validation config'), configFile)
    : {};
  selectValidators(options);
  const files = await expandPaths(paths, io.cwd);
  const loaded = files.map((path) => {
    try {
      return loadForValidation(readUserFileSync(path, io.cwd, 'rule file'), path);
    } catch (e) {
      return { ok: false as const, file: path, text: '', error: toSigmaError(e, { file: path }) };
    }
  });
  const results = validateLoaded(loaded, options);
  let count = 0;
  let failing = 0;
  for (const r of results) {
    for (const f of r.findings)
      io.stderr(`${f.file ?? ''}:${f.line ?? '?'}:${f.column ?? '?'}: ${f.severity} ${f.validator}: ${f.message}\n`);
    count += r.findings.length;
    if (failSeverity !== undefined && r.findings.some((f) => severityAtLeast(f.severity, failSeverity as Severity))) failing++;
  }
  io.stderr(
    `validation: ${plural(count, 'finding')} in ${results.filter((r) => r.findings.length > 0).length} of ${plural(files.length, 'file')}\n`,
  );
  if (failing > 0) {
    io.stderr(`sigmaform ${command}: ${failing} file(s) have findings at or above '${failSeverity ?? ''}'; nothing converted\n`);
    return false;
  }
  return true;
}
