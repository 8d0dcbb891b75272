/**
 * A test harness around Microsoft's own Kusto analyzer (`@kusto/language-service-next`):
 * is this KQL valid against the tables of `reference/tables.json`?
 *
 *   const analyzer = createKustoAnalyzer('../shared/reference/tables.json');
 *   analyzer.diagnose(query, { database: 'sentinel_asim' }); // [] when valid
 *
 * The symbol tables are built once per analyzer; `diagnose` is a parse + semantic analysis
 * (`KustoCode.ParseAndAnalyze`), about 2–10 ms for a typical rule query.
 */
import { buildGlobalStates, ALL_TABLES_DATABASE } from './globals.js';
import { loadKustoLanguage } from './kusto-runtime.js';
import type { KustoDiagnosticObject, KustoGlobalState, KustoLiteralExpression } from './kusto-types.js';
import { readKustoSchema, type KustoScalarType, type KustoSchema } from './schema.js';
import { ASIM_COMMON_COLUMNS } from '../../../backends/kusto/pipelines/identity-mappings.js';

export type KustoSeverity = 'error' | 'warning' | 'suggestion' | 'information' | 'hidden';

export interface KustoDiagnostic {
  readonly severity: KustoSeverity;
  /** Kusto's diagnostic code, e.g. `KS204` (unknown table). */
  readonly code?: string;
  readonly message: string;
  /** Offsets in UTF-16 code units of the query (JavaScript string indices); end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface DiagnoseOptions {
  /**
   * A database of tables.json (`sentinel_asim`, `microsoft_xdr`) whose tables are in scope.
   * Default: every table of every database.
   */
  readonly database?: string;
  /** Severities to report. Default: `['error']`. */
  readonly severities?: readonly KustoSeverity[];
}

export interface KustoAnalyzer {
  /** Diagnostics of a query (errors only by default), in the analyzer's order. */
  diagnose(query: string, options?: DiagnoseOptions): KustoDiagnostic[];
  /** The cleaned schema the analyzer was built from. */
  readonly schema: KustoSchema;
  /** Names accepted as `options.database`. */
  readonly databases: readonly string[];
}

const ERRORS_ONLY: readonly KustoSeverity[] = Object.freeze(['error']);

function toSeverity(severity: string | null): KustoSeverity {
  switch (severity) {
    case 'Warning':
      return 'warning';
    case 'Suggestion':
      return 'suggestion';
    case 'Information':
      return 'information';
    case 'Hidden':
      return 'hidden';
    default:
      return 'error';
  }
}

function toDiagnostic(d: KustoDiagnosticObject): KustoDiagnostic {
  const severity = toSeverity(d.Severity);
  const message = d.Message ?? '';
  const start = d.HasLocation ? d.Start : 0;
  const end = d.HasLocation ? d.End : 0;
  return Object.freeze(d.Code ? { severity, code: d.Code, message, start, end } : { severity, message, start, end });
}

function analyzerFor(schema: KustoSchema): KustoAnalyzer {
  const kusto = loadKustoLanguage();
  const states = buildGlobalStates(kusto, schema);
  const databases = Object.freeze([...states.keys()]);
  const stateFor = (database: string | undefined): KustoGlobalState => {
    const state = states.get(database ?? ALL_TABLES_DATABASE);
    if (!state) throw new Error(`unknown database '${database}' (known: ${databases.join(', ')})`);
    return state;
  };
  const diagnose = (query: string, options: DiagnoseOptions = {}): KustoDiagnostic[] => {
    const wanted = options.severities ?? ERRORS_ONLY;
    const list = kusto.KustoCode.ParseAndAnalyze(query, stateFor(options.database)).GetDiagnostics();
    const out: KustoDiagnostic[] = [];
    for (let i = 0; i < list.Count; i++) {
      const diagnostic = toDiagnostic(list.getItem(i));
      if (wanted.includes(diagnostic.severity)) out.push(diagnostic);
    }
    return out;
  };
  // The analyzer initialises its built-in functions lazily (~1 s): pay that here, once.
  diagnose('print x = 1');
  return Object.freeze({ diagnose, schema, databases });
}

const analyzers = new Map<string, KustoAnalyzer>();

/**
 * An analyzer whose databases are those of `tables.json` (built once per path and thread).
 */
export function createKustoAnalyzer(tablesJsonPath: string): KustoAnalyzer {
  let analyzer = analyzers.get(tablesJsonPath);
  if (!analyzer) {
    analyzer = analyzerFor(readKustoSchema(tablesJsonPath));
    analyzers.set(tablesJsonPath, analyzer);
  }
  return analyzer;
}

/** An analyzer over a schema built by the caller (e.g. tables.json with columns it leaves out added). */
export function createKustoAnalyzerForSchema(schema: KustoSchema): KustoAnalyzer {
  return analyzerFor(schema);
}

const PRINT_PREFIX = 'print x = ';

/**
 * The string a KQL string literal denotes, as Kusto's own parser reads it
 * (`"a\\\"b"` → `a\"b`, `@"x""y"` → `x"y`, `h'secret'` → `secret`, ``` ```a``` ``` → `a`),
 * or `undefined` when `literalText` is not exactly one valid string literal token
 * (syntax errors, surrounding whitespace or comments, other literal kinds, or several
 * adjacent literals such as `"a" "b"`, which Kusto would concatenate).
 */
export function stringLiteralValue(literalText: string): string | undefined {
  const kusto = loadKustoLanguage();
  const code = kusto.KustoCode.Parse(PRINT_PREFIX + literalText);
  if (code.GetDiagnostics().Count > 0) return undefined;
  const literal = code.Syntax.GetFirstDescendant<KustoLiteralExpression>(kusto.Syntax.LiteralExpression);
  if (!literal || literal.Token.Kind !== kusto.Syntax.SyntaxKind.StringLiteralToken) return undefined;
  const spansAll = literal.TextStart === PRINT_PREFIX.length && literal.End === PRINT_PREFIX.length + literalText.length;
  return spansAll && typeof literal.LiteralValue === 'string' ? literal.LiteralValue : undefined;
}

let asimCommon: KustoAnalyzer | undefined;
/**
 * The analyzer over tables.json with the ASIM common fields on every ASIM table: the ones the pipelines map to
 * (DvcHostname, EventOriginalType …, which tables.json lists as one placeholder row, "Dvc fields") and Log
 * Analytics' built-in TimeGenerated. Defender XDR tables as in tables.json.
 */
export function createAsimCommonAnalyzer(tablesJsonPath: string): KustoAnalyzer {
  if (asimCommon) return asimCommon;
  const schema = readKustoSchema(tablesJsonPath);
  const common: Record<string, KustoScalarType> = { TimeGenerated: 'datetime' };
  for (const column of Object.keys(ASIM_COMMON_COLUMNS)) common[column] = 'string';
  const asim = Object.fromEntries(Object.entries(schema.sentinel_asim ?? {}).map(([table, columns]) => [table, { ...common, ...columns }]));
  return (asimCommon = analyzerFor({ ...schema, sentinel_asim: asim }));
}
