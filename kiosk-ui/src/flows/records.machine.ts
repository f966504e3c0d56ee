import type { CertificateType, RecordListResponse, RecordView } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

export interface RecordsContext {
  list: RecordListResponse | null;
  record: RecordView | null;
  failure: string | null;
}

export type RecordsEvent =
  | { type: 'OPEN'; recordType: CertificateType }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  /** print what is on screen: hands over to the print journey (the parent) */
  | { type: 'PRINT' }
  | { type: 'CLOSE' };

/** What the journey hands back when it ends: nothing, or the certificate to print next. */
export interface RecordsOutput {
  print: CertificateType | null;
}

const notProvided = notProvidedIn('records');

/**
 * 查询我的记录: the identified citizen's records (contributions, tax, housing fund, real estate …)
 * shown on screen, masked as the bridge masks them. Reading costs nothing; printing one hands over
 * to the certificate journey.
 */
export const recordsMachine = setup({
  types: {
    context: {} as RecordsContext,
    events: {} as RecordsEvent,
    output: {} as RecordsOutput,
  },
  actors: {
    /** GET /api/records */
    listRecords: fromPromise<RecordListResponse, void>(async () => notProvided('listRecords')),
    /** GET /api/records/:type */
    loadRecord: fromPromise<RecordView, { recordType: CertificateType }>(async () => notProvided('loadRecord')),
  },
}).createMachine({
  id: 'records',
  context: { list: null, record: null, failure: null },
  initial: 'listing',
  output: ({ context }) => ({ print: context.record && context.failure === null ? context.record.type : null }),
  on: { CLOSE: { target: '.closed', actions: assign({ record: null }) } },
  states: {
    listing: {
      invoke: {
        id: 'listRecords',
        src: 'listRecords',
        onDone: { target: 'choosing', actions: assign({ list: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    choosing: {
      on: { OPEN: 'opening' },
    },
    opening: {
      invoke: {
        id: 'loadRecord',
        src: 'loadRecord',
        input: ({ event }) => ({ recordType: event.type === 'OPEN' ? event.recordType : 'social-insurance-contribution' }),
        onDone: { target: 'reading', actions: assign({ record: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
      on: { BACK: 'choosing' },
    },
    reading: {
      on: {
        BACK: { target: 'choosing', actions: assign({ record: null }) },
        PRINT: 'printing',
      },
    },
    failed: {
      on: {
        // a list that loaded stays: back to it; without one, try the list again
        BACK: [{ guard: ({ context }) => context.list !== null, target: 'choosing', actions: assign({ failure: null, record: null }) }],
        RETRY: { target: 'listing', actions: assign({ failure: null, record: null }) },
      },
    },
    /** ends the journey with the record's type, for the parent to start the print journey */
    printing: { type: 'final' },
    closed: { type: 'final' },
  },
});

export type RecordsMachine = typeof recordsMachine;
