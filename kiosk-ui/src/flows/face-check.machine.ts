import type { FaceHint, FaceOptions, FaceVerifyResult, VerificationMethod, VerifiedResponse } from '@tongban/device-bridge/api';
import { assign, fromPromise, setup } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

/** Timings of the face check, in one place (the app and tests override with `provide`). */
export const faceCheckDelays = {
  /** how often the live guidance (move closer, more light…) is refreshed while the camera shows */
  guidancePoll: 900,
  /** while the choice is shown, how often the bridge is asked whether a scanned mobile e-ID confirmed the citizen */
  optionsPoll: 1500,
};

export interface FaceCheckContext {
  options: FaceOptions | null;
  hint: FaceHint;
  /** the last attempt's result, shown until the next one */
  result: FaceVerifyResult | null;
  /** staff code entry: the last error code (staff-code-invalid, staff-code-locked …) */
  staffError: string | null;
  failure: string | null;
}

export type FaceCheckOutput = { result: 'verified'; method: VerificationMethod } | { result: 'cancelled' };

export type FaceCheckEvent =
  /** the citizen agrees to the face check (separate consent) */
  | { type: 'AGREE' }
  /** the citizen chooses staff-assisted confirmation instead */
  | { type: 'CHOOSE_STAFF' }
  | { type: 'STAFF_CODE'; code: string }
  /** start the comparison now (the citizen is in position) */
  | { type: 'VERIFY' }
  /** back to the choice between face and the alternatives */
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'CANCEL' };

const notProvided = notProvidedIn('face check');

/**
 * 人证比对 with its alternatives on the same screen (人脸识别技术应用安全管理办法: never the only way).
 * choosing → (AGREE) consenting → capturing (live guidance) → verifying → verified | another attempt;
 * choosing → (CHOOSE_STAFF) staff code → verified. When the bridge does not offer the face check
 * (no decodable card photo, camera down, attempts used) only the alternatives are shown.
 * Ends with `{ result: 'verified', method }` or `{ result: 'cancelled' }`.
 */
export const faceCheckMachine = setup({
  types: {
    context: {} as FaceCheckContext,
    events: {} as FaceCheckEvent,
    output: {} as FaceCheckOutput,
  },
  actors: {
    /** GET /api/face/options */
    loadOptions: fromPromise<FaceOptions>(async () => notProvided('loadOptions')),
    /** POST /api/face/consent */
    giveConsent: fromPromise<void>(async () => notProvided('giveConsent')),
    /** GET /api/face/guidance */
    loadGuidance: fromPromise<FaceHint>(async () => notProvided('loadGuidance')),
    /** POST /api/face/verify */
    verifyFace: fromPromise<FaceVerifyResult>(async () => notProvided('verifyFace')),
    /** POST /api/face/staff-confirm */
    confirmByStaff: fromPromise<VerifiedResponse, { code: string }>(async () => notProvided('confirmByStaff')),
  },
  guards: {
    faceOffered: ({ context }) => context.options?.faceOffered === true,
    staffOffered: ({ context }) => context.options?.alternatives.includes('staff') === true,
    alreadyVerified: ({ context }) => context.options?.verified != null,
    matched: ({ event }) => (event as unknown as { output: FaceVerifyResult }).output.decision === 'match',
    attemptsLeft: ({ event }) => (event as unknown as { output: FaceVerifyResult }).output.attemptsLeft > 0,
  },
  delays: faceCheckDelays,
}).createMachine({
  id: 'faceCheck',
  context: { options: null, hint: 'no-face', result: null, staffError: null, failure: null },
  initial: 'loading',
  on: { CANCEL: '.cancelled' },
  output: ({ context }) =>
    context.options?.verified ? { result: 'verified', method: context.options.verified.method } : { result: 'cancelled' },
  states: {
    loading: {
      invoke: {
        id: 'loadOptions',
        src: 'loadOptions',
        onDone: { target: 'checkingOptions', actions: assign({ options: ({ event }) => event.output, failure: null }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    checkingOptions: {
      always: [{ guard: 'alreadyVerified', target: 'verified' }, { target: 'choosing' }],
    },
    /** the consent screen: what the face check does, and the alternatives, side by side */
    choosing: {
      initial: 'idle',
      states: {
        idle: { after: { optionsPoll: 'polling' } },
        polling: {
          invoke: {
            id: 'pollOptions',
            src: 'loadOptions',
            onDone: [
              // the citizen showed a mobile e-ID code to the scanner meanwhile
              {
                guard: ({ event }) => event.output.verified != null,
                target: '#faceCheck.verified',
                actions: assign({ options: ({ event }) => event.output }),
              },
              { target: 'idle', actions: assign({ options: ({ event }) => event.output }) },
            ],
            onError: 'idle',
          },
        },
      },
      on: {
        AGREE: { guard: 'faceOffered', target: 'consenting' },
        CHOOSE_STAFF: { guard: 'staffOffered', target: 'staffCode' },
      },
    },
    consenting: {
      invoke: {
        id: 'giveConsent',
        src: 'giveConsent',
        onDone: 'capturing',
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    capturing: {
      initial: 'guiding',
      states: {
        guiding: {
          invoke: {
            id: 'loadGuidance',
            src: 'loadGuidance',
            onDone: { target: 'waiting', actions: assign({ hint: ({ event }) => event.output }) },
            // guidance is a help, not a step: a failed poll just tries again
            onError: 'waiting',
          },
        },
        waiting: { after: { guidancePoll: 'guiding' } },
      },
      on: {
        VERIFY: 'verifying',
        BACK: 'choosing',
      },
    },
    verifying: {
      invoke: {
        id: 'verifyFace',
        src: 'verifyFace',
        onDone: [
          {
            guard: 'matched',
            target: 'verified',
            actions: assign({
              result: ({ event }) => event.output,
              options: ({ context }) =>
                context.options ? { ...context.options, verified: { method: 'face' as const, at: new Date().toISOString() } } : null,
            }),
          },
          { guard: 'attemptsLeft', target: 'retry', actions: assign({ result: ({ event }) => event.output }) },
          { target: 'reloading', actions: assign({ result: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    /** not matched (or no face, or not live): try again or choose another way */
    retry: {
      on: {
        RETRY: { target: 'capturing', actions: assign({ result: null }) },
        BACK: 'choosing',
        CHOOSE_STAFF: { guard: 'staffOffered', target: 'staffCode' },
      },
    },
    /** the attempts are used up: the bridge now offers only the alternatives */
    reloading: {
      invoke: {
        id: 'reloadOptions',
        src: 'loadOptions',
        onDone: { target: 'choosing', actions: assign({ options: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    staffCode: {
      on: {
        STAFF_CODE: 'confirmingStaff',
        BACK: { target: 'choosing', actions: assign({ staffError: null }) },
      },
    },
    confirmingStaff: {
      invoke: {
        id: 'confirmByStaff',
        src: 'confirmByStaff',
        input: ({ event }) => ({ code: event.type === 'STAFF_CODE' ? event.code : '' }),
        onDone: {
          target: 'verified',
          actions: assign({
            staffError: null,
            options: ({ context, event }) => (context.options ? { ...context.options, verified: event.output } : null),
          }),
        },
        onError: { target: 'staffCode', actions: assign({ staffError: ({ event }) => failureCodeOf(event.error) }) },
      },
    },
    failed: {
      on: { RETRY: { target: 'loading', actions: assign({ failure: null }) } },
    },
    verified: { type: 'final' },
    cancelled: {
      type: 'final',
      entry: assign({ options: ({ context }) => (context.options ? { ...context.options, verified: null } : null) }),
    },
  },
});

export type FaceCheckMachine = typeof faceCheckMachine;
