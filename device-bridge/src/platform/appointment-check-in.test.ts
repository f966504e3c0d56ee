import { describe, expect, it } from 'vitest';
import { checkInState } from './appointment-check-in.ts';

const slot = { state: 'booked' as const, start: '2026-11-23T10:00:00+08:00', end: '2026-11-23T10:30:00+08:00' };
const at = (iso: string) => new Date(iso);

describe('appointment check-in window', () => {
  it('opens an hour before the start and closes when the slot ends (China time)', () => {
    expect(checkInState(slot, at('2026-11-23T08:59:59+08:00'))).toBe('too-early');
    expect(checkInState(slot, at('2026-11-23T09:00:00+08:00'))).toBe('open');
    expect(checkInState(slot, at('2026-11-23T10:30:00+08:00'))).toBe('open');
    expect(checkInState(slot, at('2026-11-23T10:30:01+08:00'))).toBe('too-late');
  });

  it("is another day before and after (the day is the hall's, not UTC's)", () => {
    expect(checkInState(slot, at('2026-11-22T23:59:00+08:00'))).toBe('not-today');
    // 2026-11-23T01:00 UTC is 09:00 in Hangzhou: the same day there
    expect(checkInState(slot, at('2026-11-23T01:00:00Z'))).toBe('open');
    expect(checkInState(slot, at('2026-11-24T09:30:00+08:00'))).toBe('not-today');
  });

  it('says checked-in or cancelled whatever the time', () => {
    expect(checkInState({ ...slot, state: 'attended' }, at('2026-11-23T09:30:00+08:00'))).toBe('checked-in');
    expect(checkInState({ ...slot, state: 'cancelled' }, at('2026-11-23T09:30:00+08:00'))).toBe('cancelled');
  });
});
