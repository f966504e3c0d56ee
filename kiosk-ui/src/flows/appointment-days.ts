import type { AppointmentSlot } from '@tongban/device-bridge/api';

/** One day that has appointment slots: its date, its slots in time order, and the places still free. */
export interface SlotDay {
  /** YYYY-MM-DD as the hall's calendar has it */
  date: string;
  slots: AppointmentSlot[];
  /** places left over all of that day's slots; 0 = the day is full */
  free: number;
}

/**
 * The day a slot is on, in the hall's own calendar: the platform writes starts with the hall's
 * offset (+08:00), so the date is read as written, never shifted into the kiosk's time zone.
 */
export function dayOf(slot: Pick<AppointmentSlot, 'start'>): string {
  return slot.start.slice(0, 10);
}

/** The days that have slots, earliest first, each with its slots (earliest first) and free places. */
export function slotDays(slots: readonly AppointmentSlot[]): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const slot of slots) {
    const date = dayOf(slot);
    const day = days.get(date) ?? { date, slots: [], free: 0 };
    day.slots.push(slot);
    day.free += slot.remaining;
    days.set(date, day);
  }
  const byStart = (a: AppointmentSlot, b: AppointmentSlot) => a.start.localeCompare(b.start) || a.window.localeCompare(b.window);
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date)).map((day) => ({ ...day, slots: day.slots.sort(byStart) }));
}

/** The slots on one day (none when no day is chosen). */
export function slotsOn(slots: readonly AppointmentSlot[] | null, date: string | null): AppointmentSlot[] {
  return date === null ? [] : (slots ?? []).filter((slot) => dayOf(slot) === date);
}

/** A day can be chosen when at least one of its slots has a place left. */
export function hasFreeSlotOn(slots: readonly AppointmentSlot[] | null, date: string | null): boolean {
  return slotsOn(slots, date).some((slot) => slot.remaining > 0);
}
