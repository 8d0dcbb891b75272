/** `sigmaform lsp [--stdio]`: the language server on stdin/stdout (LSP 3.17). */
import type { Command } from '../io.js';
import { parse } from '../args.js';

const HELP = `Usage: sigmaform lsp [--stdio]

Runs the Sigma language server on stdin/stdout (Language Server Protocol 3.17): diagnostics (YAML, schema,
modifiers, condition, validators) as you type, completion of keys, modifiers, log sources, selections and the
pipeline's field names, hover docs, and the command 'sigmaform.convert' (arguments: document URI and optional
{target, pipeline, format}) returning the converted queries.

Settings (initializationOptions or the workspace configuration section 'sigmaform'):
  target     splunk | kusto | eql (for sigmaform.convert; default splunk)
  pipeline   pipeline names, a list or comma-separated (completion and hover show their field mappings)
  format     output format for sigmaform.convert
  validate   run the validators (default true)

Editors start it as a command: 'sigmaform lsp --stdio' (see README, "Editor support").
`;

export const lspCommand: Command = async (argv, io) => {
  const { values } = parse(argv, { stdio: { type: 'boolean' } });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  // Loaded only here: the other commands do not need the LSP libraries.
  const { startServer } = await import('../../lsp/server.js');
  // The connection ends the process on the client's `exit` notification (0 after `shutdown`, 1 without).
  startServer(process.stdin, process.stdout);
  return new Promise<number>((resolve) => process.stdin.on('end', () => resolve(0)));
};
