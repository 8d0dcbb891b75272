// A thin VS Code extension: starts `sigmaform lsp --stdio` for YAML files that look like Sigma rules and adds
// one command that shows the converted query. Everything else comes from the language server.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions(config) {
  const path = config.get('path') || 'sigmaform';
  // `sigmaform` on the PATH, or a dist/cli.js run with the editor's node.
  const run = path.endsWith('.js')
    ? { command: process.execPath, args: [path, 'lsp'], transport: TransportKind.stdio }
    : { command: path, args: ['lsp'], transport: TransportKind.stdio };
  return { run, debug: run };
}

function activate(context) {
  const config = vscode.workspace.getConfiguration('sigmaform');
  client = new LanguageClient('sigmaform', 'Sigma (sigmaform)', serverOptions(config), {
    // Sigma rules are YAML files; the server leaves files that are not Sigma documents with one diagnostic.
    documentSelector: [
      { scheme: 'file', language: 'yaml', pattern: '**/rules*/**/*.{yml,yaml}' },
      { scheme: 'file', language: 'yaml', pattern: '**/*sigma*/**/*.{yml,yaml}' },
    ],
    synchronize: { configurationSection: 'sigmaform' },
    initializationOptions: {
      target: config.get('target'),
      pipeline: config.get('pipeline'),
      format: config.get('format') || undefined,
      validate: config.get('validate'),
    },
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('sigmaform.showConversion', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const result = await client.sendRequest('workspace/executeCommand', {
        command: 'sigmaform.convert',
        arguments: [editor.document.uri.toString()],
      });
      const body = result.ok
        ? result.queries.join('\n\n')
        : result.errors.map((e) => `${e.line ?? ''}:${e.column ?? ''} ${e.message}`).join('\n');
      const doc = await vscode.workspace.openTextDocument({ content: body, language: 'plaintext' });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    }),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
