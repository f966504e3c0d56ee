import { describe, expect, it } from 'vitest';
import { dayLabel } from './day-label.ts';

describe('a day as the citizen says it', () => {
  it('gives the date and the weekday in both languages', () => {
    expect(dayLabel('2025-01-02', 'zh-CN')).toBe('1月2日星期四');
    expect(dayLabel('2025-01-02', 'en')).toBe('Thursday, January 2');
  });

  it('is the day as written, whatever time zone the kiosk runs in (the hall calendar decides)', () => {
    // 2025-01-06 is a Monday everywhere: no UTC offset moves it to Sunday or Tuesday
    expect(dayLabel('2025-01-06', 'en')).toBe('Monday, January 6');
    expect(dayLabel('2024-12-31', 'zh-CN')).toBe('12月31日星期二');
  });
});
