import type { AppointmentCheckInView, QueueTicket } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

export interface CheckInInput {
  /** from the scanned `tongban:appointment:<id>` code */
  appointmentId: string;
}

export interface CheckInContext {
  appointmentId: string;
  /** the appointment (item, hall, window, time) and whether it can be checked in now; nothing personal */
  found: AppointmentCheckInView | null;
  ticket: QueueTicket | null;
  failure: string | null;
}

export type CheckInEvent = { type: 'CHECK_IN' } | { type: 'RETRY' } | { type: 'DONE' } | { type: 'CLOSE' };

const notProvided = notProvidedIn('check-in');

/**
 * 预约签到 on the attract screen: a scanned appointment code shows that appointment and offers one tap
 * to check in and take its queue number, or says plainly why not (unknown code, not today, too early,
 * too late, already checked in). No card and no session: the code is the credential.
 */
export const checkInMachine = setup({
  types: {
    context: {} as CheckInContext,
    events: {} as CheckInEvent,
    input: {} as CheckInInput,
  },
  actors: {
    /** GET /api/appointment-check-in/:id */
    findAppointment: fromPromise<AppointmentCheckInView, { appointmentId: string }>(async () => notProvided('findAppointment')),
    /** POST /api/appointment-check-in/:id */
    checkIn: fromPromise<QueueTicket, { appointmentId: string }>(async () => notProvided('checkIn')),
  },
}).createMachine({
  id: 'checkIn',
  context: ({ input }) => ({ appointmentId: input.appointmentId, found: null, ticket: null, failure: null }),
  initial: 'looking',
  on: { CLOSE: '.closed' },
  states: {
    looking: {
      invoke: {
        id: 'findAppointment',
        src: 'findAppointment',
        input: ({ context }) => ({ appointmentId: context.appointmentId }),
        onDone: [
          {
            guard: ({ event }) => event.output.checkIn === 'open',
            target: 'showing',
            actions: assign({ found: ({ event }) => event.output }),
          },
          { target: 'notOpen', actions: assign({ found: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the appointment with one button: 签到取号 */
    showing: {
      on: { CHECK_IN: 'checkingIn' },
    },
    /** not today / too early / too late / already checked in / cancelled: said plainly, nothing to tap but close */
    notOpen: {
      on: { DONE: 'closed' },
    },
    checkingIn: {
      // the number is being taken: leaving now would lose it, so wait for the answer
      on: { CLOSE: {} },
      invoke: {
        id: 'checkIn',
        src: 'checkIn',
        input: ({ context }) => ({ appointmentId: context.appointmentId }),
        onDone: { target: 'ticket', actions: assign({ ticket: ({ event }) => event.output, failure: null }) },
        onError: { target: 'refused', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the platform refused (e.g. it just became too late) or could not be reached */
    refused: {
      on: { DONE: 'closed', RETRY: 'looking' },
    },
    /** unknown code or platform unreachable */
    failed: {
      on: { RETRY: { target: 'looking', actions: assign({ failure: null }) }, DONE: 'closed' },
    },
    ticket: {
      on: { DONE: 'finished' },
    },
    finished: { type: 'final' },
    closed: { type: 'final' },
  },
});

export type CheckInMachine = typeof checkInMachine;
