import type {
  AppointmentBook,
  AppointmentBooked,
  AppointmentListResponse,
  AppointmentSlot,
  AppointmentView,
  CatalogueQuery,
  CatalogueResponse,
  ServiceItemSummary,
  SlotListResponse,
  SlotQuery,
} from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { dayOf, hasFreeSlotOn } from './appointment-days.ts';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

export interface AppointmentContext {
  items: ServiceItemSummary[] | null;
  itemCode: string | null;
  slots: AppointmentSlot[] | null;
  /** the day whose times are on screen (YYYY-MM-DD, the hall's calendar), chosen before the time */
  day: string | null;
  booked: AppointmentBooked | null;
  /** my appointments, as the platform lists them (booked, cancelled, attended) */
  mine: AppointmentView[] | null;
  /** the appointment the citizen asked to cancel, until it is cancelled or kept */
  cancelling: AppointmentView | null;
  /** the one just cancelled, so the refreshed list can say so */
  cancelled: AppointmentView | null;
  failure: string | null;
}

export type AppointmentEvent =
  | { type: 'CHOOSE'; code: string }
  | { type: 'CHOOSE_DAY'; date: string }
  | { type: 'BOOK'; slotId: string }
  | { type: 'MINE' }
  | { type: 'CANCEL'; id: string }
  | { type: 'CONFIRM' }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'DONE' }
  | { type: 'CLOSE' };

const notProvided = notProvidedIn('appointment');

/**
 * 预约: choose an item that is done by appointment, then a day that has places, then a free time at
 * a hall window on that day, and book it (the appointment code is shown and printed with a QR code
 * for 预约签到); or see my appointments and cancel one, after a confirmation step. Day first, then
 * time: one short decision per screen instead of one long list of every slot.
 */
export const appointmentMachine = setup({
  types: { context: {} as AppointmentContext, events: {} as AppointmentEvent, tags: {} as 'busy' },
  actors: {
    /** GET /api/catalogue (items with the 'appointment' mode) */
    searchCatalogue: fromPromise<CatalogueResponse, CatalogueQuery>(async () => notProvided('searchCatalogue')),
    /** GET /api/appointments/slots */
    listSlots: fromPromise<SlotListResponse, SlotQuery>(async () => notProvided('listSlots')),
    /** POST /api/appointments (the bridge prints the slip) */
    book: fromPromise<AppointmentBooked, AppointmentBook>(async () => notProvided('book')),
    /** GET /api/appointments */
    listAppointments: fromPromise<AppointmentListResponse, void>(async () => notProvided('listAppointments')),
    /** DELETE /api/appointments/:id */
    cancelAppointment: fromPromise<void, { id: string }>(async () => notProvided('cancelAppointment')),
  },
  guards: {
    /** a full day is shown, but only a day with a place left can be chosen */
    dayHasPlaces: ({ context, event }) => event.type === 'CHOOSE_DAY' && hasFreeSlotOn(context.slots, event.date),
    /** only a time on the chosen day, with a place left */
    isFreeSlotOfDay: ({ context, event }) =>
      event.type === 'BOOK' &&
      (context.slots?.some((slot) => slot.id === event.slotId && slot.remaining > 0 && dayOf(slot) === context.day) ?? false),
    /** only an appointment of mine that is still booked can be cancelled */
    isCancellable: ({ context, event }) =>
      event.type === 'CANCEL' &&
      (context.mine?.some((appointment) => appointment.id === event.id && appointment.state === 'booked') ?? false),
  },
}).createMachine({
  id: 'appointment',
  context: {
    items: null,
    itemCode: null,
    slots: null,
    day: null,
    booked: null,
    mine: null,
    cancelling: null,
    cancelled: null,
    failure: null,
  },
  initial: 'loadingItems',
  on: { CLOSE: '.closed' },
  states: {
    loadingItems: {
      tags: ['busy'],
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
      entry: assign({ itemCode: null, slots: null, day: null }),
      on: {
        CHOOSE: { target: 'loadingSlots', actions: assign({ itemCode: ({ event }) => event.code }) },
        MINE: { target: 'loadingMine', actions: assign({ cancelled: null }) },
      },
    },
    loadingSlots: {
      tags: ['busy'],
      invoke: {
        id: 'listSlots',
        src: 'listSlots',
        input: ({ context }) => ({ itemCode: context.itemCode ?? '' }),
        onDone: [
          // a fresh list after a refusal: the chosen day's times again while that day still has places
          {
            guard: ({ context, event }) => hasFreeSlotOn(event.output.slots, context.day),
            target: 'choosingSlot',
            actions: assign({ slots: ({ event }) => event.output.slots, failure: null }),
          },
          { target: 'choosingDay', actions: assign({ slots: ({ event }) => event.output.slots, day: null, failure: null }) },
        ],
        onError: { target: 'refused', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the days that have slots, with their free places; a full day is shown but cannot be chosen */
    choosingDay: {
      on: {
        CHOOSE_DAY: { guard: 'dayHasPlaces', target: 'choosingSlot', actions: assign({ day: ({ event }) => event.date }) },
        BACK: 'choosing',
      },
    },
    /** the chosen day's times; back leads to the days, not all the way to the items */
    choosingSlot: {
      on: {
        BOOK: { guard: 'isFreeSlotOfDay', target: 'booking' },
        BACK: { target: 'choosingDay', actions: assign({ day: null }) },
      },
    },
    booking: {
      tags: ['busy'],
      on: { CLOSE: {} },
      invoke: {
        id: 'book',
        src: 'book',
        input: ({ context, event }) => ({ slotId: event.type === 'BOOK' ? event.slotId : '', itemCode: context.itemCode ?? '' }),
        onDone: { target: 'booked', actions: assign({ booked: ({ event }) => event.output }) },
        onError: { target: 'refused', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /**
     * slot taken meanwhile (slot-full) or platform down: say so, then the fresh list (the same day's
     * times while that day still has places, else the days)
     */
    refused: {
      on: {
        RETRY: { target: 'loadingSlots', actions: assign({ failure: null }) },
        BACK: { target: 'choosing', actions: assign({ failure: null }) },
      },
    },
    /** the code on screen (and on the slip): it is what 预约签到 scans on the day */
    booked: {
      on: {
        DONE: 'closed',
        MINE: { target: 'loadingMine', actions: assign({ cancelled: null }) },
      },
    },
    loadingMine: {
      tags: ['busy'],
      invoke: {
        id: 'listAppointments',
        src: 'listAppointments',
        onDone: { target: 'mine', actions: assign({ mine: ({ event }) => event.output.appointments, failure: null }) },
        onError: { target: 'mineFailed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    mine: {
      on: {
        CANCEL: {
          guard: 'isCancellable',
          target: 'confirmingCancel',
          actions: assign({ cancelling: ({ context, event }) => context.mine?.find((entry) => entry.id === event.id) ?? null }),
        },
        BACK: 'choosing',
        DONE: 'closed',
      },
    },
    /** nothing is cancelled by one stray tap: the citizen sees which appointment and confirms */
    confirmingCancel: {
      on: {
        CONFIRM: 'cancelling',
        BACK: { target: 'mine', actions: assign({ cancelling: null }) },
      },
    },
    cancelling: {
      tags: ['busy'],
      on: { CLOSE: {} },
      invoke: {
        id: 'cancelAppointment',
        src: 'cancelAppointment',
        input: ({ context }) => ({ id: context.cancelling?.id ?? '' }),
        onDone: { target: 'loadingMine', actions: assign({ cancelled: ({ context }) => context.cancelling, cancelling: null }) },
        onError: { target: 'mineFailed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error), cancelling: null }) },
      },
    },
    /** the list could not be read or the cancel was refused: say why, then the fresh list */
    mineFailed: {
      on: {
        RETRY: { target: 'loadingMine', actions: assign({ failure: null }) },
        BACK: { target: 'choosing', actions: assign({ failure: null }) },
      },
    },
    failed: { on: { RETRY: { target: 'loadingItems', actions: assign({ failure: null }) } } },
    closed: { type: 'final' },
  },
});

export type AppointmentMachine = typeof appointmentMachine;
