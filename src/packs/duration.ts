/**
 * Durations of Sentinel rules: the short form of the Azure-Sentinel YAML (`5m`, `1h`, `1d`) and the ISO 8601 form
 * of ARM (`PT5M`, `PT1H`, `P1D`), with the repository validator's limits.
 */
import { SigmaError, type SourceLocation } from '../errors.js';

const MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** `5m` / `1h` / `1d` → minutes; a `schema` SigmaError for anything else. */
export function shortDurationMinutes(text: string, what: string, location: SourceLocation = {}): number {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  if (!m?.[1] || !m[2]) throw new SigmaError('schema', `${what} must look like 5m, 1h or 1d, not "${text}"`, location);
  return Number(m[1]) * MINUTES[m[2] as keyof typeof MINUTES];
}

/** Minutes → ISO 8601 duration: 5 → `PT5M`, 60 → `PT1H`, 1440 → `P1D`, 2970 → `P2DT1H30M`. */
export function isoDuration(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) throw new SigmaError('internal', `not a positive whole number of minutes: ${minutes}`);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const time = `${hours > 0 ? `${hours}H` : ''}${mins > 0 ? `${mins}M` : ''}`;
  return `P${days > 0 ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** `1h` → `PT1H` */
export function shortToIso(text: string, what: string, location: SourceLocation = {}): string {
  return isoDuration(shortDurationMinutes(text, what, location));
}

const MIN_MINUTES = 5;
const MAX_MINUTES = 14 * 1440;

/**
 * The Azure-Sentinel validator's rules for a scheduled rule: frequency and period within 5 minutes … 14 days, period
 * not shorter than frequency, and a period of 2 days or more needs a frequency of at least 1 hour.
 */
export function checkQueryWindow(frequency: string, period: string, location: SourceLocation = {}): void {
  const f = shortDurationMinutes(frequency, 'queryFrequency', location);
  const p = shortDurationMinutes(period, 'queryPeriod', location);
  for (const [name, value] of [
    ['queryFrequency', f],
    ['queryPeriod', p],
  ] as const) {
    if (value < MIN_MINUTES || value > MAX_MINUTES) {
      throw new SigmaError('schema', `${name} must be between 5m and 14d`, location);
    }
  }
  if (p < f) throw new SigmaError('schema', `queryPeriod (${period}) must not be shorter than queryFrequency (${frequency})`, location);
  if (p >= 2 * 1440 && f < 60) {
    throw new SigmaError('schema', `a queryPeriod of 2 days or more needs a queryFrequency of at least 1h (got ${frequency})`, location);
  }
}
