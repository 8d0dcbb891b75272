/**
 * Time modifiers (`minute` … `year`): a numeric part of a timestamp field. As the specification says, no
 * timezone conversion: the parts are read as written (`2025-10-24T23:41:00Z`, `2025-10-24 23:41:00.589`),
 * and other date texts are read by Date.parse in UTC.
 */
import type { TimePart } from '../rule/ast.js';

const TIMESTAMP = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2}))?/;

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function readParts(text: string): Parts | undefined {
  const m = TIMESTAMP.exec(text);
  if (m) {
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0) };
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** ISO 8601 week number (1–53) of a calendar date. */
export function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** The requested part of a timestamp text, or undefined when the text is not a date. */
export function timePart(text: string, part: TimePart): number | undefined {
  const p = readParts(text);
  if (p === undefined) return undefined;
  switch (part) {
    case 'minute':
      return p.minute;
    case 'hour':
      return p.hour;
    case 'day':
      return p.day;
    case 'week':
      return isoWeek(p.year, p.month, p.day);
    case 'month':
      return p.month;
    case 'year':
      return p.year;
    default: {
      const never: never = part;
      return never;
    }
  }
}
