/**
 * Minimal structural types for the part of Microsoft's Kusto analyzer
 * (`@kusto/language-service-next`, a Bridge.NET translation of Kusto.Language) that the
 * test harness uses. The package ships a 1.7 MB global `.d.ts`; these few interfaces keep
 * type-checking fast and the harness independent of its global declarations.
 */

/** A .NET `IReadOnlyList<T>` as Bridge.NET exposes it. */
export interface BridgeList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

export interface KustoDiagnosticObject {
  readonly Code: string | null;
  readonly Severity: string | null;
  readonly Message: string | null;
  readonly HasLocation: boolean;
  readonly Start: number;
  readonly End: number;
}

/** Kusto.Language.Symbols.TypeSymbol (opaque here). */
export interface KustoTypeSymbol {
  readonly Name: string;
}

export type KustoColumnSymbol = { readonly __kind: 'ColumnSymbol' };
export type KustoTableSymbol = { readonly __kind: 'TableSymbol' };
export type KustoDatabaseSymbol = { readonly __kind: 'DatabaseSymbol' };

export interface KustoGlobalState {
  WithDatabase(database: KustoDatabaseSymbol): KustoGlobalState;
}

export interface KustoSyntaxToken {
  readonly Kind: number;
  readonly Text: string;
}

export interface KustoLiteralExpression {
  readonly Token: KustoSyntaxToken;
  readonly LiteralValue: unknown;
  readonly TextStart: number;
  readonly End: number;
}

export interface KustoSyntaxNode {
  GetFirstDescendant<T>(type: unknown): T | null;
}

export interface KustoCode {
  readonly Syntax: KustoSyntaxNode;
  GetDiagnostics(): BridgeList<KustoDiagnosticObject>;
}

/** The subset of the global `Kusto.Language` namespace used by the harness. */
export interface KustoLanguage {
  readonly KustoCode: {
    Parse(text: string, globals?: KustoGlobalState): KustoCode;
    ParseAndAnalyze(text: string, globals?: KustoGlobalState): KustoCode;
  };
  readonly GlobalState: { readonly Default: KustoGlobalState };
  readonly Symbols: {
    readonly ScalarTypes: { GetSymbol(typeName: string): KustoTypeSymbol | null };
    readonly ColumnSymbol: new (
      name: string,
      type: KustoTypeSymbol,
      description: string | null,
      originalColumns: null,
      source: null,
      examples: null,
    ) => KustoColumnSymbol;
    readonly TableSymbol: {
      readonly $ctor4: new (name: string, columns: KustoColumnSymbol[]) => KustoTableSymbol;
    };
    readonly DatabaseSymbol: {
      readonly $ctor2: new (name: string, alternateName: string | null, members: KustoTableSymbol[]) => KustoDatabaseSymbol;
    };
  };
  readonly Syntax: {
    readonly LiteralExpression: unknown;
    readonly SyntaxKind: { readonly StringLiteralToken: number };
  };
}
