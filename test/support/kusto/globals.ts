/**
 * Builds the analyzer's `GlobalState` (its symbol table) from a {@link KustoSchema}:
 * one Kusto database per schema database, each table a `TableSymbol` with typed columns.
 * ASIM parsers (imProcessCreate …) are functions in Sentinel; they are modelled as tables
 * with the documented columns, which is what a query over them sees.
 */
import type {
  KustoColumnSymbol,
  KustoDatabaseSymbol,
  KustoGlobalState,
  KustoLanguage,
  KustoTableSymbol,
  KustoTypeSymbol,
} from './kusto-types.js';
import type { KustoDatabaseSchema, KustoScalarType, KustoSchema } from './schema.js';

/** Name of the database that holds every table of every schema database. */
export const ALL_TABLES_DATABASE = 'all';

function scalarSymbol(kusto: KustoLanguage, type: KustoScalarType): KustoTypeSymbol {
  const symbol = kusto.Symbols.ScalarTypes.GetSymbol(type);
  if (!symbol) throw new Error(`Kusto has no scalar type '${type}'`);
  return symbol;
}

function tableSymbols(kusto: KustoLanguage, database: KustoDatabaseSchema): KustoTableSymbol[] {
  return Object.entries(database).map(([table, columns]) => {
    const columnSymbols: KustoColumnSymbol[] = Object.entries(columns).map(
      ([name, type]) => new kusto.Symbols.ColumnSymbol(name, scalarSymbol(kusto, type), null, null, null, null),
    );
    return new kusto.Symbols.TableSymbol.$ctor4(table, columnSymbols);
  });
}

function databaseSymbol(kusto: KustoLanguage, name: string, database: KustoDatabaseSchema): KustoDatabaseSymbol {
  return new kusto.Symbols.DatabaseSymbol.$ctor2(name, null, tableSymbols(kusto, database));
}

/** Every table of every database in one, failing if two databases define the same table. */
function mergedDatabase(schema: KustoSchema): KustoDatabaseSchema {
  const merged: Record<string, KustoDatabaseSchema[string]> = {};
  for (const [database, tables] of Object.entries(schema)) {
    for (const [table, columns] of Object.entries(tables)) {
      if (table in merged) throw new Error(`table ${table} is defined twice (again in ${database})`);
      merged[table] = columns;
    }
  }
  return merged;
}

/**
 * One `GlobalState` per schema database (its tables are the default scope), plus
 * {@link ALL_TABLES_DATABASE} with every table.
 */
export function buildGlobalStates(kusto: KustoLanguage, schema: KustoSchema): ReadonlyMap<string, KustoGlobalState> {
  if (ALL_TABLES_DATABASE in schema) throw new Error(`'${ALL_TABLES_DATABASE}' is reserved`);
  const base = kusto.GlobalState.Default;
  const states = new Map<string, KustoGlobalState>();
  for (const [name, database] of Object.entries(schema)) {
    states.set(name, base.WithDatabase(databaseSymbol(kusto, name, database)));
  }
  const all = databaseSymbol(kusto, ALL_TABLES_DATABASE, mergedDatabase(schema));
  states.set(ALL_TABLES_DATABASE, base.WithDatabase(all));
  return states;
}
