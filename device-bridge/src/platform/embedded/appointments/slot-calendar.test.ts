import { describe, expect, it } from 'vitest';
import { windowsOf } from '../demo-hall.ts';
import { hallSlotsFrom } from './slot-calendar.ts';

describe("the demo hall's slot calendar", () => {
  it('offers the next seven working days from tomorrow, skipping the weekend', () => {
    // Friday 27 November 2026, evening in Hangzhou
    const slots = hallSlotsFrom(new Date('2026-11-27T20:00:00+08:00'));
    const days = [...new Set(slots.map((slot) => slot.start.slice(0, 10)))];
    expect(days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08']);
  });

  it('gives every window of every category half-hour slots with two places, each under its own id', () => {
    const slots = hallSlotsFrom(new Date('2026-11-23T10:00:00+08:00'));
    const windows = Object.values(windowsOf).flat().length;
    expect(slots.length).toBe(7 * windows * 13);
    expect(new Set(slots.map((slot) => slot.id)).size).toBe(slots.length);
    expect(slots[0]).toEqual({
      id: 'HZ-SMZX-B12-202611240900',
      hallId: 'HZ-SMZX',
      hallName: '杭州市民中心政务服务大厅',
      window: 'B12',
      category: 'social-insurance',
      start: '2026-11-24T09:00:00+08:00',
      end: '2026-11-24T09:30:00.000+08:00',
      capacity: 2,
    });
  });
});
