import type {
  AppointmentBook,
  AppointmentSlot,
  AppointmentView,
  CatalogueQuery,
  CatalogueResponse,
  ServiceItemSummary,
  SlotListResponse,
  SlotQuery,
} from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';

export interface AppointmentContext {
  items: ServiceItemSummary[] | null;
  itemCode: string | null;
  slots: AppointmentSlot[] | null;
  booked: AppointmentView | null;
  failure: string | null;
}

export type AppointmentEvent =
  | { type: 'CHOOSE'; code: string }
  | { type: 'BOOK'; slotId: string }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'DONE' }
  | { type: 'CLOSE' };

function notProvided(name: string): never {
  throw new Error(`appointment machine: the "${name}" actor must be provided by the app (machine.provide)`);
}

/** 预约: choose an item that is done by appointment, a free slot at a hall window, book it. */
export const appointmentMachine = setup({
  types: { context: {} as AppointmentContext, events: {} as AppointmentEvent },
  actors: {
    /** GET /api/catalogue (items with the 'appointment' mode) */
    searchCatalogue: fromPromise<CatalogueResponse, CatalogueQuery>(async () => notProvided('searchCatalogue')),
    /** GET /api/appointments/slots */
    listSlots: fromPromise<SlotListResponse, SlotQuery>(async () => notProvided('listSlots')),
    /** POST /api/appointments */
    book: fromPromise<AppointmentView, AppointmentBook>(async () => notProvided('book')),
  },
}).createMachine({
  id: 'appointment',
  context: { items: null, itemCode: null, slots: null, booked: null, failure: null },
  initial: 'loadingItems',
  on: { CLOSE: '.closed' },
  states: {
    loadingItems: {
      invoke: {
        id: 'searchCatalogue',
        src: 'searchCatalogue',
        input: {},
        onDone: {
          target: 'choosing',
          actions: assign({ items: ({ event }) => event.output.items.filter((item) => item.modes.includes('appointment')) }),
        },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    choosing: {
      entry: assign({ itemCode: null, slots: null }),
      on: { CHOOSE: { target: 'loadingSlots', actions: assign({ itemCode: ({ event }) => event.code }) } },
    },
    loadingSlots: {
      invoke: {
        id: 'listSlots',
        src: 'listSlots',
        input: ({ context }) => ({ itemCode: context.itemCode ?? '' }),
        onDone: { target: 'choosingSlot', actions: assign({ slots: ({ event }) => event.output.slots, failure: null }) },
        onError: { target: 'refused', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    choosingSlot: {
      on: {
        BOOK: {
          guard: ({ context, event }) => context.slots?.some((slot) => slot.id === event.slotId && slot.remaining > 0) ?? false,
          target: 'booking',
        },
        BACK: 'choosing',
      },
    },
    booking: {
      on: { CLOSE: {} },
      invoke: {
        id: 'book',
        src: 'book',
        input: ({ context, event }) => ({ slotId: event.type === 'BOOK' ? event.slotId : '', itemCode: context.itemCode ?? '' }),
        onDone: { target: 'booked', actions: assign({ booked: ({ event }) => event.output }) },
        onError: { target: 'refused', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** slot taken meanwhile (slot-full) or platform down: say so, then the fresh list of slots */
    refused: {
      on: {
        RETRY: { target: 'loadingSlots', actions: assign({ failure: null }) },
        BACK: { target: 'choosing', actions: assign({ failure: null }) },
      },
    },
    booked: { on: { DONE: 'closed' } },
    failed: { on: { RETRY: { target: 'loadingItems', actions: assign({ failure: null }) } } },
    closed: { type: 'final' },
  },
});

export type AppointmentMachine = typeof appointmentMachine;
