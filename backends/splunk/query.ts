/**
 * A compiled SPL query in parts, before a format lays it out: the leading and-ed plain terms (`prefix`), the
 * rest of the search (`main`), the `rex`/`eval` stages that must run before the search can test their result
 * (`stages`) and the filters that run after it (`filters`: `regex`, `where`).
 */
export interface SplQuery {
  /** Plain `field=value` terms and-ed at the top of the condition: safe to search before any stage. */
  readonly prefix: readonly string[];
  /** The rest of the search expression; null when everything else became a stage or a filter. */
  readonly main: string | null;
  /** `rex …` / `eval …` commands (without the leading pipe) whose result fields `main` tests. */
  readonly stages: readonly string[];
  /** `regex …` / `where …` commands (without the leading pipe) run after the search. */
  readonly filters: readonly string[];
  /** Fields the stages and filters read (a data model query must keep them in its `by` list). */
  readonly fields: readonly string[];
}

/** The search expression as one text: prefix and main and-ed; null when both are empty. */
export function searchText(q: SplQuery): string | null {
  const parts = q.main === null || q.main === '' ? q.prefix : [...q.prefix, q.main];
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The plain search form (`sigma convert -t splunk`): the search, then the stages and a `| search` of the rest,
 * then the filters, one command per line. A search that would be empty is `*` (a search that starts with a
 * pipe has no events to work on).
 */
export function renderSearch(q: SplQuery): string {
  if (q.stages.length === 0) {
    const search = searchText(q);
    if (q.filters.length === 0) return search ?? '*';
    return [search ?? '*', ...q.filters].join('\n| ');
  }
  const head = q.prefix.length > 0 ? q.prefix.join(' ') : '*';
  return [head, ...q.stages, `search ${q.main ?? '*'}`, ...q.filters].join('\n| ');
}

/**
 * A rule's `fields` as the reference writes them after the search: `| table f1,f2` (names joined by a comma, as
 * pySigma's Splunk backend does), on the same line for the plain search (`separator` ` | `) and on a new line in
 * savedsearches.conf (`\n| `). Unchanged when the rule lists no fields.
 */
export function withTable(search: string, rule: { readonly fields?: readonly string[] }, separator: string): string {
  return rule.fields && rule.fields.length > 0 ? `${search}${separator}table ${rule.fields.join(',')}` : search;
}
