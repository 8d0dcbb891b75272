/**
 * Plain values of the language service, shaped as LSP 3.17 defines them (0-based lines, UTF-16 columns) so the
 * server passes them on unchanged, and the playground can read them without any LSP library.
 */
export interface Pos {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Pos;
  readonly end: Pos;
}
/** LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint. */
export type Severity = 1 | 2 | 3 | 4;
export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  /** The SigmaError code (`modifier`, `condition` …) or the validator id. */
  readonly code: string;
  readonly source: 'sigmaform';
  readonly message: string;
}
/** LSP CompletionItemKind values used here. */
export const CompletionKind = {
  Text: 1,
  Function: 3,
  Field: 5,
  Variable: 6,
  Property: 10,
  Value: 12,
  Keyword: 14,
  EnumMember: 20,
  Operator: 24,
} as const;
export interface Completion {
  readonly label: string;
  readonly kind: number;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text inserted instead of the label. */
  readonly insertText?: string;
  /** The text the completion replaces (the word typed so far). */
  readonly range?: Range;
}
export interface HoverInfo {
  readonly contents: string; // markdown
  readonly range: Range;
}

/** What the service needs to know besides the text: the user's target and pipelines (settings). */
export interface ServiceSettings {
  readonly target?: string;
  readonly pipelines?: readonly string[];
  readonly format?: string;
}
