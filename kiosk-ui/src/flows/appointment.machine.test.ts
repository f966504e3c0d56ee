import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import type {
  AppointmentBooked,
  AppointmentListResponse,
  AppointmentView,
  CatalogueResponse,
  SlotListResponse,
} from '@tongban/device-bridge/api';
import { transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { dayOf } from './appointment-days.ts';
import { appointmentMachine, type AppointmentEvent } from './appointment.machine.ts';
import { catalogue } from './guides.fixtures.ts';

type AppointmentSnapshot = SnapshotFrom<typeof appointmentMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as AppointmentEvent;
const code = '330100-HJ-00501-000';
const items: CatalogueResponse = {
  ...catalogue,
  items: [...catalogue.items, { ...catalogue.items[0]!, code, name: '居民身份证换领', modes: ['appointment'] }],
};
const hall = { hallId: 'h1', hallName: '测试大厅', window: 'A1' };
/** Thursday: one free time and one full; Friday: full all day; Monday: one place left */
const thursday = '2025-01-02';
const friday = '2025-01-03';
const monday = '2025-01-06';
const slots: SlotListResponse = {
  slots: [
    { id: 'slot-free', ...hall, start: `${thursday}T09:00:00+08:00`, end: `${thursday}T09:30:00+08:00`, remaining: 2 },
    { id: 'slot-full', ...hall, start: `${thursday}T09:30:00+08:00`, end: `${thursday}T10:00:00+08:00`, remaining: 0 },
    { id: 'slot-friday', ...hall, start: `${friday}T09:00:00+08:00`, end: `${friday}T09:30:00+08:00`, remaining: 0 },
    { id: 'slot-monday', ...hall, start: `${monday}T09:00:00+08:00`, end: `${monday}T09:30:00+08:00`, remaining: 1 },
  ],
};
/** the fresh list after Thursday's last places went meanwhile */
const thursdayGone: SlotListResponse = { slots: slots.slots.map((slot) => (dayOf(slot) === thursday ? { ...slot, remaining: 0 } : slot)) };
const booked: AppointmentBooked = {
  id: 'YY1',
  itemCode: code,
  itemName: '居民身份证换领',
  hallName: '测试大厅',
  window: 'A1',
  start: slots.slots[0]!.start,
  end: slots.slots[0]!.end,
  state: 'booked',
  printed: true,
};
const { printed: _printed, ...bookedView } = booked;
const old: AppointmentView = { ...bookedView, id: 'YY0', state: 'cancelled' };
const mine: AppointmentListResponse = { appointments: [bookedView, old] };

const events: AppointmentEvent[] = [
  { type: 'CHOOSE', code },
  { type: 'CHOOSE_DAY', date: thursday },
  { type: 'CHOOSE_DAY', date: friday },
  { type: 'CHOOSE_DAY', date: monday },
  { type: 'BOOK', slotId: 'slot-free' },
  { type: 'BOOK', slotId: 'slot-full' },
  { type: 'BOOK', slotId: 'slot-monday' },
  { type: 'MINE' },
  { type: 'CANCEL', id: 'YY1' },
  { type: 'CANCEL', id: 'YY0' },
  { type: 'CONFIRM' },
  { type: 'BACK' },
  { type: 'RETRY' },
  { type: 'DONE' },
  { type: 'CLOSE' },
  synthetic('xstate.done.actor.searchCatalogue', { output: items }),
  synthetic('xstate.error.actor.searchCatalogue', { error: { code: 'platform-unavailable' } }),
  synthetic('xstate.done.actor.listSlots', { output: slots }),
  synthetic('xstate.done.actor.listSlots', { output: thursdayGone }),
  synthetic('xstate.done.actor.book', { output: booked }),
  synthetic('xstate.error.actor.book', { error: { code: 'slot-full' } }),
  synthetic('xstate.done.actor.listAppointments', { output: mine }),
  synthetic('xstate.error.actor.listAppointments', { error: { code: 'platform-unavailable' } }),
  synthetic('xstate.done.actor.cancelAppointment', { output: undefined }),
  synthetic('xstate.error.actor.cancelAppointment', { error: { code: 'appointment-not-found' } }),
];
/**
 * Simple paths grow with every event: the cancel paths are walked with one day and its two times
 * (every way of reaching my appointments, booking on the way included), not the whole calendar.
 */
const cancelEvents = events.filter(
  (event) =>
    !(event.type === 'CHOOSE_DAY' && event.date !== thursday) &&
    !(event.type === 'BOOK' && event.slotId === 'slot-monday') &&
    !('output' in event && event.output === thursdayGone),
);
const states = getShortestPaths(appointmentMachine, { events }).map((path) => path.state as AppointmentSnapshot);

describe('appointment journey, generated paths', () => {
  it('reaches items, days, slots, booking, booked, my appointments, the cancel confirmation, refusals, failures and closed', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of [
      'loadingItems',
      'choosing',
      'loadingSlots',
      'choosingDay',
      'choosingSlot',
      'booking',
      'booked',
      'refused',
      'failed',
      'loadingMine',
      'mine',
      'confirmingCancel',
      'cancelling',
      'mineFailed',
      'closed',
    ]) {
      expect(values.has(JSON.stringify(value)), value).toBe(true);
    }
  });

  it('lists only items done by appointment, never chooses a full day and never books a full slot', () => {
    for (const state of states) {
      if (state.context.items) expect(state.context.items.every((item) => item.modes.includes('appointment'))).toBe(true);
      if (state.matches('choosingDay')) {
        expect(state.context.day).toBeNull();
        expect(transition(appointmentMachine, state, { type: 'CHOOSE_DAY', date: friday })[0].value).toBe('choosingDay');
        expect(transition(appointmentMachine, state, { type: 'CHOOSE_DAY', date: '2025-01-04' })[0].value).toBe('choosingDay');
        // the way back from the days is the items
        expect(transition(appointmentMachine, state, { type: 'BACK' })[0].value).toBe('choosing');
      }
      if (state.matches('choosingSlot')) {
        expect(transition(appointmentMachine, state, { type: 'BOOK', slotId: 'slot-full' })[0].value).toBe('choosingSlot');
        // the way back from the times is the days, with no day chosen
        expect(transition(appointmentMachine, state, { type: 'BACK' })[0]).toMatchObject({ value: 'choosingDay', context: { day: null } });
      }
    }
  });

  it('books only a time on the chosen day: every path into booking chose that day first', () => {
    const intoBooking = getShortestPaths(appointmentMachine, { events, toState: (state) => state.matches('booking') });
    expect(intoBooking.length).toBeGreaterThan(0);
    for (const path of intoBooking) {
      const booked = path.steps.at(-1)!.event as Extract<AppointmentEvent, { type: 'BOOK' }>;
      const before = path.steps.at(-2)!.state as AppointmentSnapshot;
      expect(before.value).toBe('choosingSlot');
      const slot = before.context.slots!.find((candidate) => candidate.id === booked.slotId)!;
      expect(dayOf(slot)).toBe(before.context.day);
      expect(path.steps.map((step) => step.event.type)).toContain('CHOOSE_DAY');
    }
    const monday = states.find((state) => state.matches('choosingSlot') && state.context.day === '2025-01-06')!;
    // Thursday's free time is not on Monday's list
    expect(transition(appointmentMachine, monday, { type: 'BOOK', slotId: 'slot-free' })[0].value).toBe('choosingSlot');
    expect(transition(appointmentMachine, monday, { type: 'BOOK', slotId: 'slot-monday' })[0].value).toBe('booking');
  });

  it("a slot taken meanwhile leads to a fresh list: that day's times while it has places, else the days", () => {
    const refused = states.find(
      (state) => state.matches('refused') && state.context.failure === 'slot-full' && state.context.day === thursday,
    )!;
    expect(refused).toBeDefined();
    const reloading = transition(appointmentMachine, refused, { type: 'RETRY' })[0];
    expect(reloading.value).toBe('loadingSlots');
    const sameDay = transition(appointmentMachine, reloading, synthetic('xstate.done.actor.listSlots', { output: slots }))[0];
    expect(sameDay).toMatchObject({ value: 'choosingSlot', context: { day: thursday } });
    const dayGone = transition(appointmentMachine, reloading, synthetic('xstate.done.actor.listSlots', { output: thursdayGone }))[0];
    expect(dayGone).toMatchObject({ value: 'choosingDay', context: { day: null } });
  });

  it('keeps the booked appointment, with its code, on the booked screen', () => {
    const done = states.find((state) => state.matches('booked'))!;
    expect(done.context.booked?.id).toBe('YY1');
    expect(transition(appointmentMachine, done, { type: 'MINE' })[0].value).toBe('loadingMine');
  });

  it('cancels only after the confirmation, only a booked appointment of mine, and shows the fresh list after', () => {
    // every generated path into cancelling passes through confirmingCancel with that appointment chosen
    const simple = getSimplePaths(appointmentMachine, { events: cancelEvents, toState: (state) => state.matches('cancelling') });
    expect(simple.length).toBeGreaterThan(0);
    for (const path of simple) {
      // a step holds the state its event led to: the last one is cancelling, the one before it what led there
      expect(path.steps.at(-1)!.event.type).toBe('CONFIRM');
      const before = path.steps.at(-2)!.state as AppointmentSnapshot;
      expect(before.value).toBe('confirmingCancel');
      expect(before.context.cancelling?.state).toBe('booked');
    }
    const list = states.find((state) => state.matches('mine'))!;
    expect(transition(appointmentMachine, list, { type: 'CANCEL', id: 'YY0' })[0].value).toBe('mine');
    expect(transition(appointmentMachine, list, { type: 'CANCEL', id: 'YY-not-mine' })[0].value).toBe('mine');
    const confirming = transition(appointmentMachine, list, { type: 'CANCEL', id: 'YY1' })[0];
    expect(transition(appointmentMachine, confirming, { type: 'BACK' })[0]).toMatchObject({ value: 'mine', context: { cancelling: null } });
    const cancelling = transition(appointmentMachine, confirming, { type: 'CONFIRM' })[0];
    const after = transition(appointmentMachine, cancelling, synthetic('xstate.done.actor.cancelAppointment', { output: undefined }))[0];
    expect(after.value).toBe('loadingMine');
    expect(after.context.cancelled?.id).toBe('YY1');
  });

  it('a refused cancel says why and offers the fresh list again', () => {
    const failed = states.find((state) => state.matches('mineFailed') && state.context.failure === 'appointment-not-found')!;
    expect(failed).toBeDefined();
    expect(transition(appointmentMachine, failed, { type: 'RETRY' })[0].value).toBe('loadingMine');
    expect(transition(appointmentMachine, failed, { type: 'BACK' })[0].value).toBe('choosing');
  });
});
