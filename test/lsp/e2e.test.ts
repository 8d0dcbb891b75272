/**
 * The language server end to end: `sigmaform lsp --stdio` in its own process, driven by a real LSP client over
 * stdio (vscode-languageserver-protocol's client connection: JSON-RPC with LSP's message types, as editors speak it).
 * The server is bundled from source first (esbuild, as tsup does), so the test never runs a stale dist/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { REPO } from '../support/corpus.js';
import { convert } from '../../src/index.js';

const URI = 'file:///rules/proc_creation_win_test.yml';
// Line numbers (0-based) matter: the diagnostics are asserted at exact ranges.
const RULE = `title: Suspicious Whoami Execution
id: 2a7b3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d
status: test
description: Detects whoami run by a web server process
author: sigmaform tests
date: 2024-01-01
tags:
    - attack.discovery
    - attack.t1033
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswjth: '\\whoami.exe'
        CommandLine|contains: '/all'
    condition: selection and not filter_main
falsepositives:
    - Admin scripts
level: medium
`;
const OK_RULE = RULE.replace('endswjth', 'endswith').replace(' and not filter_main', '');
const LINES = RULE.split('\n');
const col = (line: number, text: string) => (LINES[line] ?? '').indexOf(text);

let server: ChildProcess;
let client: ProtocolConnection;
const published: PublishDiagnosticsParams[] = [];
const waiters: ((p: PublishDiagnosticsParams) => void)[] = [];
let stderr = '';

function nextDiagnostics(version: number): Promise<Diagnostic[]> {
  const found = published.find((p) => p.version === version);
  if (found) return Promise.resolve(found.diagnostics);
  return new Promise((resolve) => waiters.push((p) => p.version === version && resolve(p.diagnostics)));
}

beforeAll(async () => {
  const outdir = join(REPO, 'node_modules', '.cache', 'sigmaform-lsp-test');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'cli.mjs');
  await build({
    entryPoints: [join(REPO, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  server = spawn(process.execPath, [outfile, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  client = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters) w(p);
  });
  // The server asks for the `sigmaform` section; this client answers as an editor with these user settings.
  client.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ target: 'kusto', pipeline: ['sentinel_asim'] })));
  client.listen();
  const init = await client.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { target: 'splunk' },
  });
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.executeCommandProvider?.commands).toContain('sigmaform.convert');
  await client.sendNotification(InitializedNotification.type, {});
  await client.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: URI, languageId: 'yaml', version: 1, text: RULE },
  });
}, 60_000);

afterAll(async () => {
  if (client) {
    await client.sendRequest(ShutdownRequest.type);
    await client.sendNotification(ExitNotification.type);
    client.dispose();
  }
  server?.kill();
});

describe('sigmaform lsp over stdio', () => {
  it('reports the bad modifier and the undefined selection, both at their exact ranges', async () => {
    const diagnostics = await nextDiagnostics(1);
    const modifier = diagnostics.find((d) => d.code === 'modifier');
    const condition = diagnostics.find((d) => d.code === 'condition');
    expect(modifier?.message).toContain("unknown modifier 'endswjth'");
    expect(modifier?.range).toEqual({
      start: { line: 14, character: col(14, 'endswjth') },
      end: { line: 14, character: col(14, 'endswjth') + 8 },
    });
    expect(modifier?.severity).toBe(1);
    expect(condition?.message).toContain("'filter_main'");
    expect(condition?.range).toEqual({
      start: { line: 16, character: col(16, 'filter_main') },
      end: { line: 16, character: col(16, 'filter_main') + 11 },
    });
    expect(stderr).toBe('');
  });

  it('updates the diagnostics as the user types: fixing the modifier leaves only the condition error', async () => {
    const fixed = RULE.replace('endswjth', 'endswith');
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        {
          range: { start: { line: 14, character: col(14, 'endswjth') }, end: { line: 14, character: col(14, 'endswjth') + 8 } },
          text: 'endswith',
        },
      ],
    });
    const diagnostics = await nextDiagnostics(2);
    expect(diagnostics.filter((d) => d.severity === 1).map((d) => d.code)).toEqual(['condition']);
    expect(fixed).toContain('endswith');
  });

  it('completes modifiers after |', async () => {
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [
        {
          range: { start: { line: 15, character: 0 }, end: { line: 15, character: (LINES[15] ?? '').length } },
          text: '        CommandLine|',
        },
      ],
    });
    const result = (await client.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: { line: 15, character: 20 },
    })) as CompletionItem[] | CompletionList;
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['contains', 'startswith', 'endswith', 'all', 're', 'cidr', 'base64offset', 'windash']));
    expect(labels).not.toContain('selection');
  });

  it('hovers a modifier with its documentation and a field with the pipeline mapping from the settings', async () => {
    const line = 14;
    const modifierHover = (await client.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line, character: col(line, 'endswjth') + 2 },
    })) as Hover;
    expect(JSON.stringify(modifierHover.contents)).toContain('end of the field');
    const fieldHover = (await client.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line, character: col(line, 'Image') + 1 },
    })) as Hover;
    // sentinel_asim (the workspace configuration) maps process_creation's Image to imProcessCreate's TargetProcessName.
    expect(JSON.stringify(fieldHover.contents)).toContain('TargetProcessName');
  });

  it('sigmaform.convert returns the converted query for the target and pipeline', async () => {
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///rules/ok.yml', languageId: 'yaml', version: 1, text: OK_RULE },
    });
    const splunk = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: 'sigmaform.convert',
      arguments: ['file:///rules/ok.yml', { target: 'splunk', pipeline: [] }],
    })) as { ok: boolean; queries: string[] };
    expect(splunk.ok).toBe(true);
    expect(splunk.queries).toEqual(['Image="*\\\\whoami.exe" CommandLine="*/all*"']);
    const kusto = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: 'sigmaform.convert',
      arguments: ['file:///rules/ok.yml'],
    })) as {
      ok: boolean;
      queries: string[];
    };
    // The same queries as the library's convert() for the settings' target and pipeline (kusto, sentinel_asim).
    expect(kusto.queries).toEqual(convert(OK_RULE, { target: 'kusto', pipelines: ['sentinel_asim'] }));
    expect(kusto.queries[0]).toMatch(/^imProcessCreate\n\| where TargetProcessName endswith /);
  });
});
