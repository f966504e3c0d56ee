import type { CatalogueQuery, CatalogueResponse, QueueTake, QueueTicket, ServiceCategory } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

export interface QueueContext {
  categories: CatalogueResponse['categories'] | null;
  ticket: QueueTicket | null;
  failure: string | null;
}

export type QueueEvent =
  { type: 'TAKE'; category: ServiceCategory } | { type: 'BACK' } | { type: 'RETRY' } | { type: 'DONE' } | { type: 'CLOSE' };

const notProvided = notProvidedIn('queue');

/** 取号: choose the kind of business, take a number for this hall's windows (printed on the receipt printer). */
export const queueMachine = setup({
  types: { context: {} as QueueContext, events: {} as QueueEvent },
  actors: {
    /** GET /api/catalogue: its categories are the hall's kinds of window */
    searchCatalogue: fromPromise<CatalogueResponse, CatalogueQuery>(async () => notProvided('searchCatalogue')),
    /** POST /api/queue */
    takeNumber: fromPromise<QueueTicket, QueueTake>(async () => notProvided('takeNumber')),
  },
}).createMachine({
  id: 'queue',
  context: { categories: null, ticket: null, failure: null },
  initial: 'loading',
  on: { CLOSE: '.closed' },
  states: {
    loading: {
      invoke: {
        id: 'searchCatalogue',
        src: 'searchCatalogue',
        input: {},
        onDone: { target: 'choosing', actions: assign({ categories: ({ event }) => event.output.categories, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    choosing: { on: { TAKE: 'taking' } },
    taking: {
      on: { CLOSE: {} },
      invoke: {
        id: 'takeNumber',
        src: 'takeNumber',
        input: ({ event }) => ({ category: event.type === 'TAKE' ? event.category : 'social-insurance' }),
        onDone: { target: 'ticket', actions: assign({ ticket: ({ event }) => event.output }) },
        onError: { target: 'refused', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** e.g. one ticket per person per kind of window (queue-ticket-exists): say so, choose again */
    refused: { on: { BACK: { target: 'choosing', actions: assign({ failure: null }) } } },
    ticket: { on: { DONE: 'closed' } },
    failed: { on: { RETRY: { target: 'loading', actions: assign({ failure: null }) } } },
    closed: { type: 'final' },
  },
});

export type QueueMachine = typeof queueMachine;
