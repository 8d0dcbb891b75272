/**
 * Search API responses that hold many events in one JSON document, as a script gets them with `curl`: their rows
 * are the events. Recognised by their whole shape, never by one key alone:
 * - Microsoft Defender's advanced hunting API (`/api/advancedhunting/run`): `{"Stats", "Schema": [{Name, Type}],
 *   "Results": [{…}]}`; Microsoft Graph's `runHuntingQuery`: `{"@odata.context", "schema": [{name, type}],
 *   "results": [{…}]}`;
 * - the Log Analytics / Microsoft Sentinel query API (`/v1/workspaces/{id}/query`): `{"tables": [{"name",
 *   "columns": [{name, type}], "rows": [[…]]}]}`, each row an array of cells named by the columns;
 * - an Elasticsearch `_search` response: `{"took", "_shards", "hits": {"hits": [{"_index", "_source"}]}}` (each hit
 *   is read as its `_source`, fields.ts); an ES|QL response (`POST /_query`): `{"took", "columns": [{name, type}],
 *   "values": [[…]]}`, each row an array of cells (the default orientation, not `columnar`), a null cell an absent
 *   field;
 * - Splunk's search results in JSON (`/services/search/jobs/{sid}/results?output_mode=json`): `{"preview",
 *   "init_offset", "fields", "results": [{…}]}`.
 * Anything else is one event. Browser-safe.
 */

/** The kinds of response whose rows are events. */
export type ContainerKind = 'defender-hunting' | 'graph-hunting' | 'log-analytics' | 'esql' | 'elasticsearch-search' | 'splunk-results';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A row of cells (Log Analytics, ES|QL) as an object named by the columns; anything else is left as it is.
 * `absentNulls`: a null cell is an absent field (ES|QL returns null for a field the document does not have).
 */
export function laRow(names: readonly string[], row: unknown, absentNulls = false): unknown {
  if (!Array.isArray(row)) return row;
  const out: Record<string, unknown> = {};
  names.forEach((name, k) => {
    if (k < row.length && !(absentNulls && row[k] === null)) out[name] = row[k];
  });
  return out;
}

/** The names of a list of columns (`[{name, type}]`), or undefined when it is not one. */
function columnNames(columns: unknown): string[] | undefined {
  if (!Array.isArray(columns)) return undefined;
  const names: string[] = [];
  for (const c of columns) {
    if (!isObject(c) || typeof c['name'] !== 'string') return undefined;
    names.push(c['name']);
  }
  return names;
}

/** A Log Analytics table: its columns' names, and its rows as arrays of cells. */
function laTable(t: unknown): { readonly names: readonly string[]; readonly rows: readonly unknown[] } | undefined {
  if (!isObject(t) || !Array.isArray(t['rows'])) return undefined;
  const names = columnNames(t['columns']);
  return names === undefined ? undefined : { names, rows: t['rows'] };
}

/** The rows of a search API response (see above) and its kind; undefined when the value is not one (one event). */
export function containerRows(value: unknown): { readonly kind: ContainerKind; readonly rows: readonly unknown[] } | undefined {
  if (!isObject(value)) return undefined;
  if (Array.isArray(value['Schema']) && Array.isArray(value['Results'])) return { kind: 'defender-hunting', rows: value['Results'] };
  if (Array.isArray(value['schema']) && Array.isArray(value['results'])) return { kind: 'graph-hunting', rows: value['results'] };
  const tables = value['tables'];
  if (Array.isArray(tables) && tables.length > 0) {
    const read = tables.map(laTable);
    if (read.every((t) => t !== undefined))
      return { kind: 'log-analytics', rows: read.flatMap((t) => t.rows.map((row) => laRow(t.names, row))) };
  }
  // ES|QL (`POST /_query`, rows as arrays of cells in the default orientation).
  const names = Array.isArray(value['values']) ? columnNames(value['columns']) : undefined;
  if (names !== undefined) return { kind: 'esql', rows: (value['values'] as unknown[]).map((row) => laRow(names, row, true)) };
  const hits = value['hits'];
  if (isObject(hits) && Array.isArray(hits['hits']) && ('took' in value || '_shards' in value))
    return { kind: 'elasticsearch-search', rows: hits['hits'] };
  if (typeof value['preview'] === 'boolean' && Array.isArray(value['results']) && 'init_offset' in value)
    return { kind: 'splunk-results', rows: value['results'] };
  return undefined;
}

/**
 * Whether a JSON value's text may be such a response, from how it starts (the first key each API writes): a cheap
 * test before parsing a value the stream would otherwise hand on unparsed. A Splunk export record
 * (`{"preview": false, "offset": 0, "result": {…}}`, one event a line) is not one.
 */
const CONTAINER_START =
  /^[\s,\ufeff]*\{\s*(?:"(?:Stats|Schema|schema|@odata\.context|tables|took|columns)"\s*:|"preview"\s*:\s*(?:true|false)\s*,\s*"init_offset"\s*:)/;

const FIRST_KEYS = ['Stats', 'Schema', 'schema', '@odata.context', 'tables', 'took', 'columns', 'preview'];

/**
 * Whether more text could still make the start of a value, `text` so far, one of a response (mayBeContainer):
 * false as soon as its first key is none of theirs, so that an ordinary event is told from one at once.
 */
export function mayBecomeContainer(text: string): boolean {
  const open = /^[\s,\ufeff]*(?:\{\s*(?:"([^"]*)("?))?)?$|^[\s,\ufeff]*\{\s*"([^"]*)"/.exec(text);
  if (open === null) return false;
  if (open[3] !== undefined) return FIRST_KEYS.includes(open[3]);
  const key = open[1];
  if (key === undefined) return true;
  return open[2] === '"' ? FIRST_KEYS.includes(key) : FIRST_KEYS.some((k) => k.startsWith(key));
}

export function mayBeContainer(text: string): boolean {
  // Anchored: only the start is read, whatever the text's length.
  return CONTAINER_START.test(text);
}
