/**
 * Typed literals: a Sigma value compared with a column of a known Kusto type. Sigma values are mostly strings
 * (`DestinationPort: '4444'`, `Initiated: 'true'`); Kusto does not compare a long or bool column with a string,
 * so the dialect writes the literal of the column's type, or compares the column's text (`tostring(C)`).
 */
import type { KustoColumnType } from './columns.js';

/** How a column compares with literals. */
export type ColumnClass = 'string' | 'number' | 'bool' | 'other' | 'unknown';

export function columnClass(type: KustoColumnType | 'string' | undefined): ColumnClass {
  switch (type) {
    case undefined:
      return 'unknown';
    case 'string':
      return 'string';
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return 'number';
    case 'bool':
      return 'bool';
    case 'datetime':
    case 'timespan':
    case 'guid':
    case 'dynamic':
      return 'other';
    default: {
      const never: never = type;
      return never;
    }
  }
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const HEX = /^0x[0-9a-f]+$/i;

/** The KQL number literal for a string that spells a number (`'4444'`, `'0x3e7'`), else undefined. */
export function numberLiteral(text: string): string | undefined {
  if (DECIMAL.test(text)) return text;
  if (HEX.test(text)) return text.toLowerCase();
  return undefined;
}

/** `true`/`false` for a string that spells a boolean (any case), else undefined. */
export function boolLiteral(text: string): 'true' | 'false' | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' || lower === 'false' ? lower : undefined;
}
