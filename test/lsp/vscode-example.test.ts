/** The VS Code extension example stays in step with the server: its settings are the ones the server reads. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../support/corpus.js';

const dir = join(REPO, 'examples', 'vscode');
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
  main: string;
  contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string }[] };
  dependencies: Record<string, string>;
};
const extension = readFileSync(join(dir, manifest.main), 'utf8');
const server = readFileSync(join(REPO, 'src', 'lsp', 'server.ts'), 'utf8');

describe('examples/vscode', () => {
  it('declares the settings the server reads (target, pipeline, format, validate) and passes them on', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    for (const name of ['target', 'pipeline', 'format', 'validate']) {
      expect(settings).toContain(`sigmaform.${name}`);
      expect(server).toMatch(new RegExp(`readonly ${name}\\?:`));
      expect(extension).toContain(`config.get('${name}')`);
    }
  });

  it("starts 'sigmaform lsp' over stdio with vscode-languageclient and calls the server's convert command", () => {
    expect(manifest.dependencies['vscode-languageclient']).toBeDefined();
    expect(extension).toContain("require('vscode-languageclient/node')");
    expect(extension).toMatch(/args: \[[^\]]*'lsp'\]/);
    expect(extension).toContain('TransportKind.stdio');
    expect(extension).toContain("command: 'sigmaform.convert'");
    expect(server).toContain("CONVERT_COMMAND = 'sigmaform.convert'");
    expect(manifest.contributes.commands.map((c) => c.command)).toContain('sigmaform.showConversion');
  });
});
