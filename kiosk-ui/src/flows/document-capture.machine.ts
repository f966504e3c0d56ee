import type { MaterialCaptureView } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

export interface DocumentCaptureInput {
  /** the catalogue material's id (ServiceMaterial.id) */
  materialId: string;
  /** shown as the screen's subject, e.g. 户口簿首页 */
  materialName: string;
}

export interface DocumentCaptureContext extends DocumentCaptureInput {
  capture: MaterialCaptureView | null;
  failure: string | null;
}

export type DocumentCaptureOutput = { result: 'captured'; captureId: string; pages: number } | { result: 'cancelled' };

export type DocumentCaptureEvent =
  /** photograph the page lying on the document camera now */
  | { type: 'TAKE' }
  | { type: 'RETAKE'; index: number }
  | { type: 'REMOVE'; index: number }
  /** the material is complete: use these pages */
  | { type: 'DONE' }
  /** back from the review to the live picture, to lay the next page */
  | { type: 'NEXT_PAGE' }
  | { type: 'RETRY' }
  | { type: 'CANCEL' };

const notProvided = notProvidedIn('document capture');

/**
 * Photographing one material on the document camera (高拍仪): live picture → take → review the
 * cropped page → next page / retake / remove → done. Pages stay in the bridge; this machine only
 * holds the capture's page list. Cancelling deletes what was taken.
 * Input `{ materialId, materialName }`; output `{ result: 'captured', captureId, pages }` or `{ result: 'cancelled' }`.
 */
export const documentCaptureMachine = setup({
  types: {
    context: {} as DocumentCaptureContext,
    events: {} as DocumentCaptureEvent,
    input: {} as DocumentCaptureInput,
    output: {} as DocumentCaptureOutput,
  },
  actors: {
    /** POST /api/materials/captures */
    startCapture: fromPromise<MaterialCaptureView, { materialId: string }>(async () => notProvided('startCapture')),
    /** POST /api/materials/captures/:id/pages */
    takePage: fromPromise<MaterialCaptureView, { captureId: string }>(async () => notProvided('takePage')),
    /** PUT /api/materials/captures/:id/pages/:index */
    retakePage: fromPromise<MaterialCaptureView, { captureId: string; index: number }>(async () => notProvided('retakePage')),
    /** DELETE /api/materials/captures/:id/pages/:index */
    removePage: fromPromise<MaterialCaptureView, { captureId: string; index: number }>(async () => notProvided('removePage')),
    /** DELETE /api/materials/captures/:id */
    discardCapture: fromPromise<void, { captureId: string }>(async () => notProvided('discardCapture')),
  },
  guards: {
    hasPages: ({ context }) => (context.capture?.pages.length ?? 0) > 0,
    validPage: ({ context, event }) => 'index' in event && event.index >= 0 && event.index < (context.capture?.pages.length ?? 0),
    started: ({ context }) => context.capture !== null,
  },
}).createMachine({
  id: 'documentCapture',
  context: ({ input }) => ({ ...input, capture: null, failure: null }),
  initial: 'starting',
  output: ({ context }) =>
    context.failure === 'cancelled' || !context.capture || context.capture.pages.length === 0
      ? { result: 'cancelled' }
      : { result: 'captured', captureId: context.capture.captureId, pages: context.capture.pages.length },
  on: { CANCEL: { target: '.discarding' } },
  states: {
    starting: {
      invoke: {
        id: 'startCapture',
        src: 'startCapture',
        input: ({ context }) => ({ materialId: context.materialId }),
        onDone: { target: 'previewing', actions: assign({ capture: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the live picture: lay the page flat, then TAKE */
    previewing: {
      on: {
        TAKE: 'taking',
        DONE: { guard: 'hasPages', target: 'done' },
      },
    },
    taking: {
      invoke: {
        id: 'takePage',
        src: 'takePage',
        input: ({ context }) => ({ captureId: context.capture!.captureId }),
        onDone: { target: 'reviewing', actions: assign({ capture: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** the pages so far, each with retake and remove */
    reviewing: {
      on: {
        NEXT_PAGE: 'previewing',
        TAKE: 'taking',
        RETAKE: { guard: 'validPage', target: 'retaking' },
        REMOVE: { guard: 'validPage', target: 'removing' },
        DONE: { guard: 'hasPages', target: 'done' },
      },
    },
    retaking: {
      invoke: {
        id: 'retakePage',
        src: 'retakePage',
        input: ({ context, event }) => ({ captureId: context.capture!.captureId, index: event.type === 'RETAKE' ? event.index : 0 }),
        onDone: { target: 'reviewing', actions: assign({ capture: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    removing: {
      invoke: {
        id: 'removePage',
        src: 'removePage',
        input: ({ context, event }) => ({ captureId: context.capture!.captureId, index: event.type === 'REMOVE' ? event.index : 0 }),
        onDone: [
          {
            target: 'reviewing',
            guard: ({ event }) => event.output.pages.length > 0,
            actions: assign({ capture: ({ event }) => event.output }),
          },
          { target: 'previewing', actions: assign({ capture: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    failed: {
      on: {
        RETRY: [
          { guard: 'started', target: 'previewing', actions: assign({ failure: null }) },
          { target: 'starting', actions: assign({ failure: null }) },
        ],
      },
    },
    /** cancelling throws away what was photographed */
    discarding: {
      always: { guard: ({ context }) => context.capture === null, target: 'cancelled' },
      invoke: {
        id: 'discardCapture',
        src: 'discardCapture',
        input: ({ context }) => ({ captureId: context.capture?.captureId ?? '' }),
        onDone: 'cancelled',
        // the session's end wipes it anyway
        onError: 'cancelled',
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final', entry: assign({ failure: 'cancelled', capture: null }) },
  },
});

export type DocumentCaptureMachine = typeof documentCaptureMachine;
