import { describe, expect, it } from 'vitest';
import { isoWeek, timePart } from '../../src/eval/timepart.js';

describe('time parts of timestamps', () => {
  it('reads ISO and Sysmon UtcTime timestamps as written, without timezone conversion', () => {
    expect(timePart('2025-10-24T23:41:00.601559Z', 'hour')).toBe(23);
    expect(timePart('2025-10-24 23:41:00.589', 'minute')).toBe(41);
    expect(timePart('2025-10-24 23:41:00.589', 'day')).toBe(24);
    expect(timePart('2025-10-24 23:41:00.589', 'month')).toBe(10);
    expect(timePart('2025-10-24 23:41:00.589', 'year')).toBe(2025);
  });
  it('uses ISO 8601 week numbers', () => {
    expect(isoWeek(2021, 1, 3)).toBe(53); // a Sunday that belongs to 2020's last week
    expect(isoWeek(2021, 1, 4)).toBe(1);
    expect(timePart('2025-10-24', 'week')).toBe(43);
  });
  it('gives nothing for text that is not a date', () => {
    expect(timePart('yesterday', 'hour')).toBeUndefined();
  });
});
