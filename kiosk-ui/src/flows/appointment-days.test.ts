import type { AppointmentSlot } from '@tongban/device-bridge/api';
import { describe, expect, it } from 'vitest';
import { hasFreeSlotOn, slotDays, slotsOn } from './appointment-days.ts';

const slot = (id: string, start: string, window: string, remaining: number): AppointmentSlot => ({
  id,
  hallId: 'h1',
  hallName: '测试大厅',
  window,
  start,
  end: start.replace(/T(\d\d):00/, 'T$1:30'),
  remaining,
});

// as the platform may send them: not in order, two windows at one time, a full day
const slots = [
  slot('mon-b', '2025-01-06T09:00:00+08:00', 'B2', 1),
  slot('thu-late', '2025-01-02T14:00:00+08:00', 'A1', 0),
  slot('thu-b', '2025-01-02T09:00:00+08:00', 'B2', 2),
  slot('thu-a', '2025-01-02T09:00:00+08:00', 'A1', 1),
  slot('fri', '2025-01-03T09:00:00+08:00', 'A1', 0),
  // late in the evening in the hall's time: still that day, whatever the kiosk's own time zone
  slot('mon-late', '2025-01-06T23:00:00+08:00', 'A1', 2),
];

describe('the days of appointment slots', () => {
  it('lists each day once, earliest first, its times in order, with the places left (0 = full)', () => {
    expect(slotDays(slots).map((day) => ({ date: day.date, free: day.free, slots: day.slots.map((entry) => entry.id) }))).toEqual([
      { date: '2025-01-02', free: 3, slots: ['thu-a', 'thu-b', 'thu-late'] },
      { date: '2025-01-03', free: 0, slots: ['fri'] },
      { date: '2025-01-06', free: 3, slots: ['mon-b', 'mon-late'] },
    ]);
  });

  it('a day can be chosen only while one of its times has a place', () => {
    expect(hasFreeSlotOn(slots, '2025-01-02')).toBe(true);
    expect(hasFreeSlotOn(slots, '2025-01-03')).toBe(false);
    expect(hasFreeSlotOn(slots, '2025-01-04')).toBe(false);
    expect(hasFreeSlotOn(null, '2025-01-02')).toBe(false);
    expect(slotsOn(slots, null)).toEqual([]);
  });

  it('no slots, no days', () => {
    expect(slotDays([])).toEqual([]);
  });
});
