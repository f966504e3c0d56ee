import { getShortestPaths } from '@xstate/graph';
import type { AppointmentView, CatalogueResponse, SlotListResponse } from '@tongban/device-bridge/api';
import { transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { appointmentMachine, type AppointmentEvent } from './appointment.machine.ts';
import { catalogue } from './guides.fixtures.ts';

type AppointmentSnapshot = SnapshotFrom<typeof appointmentMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as AppointmentEvent;
const code = '330100-HJ-00501-000';
const items: CatalogueResponse = { ...catalogue, items: [...catalogue.items, { ...catalogue.items[0]!, code, name: '居民身份证换领', modes: ['appointment'] }] };
const slots: SlotListResponse = {
  slots: [
    { id: 'slot-free', hallId: 'h1', hallName: '测试大厅', window: 'A1', start: '2025-01-02T09:00:00+08:00', end: '2025-01-02T09:30:00+08:00', remaining: 2 },
    { id: 'slot-full', hallId: 'h1', hallName: '测试大厅', window: 'A1', start: '2025-01-02T09:30:00+08:00', end: '2025-01-02T10:00:00+08:00', remaining: 0 },
  ],
};
const booked: AppointmentView = { id: 'ap-1', itemCode: code, itemName: '居民身份证换领', hallName: '测试大厅', window: 'A1', start: slots.slots[0]!.start, end: slots.slots[0]!.end, state: 'booked' };

const states = getShortestPaths(appointmentMachine, {
  events: [
    { type: 'CHOOSE', code },
    { type: 'BOOK', slotId: 'slot-free' },
    { type: 'BOOK', slotId: 'slot-full' },
    { type: 'BACK' },
    { type: 'RETRY' },
    { type: 'DONE' },
    { type: 'CLOSE' },
    synthetic('xstate.done.actor.searchCatalogue', { output: items }),
    synthetic('xstate.error.actor.searchCatalogue', { error: { code: 'platform-unavailable' } }),
    synthetic('xstate.done.actor.listSlots', { output: slots }),
    synthetic('xstate.done.actor.book', { output: booked }),
    synthetic('xstate.error.actor.book', { error: { code: 'slot-full' } }),
  ],
}).map((path) => path.state as AppointmentSnapshot);

describe('appointment journey, generated paths', () => {
  it('reaches items, slots, booking, booked, a refusal, a failure and closed', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of ['loadingItems', 'choosing', 'loadingSlots', 'choosingSlot', 'booking', 'booked', 'refused', 'failed', 'closed']) {
      expect(values.has(JSON.stringify(value)), value).toBe(true);
    }
  });

  it('lists only items done by appointment and never books a full slot', () => {
    for (const state of states) {
      if (state.context.items) expect(state.context.items.every((item) => item.modes.includes('appointment'))).toBe(true);
      if (state.matches('choosingSlot')) expect(transition(appointmentMachine, state, { type: 'BOOK', slotId: 'slot-full' })[0].value).toBe('choosingSlot');
    }
  });

  it('a slot taken meanwhile leads back to a fresh list of slots', () => {
    const refused = states.find((state) => state.matches('refused') && state.context.failure === 'slot-full')!;
    expect(transition(appointmentMachine, refused, { type: 'RETRY' })[0].value).toBe('loadingSlots');
  });
});
