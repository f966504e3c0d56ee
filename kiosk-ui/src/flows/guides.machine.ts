import type { CatalogueQuery, CatalogueResponse, ServiceCategory, ServiceItem } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

/** Timings of the guide browser, in one place (the app and tests override with `provide`). */
export const guidesDelays = {
  /** typing pauses this long before the catalogue is searched, so each key does not fetch */
  searchPause: 400,
};

export interface GuidesContext {
  query: string;
  category: ServiceCategory | null;
  results: CatalogueResponse | null;
  item: ServiceItem | null;
  failure: string | null;
}

export type GuidesEvent =
  | { type: 'SET_QUERY'; query: string }
  | { type: 'SET_CATEGORY'; category: ServiceCategory | null }
  | { type: 'OPEN'; code: string }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'CLOSE' };

const notProvided = notProvidedIn('guides');

/**
 * 办事指南: search and read the catalogue's service guides. Needs no identity, so it runs from
 * the attract screen as well as from the menu; it ends (final state) when the citizen closes it.
 */
export const guidesMachine = setup({
  types: {
    context: {} as GuidesContext,
    events: {} as GuidesEvent,
  },
  actors: {
    /** GET /api/catalogue */
    searchCatalogue: fromPromise<CatalogueResponse, CatalogueQuery>(async () => notProvided('searchCatalogue')),
    /** GET /api/catalogue/:code */
    loadItem: fromPromise<ServiceItem, { code: string }>(async () => notProvided('loadItem')),
  },
  delays: guidesDelays,
}).createMachine({
  id: 'guides',
  context: { query: '', category: null, results: null, item: null, failure: null },
  initial: 'searching',
  on: { CLOSE: '.closed' },
  states: {
    searching: {
      invoke: {
        id: 'searchCatalogue',
        src: 'searchCatalogue',
        input: ({ context }) => ({
          ...(context.query.trim() !== '' ? { q: context.query.trim() } : {}),
          ...(context.category ? { category: context.category } : {}),
        }),
        onDone: { target: 'list', actions: assign({ results: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
      on: {
        // a newer search replaces the one running
        SET_QUERY: { target: 'typing', actions: assign({ query: ({ event }) => event.query }) },
        SET_CATEGORY: { target: 'searching', reenter: true, actions: assign({ category: ({ event }) => event.category }) },
      },
    },
    typing: {
      after: { searchPause: 'searching' },
      on: {
        SET_QUERY: { target: 'typing', reenter: true, actions: assign({ query: ({ event }) => event.query }) },
        SET_CATEGORY: { target: 'searching', actions: assign({ category: ({ event }) => event.category }) },
      },
    },
    list: {
      on: {
        SET_QUERY: { target: 'typing', actions: assign({ query: ({ event }) => event.query }) },
        SET_CATEGORY: { target: 'searching', actions: assign({ category: ({ event }) => event.category }) },
        OPEN: 'opening',
      },
    },
    opening: {
      invoke: {
        id: 'loadItem',
        src: 'loadItem',
        input: ({ event }) => ({ code: event.type === 'OPEN' ? event.code : '' }),
        onDone: { target: 'reading', actions: assign({ item: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
      on: { BACK: 'list' },
    },
    reading: {
      on: { BACK: { target: 'list', actions: assign({ item: null }) } },
    },
    failed: {
      on: {
        RETRY: { target: 'searching', actions: assign({ failure: null, item: null }) },
      },
    },
    closed: { type: 'final' },
  },
});

export type GuidesMachine = typeof guidesMachine;
