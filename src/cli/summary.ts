/** The closing summary of a run: converted, failed by reason, every error with file:line, time taken. */
import type { FileResult } from '../convert.js';

export function summary(results: readonly FileResult[], ms: number): string {
  const failed = results.filter((r): r is Extract<FileResult, { ok: false }> => !r.ok);
  const rules = results.reduce((n, r) => n + (r.ok ? r.results.length : 0), 0);
  const lines: string[] = [];
  // Every failure: whole files, and single rules of files whose other rules converted.
  const errors = results.flatMap((r) => (r.ok ? (r.errors ?? []) : [r.error]));
  const partial = results.filter((r) => r.ok && r.errors?.length).length;
  for (const e of errors) lines.push(`error: ${e.format()}`);
  const warnings = results.flatMap((r) => (r.ok ? (r.warnings ?? []) : []));
  for (const w of warnings) lines.push(`warning: ${w.format()}`);
  const byCode = new Map<string, number>();
  for (const e of errors) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
  const reasons = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${n} ${code}`);
  lines.push(
    `${results.length - failed.length} of ${results.length} files converted (${rules} rules), ${failed.length} failed` +
      (partial ? `, ${errors.length - failed.length} rules failed in ${partial} files that converted otherwise` : '') +
      (reasons.length ? ` (${reasons.join(', ')})` : '') +
      (warnings.length
        ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (alternatives the target cannot express, left out)`
        : '') +
      ` in ${(ms / 1000).toFixed(2)} s`,
  );
  return lines.join('\n') + '\n';
}
