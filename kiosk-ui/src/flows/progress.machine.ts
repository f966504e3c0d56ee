import type { ApplicationListResponse } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

export interface ProgressContext {
  list: ApplicationListResponse | null;
  /** the case opened to read its timeline */
  caseNumber: string | null;
  failure: string | null;
}

export type ProgressEvent = { type: 'OPEN'; caseNumber: string } | { type: 'BACK' } | { type: 'RETRY' } | { type: 'CLOSE' };

const notProvided = notProvidedIn('progress');

/** 办件进度: the citizen's applications (platform and this kiosk's not yet delivered) and each one's timeline. */
export const progressMachine = setup({
  types: { context: {} as ProgressContext, events: {} as ProgressEvent },
  actors: {
    /** GET /api/applications */
    listApplications: fromPromise<ApplicationListResponse, void>(async () => notProvided('listApplications')),
  },
}).createMachine({
  id: 'progress',
  context: { list: null, caseNumber: null, failure: null },
  initial: 'loading',
  on: { CLOSE: '.closed' },
  states: {
    loading: {
      invoke: {
        id: 'listApplications',
        src: 'listApplications',
        onDone: { target: 'list', actions: assign({ list: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    list: {
      on: {
        OPEN: {
          guard: ({ context, event }) =>
            context.list?.applications.some((application) => application.caseNumber === event.caseNumber) ?? false,
          target: 'case',
          actions: assign({ caseNumber: ({ event }) => event.caseNumber }),
        },
      },
    },
    case: {
      on: { BACK: { target: 'list', actions: assign({ caseNumber: null }) } },
    },
    failed: {
      on: { RETRY: { target: 'loading', actions: assign({ failure: null }) } },
    },
    closed: { type: 'final' },
  },
});

export type ProgressMachine = typeof progressMachine;
