/** The sigmaform command line: dispatches to the commands; never shows a stack trace for a user error. */
import type { CliIO, Command } from './io.js';
import { SigmaError } from '../errors.js';

/** Each command is imported when it runs: `convert` does not load the evaluator, nor `match` the pack writers. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  analyze: async () => (await import('./commands/analyze.js')).analyzeCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  convert: async () => (await import('./commands/convert.js')).convertCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  lsp: async () => (await import('./commands/lsp.js')).lspCommand,
  match: async () => (await import('./commands/match.js')).matchCommand,
  pack: async () => (await import('./commands/pack.js')).packCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
};

export const HELP = `Usage: sigmaform COMMAND [OPTIONS] ...

Sigma detection rules to Splunk SPL, Microsoft Sentinel/Defender KQL and Elastic EQL and ES|QL.

Commands:
  check     parse and validate rule files
  convert   convert rules to queries for one target
  pack      build a deployable rule pack (savedsearches.conf, Sentinel rules/ARM, Elastic NDJSON)
  match     test rules against JSON events, without any SIEM
  test      run rule test suites (SigmaHQ regression data, test files); JUnit XML for CI
  list      list targets, pipelines and formats
  analyze   coverage: ATT&CK Navigator layer, rules per log source, fields per log source
  lsp       the language server for editors (stdio)

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
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`sigmaform: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    // `convert` registers the one backend its target needs; every other command may use any of them.
    if (name !== 'convert') await (await import('../node/builtins.js')).registerBuiltinBackends();
    const command = await load();
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
