/**
 * Rules per log source: how many rules read each product/category/service, by level and status. sigma-cli's
 * `analyze logsource` counts by category only; a team deciding which logs to collect needs the whole triple.
 */
import type { Level, SigmaDocument, Status } from '../rule/ast.js';

export const LOGSOURCE_LEVELS: readonly Level[] = ['critical', 'high', 'medium', 'low', 'informational'];
export const LOGSOURCE_STATUSES: readonly Status[] = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

export interface LogsourceRow {
  readonly product: string | null;
  readonly category: string | null;
  readonly service: string | null;
  readonly rules: number;
  /** Rules per level; `none` for rules without a level. */
  readonly levels: Readonly<Record<Level | 'none', number>>;
  /** Rules per status; `none` for rules without a status. */
  readonly statuses: Readonly<Record<Status | 'none', number>>;
}

const keyOf = (p: string | null, c: string | null, s: string | null): string => JSON.stringify([p, c, s]);

/** `product/category/service` as people write it, `-` for a missing part. */
export function logsourceLabel(row: { product: string | null; category: string | null; service: string | null }): string {
  return [row.product, row.category, row.service].map((p) => p ?? '-').join('/');
}

/** One row per log source of the rules (filters and correlations left out), most rules first, then by name. */
export function logsourceStats(documents: readonly SigmaDocument[]): LogsourceRow[] {
  const rows = new Map<
    string,
    {
      product: string | null;
      category: string | null;
      service: string | null;
      rules: number;
      levels: Record<string, number>;
      statuses: Record<string, number>;
    }
  >();
  for (const doc of documents) {
    if (doc.kind !== 'rule') continue;
    const { product = null, category = null, service = null } = doc.logsource;
    const key = keyOf(product, category, service);
    let row = rows.get(key);
    if (!row) {
      row = {
        product,
        category,
        service,
        rules: 0,
        levels: Object.fromEntries([...LOGSOURCE_LEVELS, 'none'].map((l) => [l, 0])),
        statuses: Object.fromEntries([...LOGSOURCE_STATUSES, 'none'].map((s) => [s, 0])),
      };
      rows.set(key, row);
    }
    row.rules++;
    row.levels[doc.level ?? 'none'] = (row.levels[doc.level ?? 'none'] ?? 0) + 1;
    row.statuses[doc.status ?? 'none'] = (row.statuses[doc.status ?? 'none'] ?? 0) + 1;
  }
  return [...rows.values()]
    .sort((a, b) => b.rules - a.rules || (logsourceLabel(a) < logsourceLabel(b) ? -1 : logsourceLabel(a) > logsourceLabel(b) ? 1 : 0))
    .map((r) => Object.freeze({ ...r, levels: Object.freeze(r.levels), statuses: Object.freeze(r.statuses) }) as LogsourceRow);
}

/** A plain-text table of the rows (columns: log source, rules, each level, each status). */
export function logsourceTable(rows: readonly LogsourceRow[]): string {
  const header = ['product/category/service', 'rules', ...LOGSOURCE_LEVELS, 'no level', ...LOGSOURCE_STATUSES];
  const body = rows.map((r) => [
    logsourceLabel(r),
    String(r.rules),
    ...LOGSOURCE_LEVELS.map((l) => String(r.levels[l])),
    String(r.levels.none),
    ...LOGSOURCE_STATUSES.map((s) => String(r.statuses[s])),
  ]);
  const total = ['total', String(rows.reduce((n, r) => n + r.rules, 0))];
  for (let i = 2; i < header.length; i++) total.push(String(body.reduce((n, row) => n + Number(row[i]), 0)));
  const table = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line), rule, line(total)].join('\n') + '\n';
}
