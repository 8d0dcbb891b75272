/**
 * The closing summary of a run: converted, converted to no query, failed by reason, every error with
 * file:line, time taken.
 */
import type { FileResult } from '../convert.js';
import { noQueryRules, runCounts } from '../batch.js';
import { SigmaError } from '../errors.js';

/** The warning for a rule that converted to no query, `file:line:column: …` like an error. */
export const noQueryWarning = (title: string): string =>
  `rule '${title}' converted to no query (the pipeline left nothing to search for); it is not in the output`;

/** `1 rule`, `2 rules`: the count and its noun, for the summaries the commands print. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summary(results: readonly FileResult[], ms: number): string {
  const counts = runCounts(results);
  const lines: string[] = [];
  for (const e of counts.errors) lines.push(`error: ${e.format()}`);
  const warnings = results.flatMap((r) => (r.ok ? (r.warnings ?? []) : []));
  for (const w of warnings) lines.push(`warning: ${w.format()}`);
  for (const n of noQueryRules(results))
    lines.push(`warning: ${new SigmaError('unsupported', noQueryWarning(n.title), n.location).format()}`);
  const byCode = new Map<string, number>();
  for (const e of counts.errors) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
  const reasons = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${n} ${code}`);
  const ruleErrors = counts.errors.length - counts.failedFiles;
  lines.push(
    `${counts.convertedFiles} of ${plural(counts.files, 'file')} converted (${plural(counts.convertedRules, 'rule')})` +
      (counts.noQueryRules ? `, ${plural(counts.noQueryRules, 'rule')} converted to no query` : '') +
      `, ${counts.failedFiles} failed` +
      (counts.partialFiles
        ? `, ${plural(ruleErrors, 'rule')} failed in ${plural(counts.partialFiles, 'file')} that converted otherwise`
        : '') +
      (reasons.length ? ` (${reasons.join(', ')})` : '') +
      (warnings.length ? `, ${plural(warnings.length, 'warning')} (alternatives the target cannot express, left out)` : '') +
      ` in ${(ms / 1000).toFixed(2)} s`,
  );
  return lines.join('\n') + '\n';
}
