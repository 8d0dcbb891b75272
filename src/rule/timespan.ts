/** Sigma timespans (`30s`, `5m`, `1h`, `7d`, `1w`, `1M`, `1y`) → seconds. */
import { SigmaError, type SourceLocation } from '../errors.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };

export function parseTimespan(text: string, location?: SourceLocation): number {
  const m = /^(\d+)([smhdwMy])$/.exec(text.trim());
  if (!m) throw new SigmaError('correlation', `timespan '${text}' is not a number followed by s, m, h, d, w, M or y`, location);
  return Number(m[1]) * (UNIT_SECONDS[m[2] as string] ?? 1);
}
