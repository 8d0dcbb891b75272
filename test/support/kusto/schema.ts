/**
 * Reads `reference/tables.json` (database → table → column → documented type) into a
 * clean schema of Kusto scalar types.
 *
 * The file is scraped from Microsoft's documentation, so it mixes two vocabularies:
 * - Defender XDR tables use Kusto type names (`string`, `long`, `int`, `bool`/`boolean`,
 *   `datetime`, `dynamic`, `real`);
 * - ASIM schemas use logical types (`String`, `Enumerated`, `Integer`, `Long`, `Boolean`,
 *   `Date/Time`, `IP Address`, `Hostname`, `SHA256`, `Latitude` …, and `''` for aliases).
 * Logical types that are not numeric, boolean, temporal or dynamic are strings in Kusto.
 * Column names carry some markdown residue (`Timestamp\` [*](#mdi-only)`, a leading space)
 * and a few rows are not columns at all (`Dvc fields`); those are cleaned or skipped.
 */
import { readFileSync } from 'node:fs';

export type KustoScalarType = 'string' | 'int' | 'long' | 'real' | 'decimal' | 'bool' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

export type KustoTableSchema = Readonly<Record<string, KustoScalarType>>;
export type KustoDatabaseSchema = Readonly<Record<string, KustoTableSchema>>;
/** database name (e.g. `sentinel_asim`, `microsoft_xdr`) → table → column → type. */
export type KustoSchema = Readonly<Record<string, KustoDatabaseSchema>>;

const TYPE_BY_DOCUMENTED_NAME: Readonly<Record<string, KustoScalarType>> = Object.freeze({
  string: 'string',
  int: 'int',
  integer: 'int',
  long: 'long',
  real: 'real',
  double: 'real',
  latitude: 'real',
  longitude: 'real',
  decimal: 'decimal',
  bool: 'bool',
  boolean: 'bool',
  datetime: 'datetime',
  'date/time': 'datetime',
  timespan: 'timespan',
  guid: 'guid',
  dynamic: 'dynamic',
});

/**
 * The Kusto scalar type of a documented column type, or `undefined` for `-` (a
 * documentation row that stands for a group of columns, not a column).
 * Unknown logical types (`Enumerated`, `Hostname`, `IP Address`, `''` …) are strings.
 */
export function kustoScalarType(documentedType: string): KustoScalarType | undefined {
  const key = documentedType.trim().toLowerCase();
  if (key === '-') return undefined;
  return TYPE_BY_DOCUMENTED_NAME[key] ?? 'string';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * The column name in a documented row: trimmed, without trailing markdown
 * (`` Name` [*](#mdi-only) ``); `undefined` when the row does not name one column.
 */
export function cleanColumnName(documentedName: string): string | undefined {
  const trimmed = documentedName.trim();
  const name = IDENTIFIER.exec(trimmed)?.[0];
  if (name === undefined) return undefined;
  const rest = trimmed.slice(name.length);
  return rest === '' || rest.startsWith('`') ? name : undefined;
}

function tableSchema(columns: Readonly<Record<string, string>>): KustoTableSchema {
  const out: Record<string, KustoScalarType> = {};
  for (const [rawName, rawType] of Object.entries(columns)) {
    const name = cleanColumnName(rawName);
    const type = typeof rawType === 'string' ? kustoScalarType(rawType) : undefined;
    if (name !== undefined && type !== undefined && !(name in out)) out[name] = type;
  }
  return Object.freeze(out);
}

/** The schema of a parsed `tables.json` value. */
export function kustoSchemaFrom(json: unknown): KustoSchema {
  if (typeof json !== 'object' || json === null) throw new Error('tables.json: expected an object');
  const out: Record<string, KustoDatabaseSchema> = {};
  for (const [database, tables] of Object.entries(json as Record<string, unknown>)) {
    if (typeof tables !== 'object' || tables === null) continue;
    const db: Record<string, KustoTableSchema> = {};
    for (const [table, columns] of Object.entries(tables as Record<string, unknown>)) {
      if (typeof columns === 'object' && columns !== null) {
        db[table] = tableSchema(columns as Record<string, string>);
      }
    }
    out[database] = Object.freeze(db);
  }
  return Object.freeze(out);
}

/** Reads and cleans a `tables.json` file. */
export function readKustoSchema(tablesJsonPath: string): KustoSchema {
  return kustoSchemaFrom(JSON.parse(readFileSync(tablesJsonPath, 'utf8')));
}
