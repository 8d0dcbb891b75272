/** The sigmaform command line: dispatches to the commands; never shows a stack trace for a user error. */
import type { CliIO, Command } from './io.js';
import { SigmaError } from '../errors.js';
import { checkCommand } from './commands/check.js';
import { convertCommand } from './commands/convert.js';
import { listCommand } from './commands/list.js';
import { matchCommand } from './commands/match.js';
import { packCommand } from './commands/pack.js';
import { testCommand } from './commands/test.js';

const COMMANDS: Readonly<Record<string, Command>> = {
  check: checkCommand,
  convert: convertCommand,
  list: listCommand,
  match: matchCommand,
  pack: packCommand,
  test: testCommand,
};

export const HELP = `Usage: sigmaform COMMAND [OPTIONS] ...

Sigma detection rules to Splunk SPL, Microsoft Sentinel/Defender KQL and Elastic EQL.

Commands:
  check     parse and validate rule files
  convert   convert rules to queries for one target
  pack      build a deployable rule pack (savedsearches.conf, Sentinel rules/ARM, Elastic NDJSON)
  match     test rules against JSON events, without any SIEM
  test      run rule test suites (SigmaHQ regression data, test files); JUnit XML for CI
  list      list targets, pipelines and formats

Run 'sigmaform COMMAND --help' for a command's options.
`;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`sigmaform: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof SigmaError) {
      io.stderr(`sigmaform ${name}: ${e.format()}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`sigmaform ${name}: internal error: ${message}\n(please report this with the rule that caused it)\n`);
    return 3;
  }
}

declare const __SIGMAFORM_VERSION__: string | undefined;
const VERSION = typeof __SIGMAFORM_VERSION__ === 'string' ? __SIGMAFORM_VERSION__ : 'dev';
