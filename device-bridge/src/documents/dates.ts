import { chinaCalendarDate } from '../platform/china-time.ts';

/** 2026年11月22日 (China Standard Time): how dates read on an official document. */
export function formatChineseDate(instant: Date): string {
  const { year, month, day } = chinaCalendarDate(instant);
  return `${year}年${String(month).padStart(2, '0')}月${String(day).padStart(2, '0')}日`;
}

/** "2026-05" → "2026年05月" */
export function formatChineseMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${year}年${month}月`;
}

/** A YYYY-MM-DD date (as stored in validUntil) as an instant at noon China time on that day. */
export function chinaDateAsInstant(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`);
}
