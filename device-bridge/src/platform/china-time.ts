/**
 * Calendar dates as the citizen reads them. Kiosks run in mainland China (UTC+8, no daylight saving),
 * so a certificate issued at 00:30 Beijing time carries that day's date whatever the host's TZ says.
 */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function chinaCalendarDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + chinaOffsetMs);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** YYYY-MM for a (year, month) pair, month 1–12. */
export function formatYearMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** YYYY-MM-DD in China Standard Time. */
export function formatChinaDate(instant: Date): string {
  const { year, month, day } = chinaCalendarDate(instant);
  return `${formatYearMonth(year, month)}-${String(day).padStart(2, '0')}`;
}

/** An instant as ISO 8601 with the +08:00 offset, as the hall's clocks read: 2026-11-22T10:00:00.000+08:00. */
export function formatChinaIso(instant: Date): string {
  return new Date(instant.getTime() + chinaOffsetMs).toISOString().replace('Z', '+08:00');
}

/**
 * The `count` full calendar months before the month `now` falls in (China time), oldest first:
 * at any moment in 2026-11 with count 12 → 2025-11 … 2026-10.
 */
export function fullMonthsBefore(now: Date, count: number): string[] {
  const { year, month } = chinaCalendarDate(now);
  const months: string[] = [];
  for (let back = count; back >= 1; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(formatYearMonth(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}
