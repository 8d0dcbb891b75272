/**
 * `sigmaform lsp`: the language server (LSP 3.17 over stdio, vscode-languageserver). A thin layer over the
 * language service: documents → diagnostics (loader, condition grammar, validators) as the user types,
 * completion, hover and the `sigmaform.convert` command. Node only.
 */
import lsp from 'vscode-languageserver/node.js';
import type {
  CompletionItem,
  Connection,
  Diagnostic as LspDiagnostic,
  Hover,
  InitializeParams,
  InitializeResult,
  TextDocumentPositionParams,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnose } from './diagnostics.js';
import { complete, convertText, hover, settingsPipeline, type ConvertOutcome } from './service.js';
import type { ServiceSettings } from './types.js';
import { toSigmaError } from '../errors.js';

export const CONVERT_COMMAND = 'sigmaform.convert';
/** How long the server waits after a keystroke before it diagnoses the document again. */
const DEBOUNCE_MS = 150;

/** The user's settings: `initializationOptions` or the workspace configuration section `sigmaform`. */
export interface ServerSettings {
  /** splunk, kusto, eql … (default splunk, for `sigmaform.convert`). */
  readonly target?: string;
  /** Pipeline names, as a list or comma-separated (`sentinel_asim`, `splunk_windows,my_pipeline`). */
  readonly pipeline?: string | readonly string[];
  readonly format?: string;
  /** Run the validators (default true). */
  readonly validate?: boolean;
}

function serviceSettings(s: ServerSettings): ServiceSettings {
  const pipelines = Array.isArray(s.pipeline)
    ? s.pipeline.map(String)
    : typeof s.pipeline === 'string'
      ? s.pipeline
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : [];
  return { ...(s.target ? { target: s.target } : {}), pipelines, ...(s.format ? { format: s.format } : {}) };
}

function readSettings(value: unknown): ServerSettings {
  return typeof value === 'object' && value !== null ? (value as ServerSettings) : {};
}

/** Serves one client on `connection` until it exits. */
export function serve(connection: Connection): void {
  const documents = new lsp.TextDocuments(TextDocument);
  let settings: ServerSettings = {};
  let hasConfiguration = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const service = (): ServiceSettings => serviceSettings(settings);

  const publish = (doc: TextDocument): void => {
    const diagnostics: LspDiagnostic[] = diagnose(doc.getText(), {
      validate: settings.validate !== false,
      // File-name validators read the path; documents not on disk (untitled:) have none.
      ...(doc.uri.startsWith('file://') ? { path: decodeURIComponent(doc.uri.slice('file://'.length)) } : {}),
    }).map((d) => ({ ...d, range: { start: { ...d.range.start }, end: { ...d.range.end } } }));
    const s = service();
    try {
      settingsPipeline(s);
    } catch (e) {
      diagnostics.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 2,
        code: 'settings',
        source: 'sigmaform',
        message: `sigmaform settings: ${toSigmaError(e).message}`,
      });
    }
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  const schedule = (doc: TextDocument, delay = DEBOUNCE_MS): void => {
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) publish(current);
      }, delay),
    );
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = readSettings(params.initializationOptions);
    hasConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: lsp.TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['|', ' ', '.', ':'] },
        hoverProvider: true,
        executeCommandProvider: { commands: [CONVERT_COMMAND] },
      },
      serverInfo: { name: 'sigmaform' },
    };
  });

  const refreshConfiguration = async (): Promise<void> => {
    if (!hasConfiguration) return;
    const section: unknown = await connection.workspace.getConfiguration('sigmaform');
    if (section && typeof section === 'object') settings = { ...settings, ...readSettings(section) };
  };

  connection.onInitialized(() => {
    void refreshConfiguration().then(() => documents.all().forEach((d) => schedule(d, 0)));
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = readSettings(change.settings).valueOf() as Record<string, unknown>;
    if (pushed.sigmaform && typeof pushed.sigmaform === 'object') settings = { ...settings, ...readSettings(pushed.sigmaform) };
    void refreshConfiguration().then(() => documents.all().forEach((d) => schedule(d, 0)));
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const timer = timers.get(e.document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params: TextDocumentPositionParams): CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return complete(doc.getText(), params.position, service()).map((c) => ({
      label: c.label,
      kind: c.kind as CompletionItem['kind'],
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: 'markdown', value: c.documentation } } : {}),
      ...(c.range ? { textEdit: { range: c.range, newText: c.insertText ?? c.label } } : c.insertText ? { insertText: c.insertText } : {}),
    }));
  });

  connection.onHover((params: TextDocumentPositionParams): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const info = hover(doc.getText(), params.position, service());
    return info ? { contents: { kind: 'markdown', value: info.contents }, range: info.range } : null;
  });

  connection.onExecuteCommand((params): ConvertOutcome | null => {
    if (params.command !== CONVERT_COMMAND) return null;
    const [uri, overrides] = (params.arguments ?? []) as [unknown, unknown];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    const s = { ...settings, ...readSettings(overrides) };
    if (!doc)
      return {
        ok: false,
        target: s.target ?? 'splunk',
        pipelines: [],
        queries: [],
        errors: [{ message: `no open document '${String(uri)}'`, line: null, column: null }],
      };
    return convertText(doc.getText(), serviceSettings(s), doc.uri);
  });

  documents.listen(connection);
  connection.listen();
}

/** Starts the server on the given streams (stdin/stdout for `sigmaform lsp`). */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = lsp.createConnection(new lsp.StreamMessageReader(input), new lsp.StreamMessageWriter(output));
  serve(connection);
  return connection;
}
