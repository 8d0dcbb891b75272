/**
 * Processing items both kusto pipelines share, written as pySigma pipeline YAML data: the registry key
 * replacements, the per-table invalid-field checks and the query-table postprocessing.
 */
import type { TableSchema } from './tables.js';
import type { FieldMapping } from './mappings.js';

type Item = Readonly<Record<string, unknown>>;

/** Sysmon's abbreviated registry hives → the full names the tables use (CurrentControlSet first). */
export function registryKeyReplacements(
  prefix: string,
  fields: { readonly first: readonly string[]; readonly rest: readonly string[] },
): Item[] {
  const replace = (id: string, regex: string, replacement: string, f: readonly string[]): Item => ({
    id: `${prefix}_registry_key_replace_${id}`,
    type: 'replace_string',
    regex,
    replacement,
    field_name_conditions: [{ type: 'include_fields', fields: f }],
  });
  return [
    replace(
      'currentcontrolset',
      '(?i)(^HKLM\\\\SYSTEM\\\\CurrentControlSet)',
      'HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet001',
      fields.first,
    ),
    replace('hklm', '(?i)(^HKLM)', 'HKEY_LOCAL_MACHINE', fields.rest),
    replace('hku', '(?i)(^HKU)', 'HKEY_USERS', fields.rest),
    replace('hkcr', '(?i)(^HKCR)', 'HKEY_LOCAL_MACHINE\\\\CLASSES', fields.rest),
  ];
}

/** The names pySigma lists as usable for a table: its columns, the table's and the generic mapping sources, Hashes. */
export function acceptedNames(columns: TableSchema, tableMapping: FieldMapping | undefined, generic: FieldMapping): string[] {
  return [...new Set([...Object.keys(columns), ...Object.keys(tableMapping ?? {}), ...Object.keys(generic), 'Hashes'])].sort();
}

/**
 * One invalid_field item per table: when the query table is that table, a field that is still not one of its
 * columns after mapping rejects the rule; then a catch-all for a query table of another name.
 *
 * Unlike pySigma, which also lets through the mapping sources and `Hashes`, only the table's columns pass,
 * so a mapping target that happens to be another mapping's source (imAuthentication: Computer → DvcHostname)
 * cannot reach the query. The message still lists every accepted source name, as pySigma's does.
 */
export function invalidFieldItems(
  prefix: string,
  tables: Readonly<Record<string, TableSchema>>,
  tableMappings: Readonly<Record<string, FieldMapping>>,
  generic: FieldMapping,
  word: string,
): Item[] {
  const setQueryTable = { type: 'processing_item_applied', processing_item_id: `${prefix}_set_query_table` };
  const items: Item[] = Object.entries(tables).map(([table, columns]) => {
    const names = acceptedNames(columns, tableMappings[table], generic);
    return {
      id: `${prefix}_unsupported_fields_${table}`,
      type: 'invalid_field',
      message: `Please use valid fields for the ${table} table, or the following fields that have ${word} in this pipeline:\n${names.join(', ')}`,
      rule_conditions: [setQueryTable, { type: 'processing_state', key: 'query_table', val: table }],
      field_name_conditions: [{ type: 'exclude_fields', fields: Object.keys(columns) }],
    };
  });
  items.push({
    id: `${prefix}_unsupported_fields_custom`,
    type: 'invalid_field',
    message: "Invalid field name for the custom table. Please ensure you're using valid fields for your custom table.",
    rule_conditions: [setQueryTable, { type: 'processing_state', key: 'query_table', val: null }],
    field_name_conditions: [{ type: 'exclude_fields', fields: [...Object.keys(generic), 'Hashes'] }],
  });
  return items;
}

/** `<query_table>\n| where <query>` once a query table is set. */
export const prependQueryTable: Item = {
  id: 'kusto_prepend_query_table',
  type: 'prepend_query_table',
  rule_conditions: [{ type: 'query_table_set' }],
};
