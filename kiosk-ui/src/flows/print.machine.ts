import type { CertificatePreview, CertificateType, PrintJobView } from '@tongban/device-bridge/api';
import { assign, fromCallback, fromPromise, setup, type SnapshotFrom } from 'xstate';
import { failureCodeOf } from './failure-code.ts';
import { notProvidedIn } from './not-provided.ts';

const notProvided = notProvidedIn('print');

export interface PrintInput {
  /** the certificate chosen on the menu or from a record */
  service: CertificateType;
  /** the printer works now; the session passes every later change as PRINTER */
  printerWorks: boolean;
}

export interface PrintContext {
  service: CertificateType;
  printerWorks: boolean;
  /** copies of the certificate to print (1–3) */
  copies: number;
  preview: CertificatePreview | null;
  job: PrintJobView | null;
  /** why the error screen is shown: a bridge error code, or what became of the job */
  failure: string | null;
}

export type PrintEvent =
  | { type: 'PRINT' }
  /** 1–3 copies, chosen on the copies step; choosing prints */
  | { type: 'PRINT_COPIES'; copies: number }
  /** print a failed job again (once, same certificate number) */
  | { type: 'REPRINT' }
  | { type: 'BACK' }
  | { type: 'DONE' }
  /** the job's latest state: a bridge event passed on by the session, or the journey's own polling */
  | { type: 'JOB'; job: PrintJobView }
  /** the printer started or stopped working (health), passed on by the session */
  | { type: 'PRINTER'; works: boolean };

/** Handed to the session when the journey ends: the certificate that came out of the printer, or nothing. */
export type PrintOutput = { certificateNumber: string } | null;

/** The screens the journey moves through; the session shows the one the journey is on. */
export type PrintScreen = 'certificate-preview' | 'printing' | 'error';

/** What the error screen says about a job that did not print: paper-out plainly, a cancel as a cancel. */
function printFailureOf(job: PrintJobView | null): string {
  if (job?.state === 'cancelled') return 'print-cancelled';
  return job?.reason === 'paper-out' ? 'print-paper-out' : 'print-failed';
}

/**
 * 打印证明: the certificate previewed with the same (masked) data the paper will carry, how many
 * copies, then the one print job followed until it is out of the printer; a failure says why and
 * offers one reprint of a failed job. The journey has no timer of its own: a held printer is waited
 * for (staff refill it), and the session pauses its idle watch while the job prints.
 */
export const printMachine = setup({
  types: {
    context: {} as PrintContext,
    events: {} as PrintEvent,
    input: {} as PrintInput,
    output: {} as PrintOutput,
  },
  actors: {
    /** POST /api/certificates/preview */
    loadPreview: fromPromise<CertificatePreview, { service: CertificateType }>(async () => notProvided('loadPreview')),
    /** POST /api/print-jobs: resolves once the job is stored */
    submitPrint: fromPromise<PrintJobView, { service: CertificateType; copies: number }>(async () => notProvided('submitPrint')),
    /** POST /api/print-jobs/:id/reprint: the failed job again, once */
    reprint: fromPromise<PrintJobView, { jobId: string }>(async () => notProvided('reprint')),
    /** keeps a job's state fresh (e.g. polling) in case an SSE job event was missed; sends JOB events */
    watchPrintJob: fromCallback<PrintEvent, { jobId: string }>(() => notProvided('watchPrintJob')),
  },
  guards: {
    printerWorks: ({ context }) => context.printerWorks,
    isOurJob: ({ context, event }) => event.type === 'JOB' && event.job.id === context.job?.id,
    jobCompleted: ({ context }) => context.job?.state === 'completed',
    jobFailed: ({ context }) => context.job?.state === 'failed' || context.job?.state === 'cancelled',
    /** once per certificate, only a failed job, only while the printer works */
    canReprint: ({ context }) => context.job?.state === 'failed' && context.job.reprintOf === undefined && context.printerWorks,
    jobHeld: ({ context }) => context.job?.state === 'held',
  },
  actions: {
    storeJob: assign({ job: ({ context, event }) => (event.type === 'JOB' ? event.job : context.job) }),
  },
}).createMachine({
  id: 'print',
  context: ({ input }) => ({
    service: input.service,
    printerWorks: input.printerWorks,
    copies: 1,
    preview: null,
    job: null,
    failure: null,
  }),
  initial: 'preview',
  output: ({ context }) => (context.job?.state === 'completed' ? { certificateNumber: context.job.certificateNumber } : null),
  on: {
    PRINTER: { actions: assign({ printerWorks: ({ event }) => event.works }) },
  },
  states: {
    preview: {
      initial: 'loading',
      on: { BACK: 'closed' },
      states: {
        loading: {
          invoke: {
            id: 'loadPreview',
            src: 'loadPreview',
            input: ({ context }) => ({ service: context.service }),
            onDone: { target: 'ready', actions: assign({ preview: ({ event }) => event.output }) },
            onError: { target: '#print.failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
          },
        },
        ready: {
          on: { PRINT: { guard: 'printerWorks', target: 'copies' } },
        },
        /** how many copies: each choice is one tap that prints */
        copies: {
          on: {
            PRINT_COPIES: {
              guard: 'printerWorks',
              target: '#print.printing',
              actions: assign({ copies: ({ event }) => Math.min(Math.max(Math.round(event.copies), 1), 3) }),
            },
            BACK: 'ready',
          },
        },
      },
    },
    printing: {
      initial: 'submitting',
      states: {
        submitting: {
          invoke: {
            id: 'submitPrint',
            src: 'submitPrint',
            input: ({ context }) => ({ service: context.service, copies: context.copies }),
            onDone: { target: 'tracking', actions: assign({ job: ({ event }) => event.output }) },
            onError: { target: '#print.failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
          },
        },
        /** the failed job once more (same certificate number); the bridge allows it once */
        reprinting: {
          invoke: {
            id: 'reprint',
            src: 'reprint',
            input: ({ context }) => ({ jobId: context.job?.id ?? '' }),
            onDone: { target: 'tracking', actions: assign({ job: ({ event }) => event.output }) },
            onError: { target: '#print.failed', actions: assign({ failure: ({ event }) => failureCodeOf(event.error) }) },
          },
        },
        tracking: {
          invoke: {
            id: 'watchPrintJob',
            src: 'watchPrintJob',
            input: ({ context }) => ({ jobId: context.job?.id ?? '' }),
          },
          on: { JOB: { guard: 'isOurJob', target: '.evaluating', actions: 'storeJob' } },
          initial: 'evaluating',
          states: {
            /** routes on the latest job state; the submit reply itself may already say completed */
            evaluating: {
              always: [
                { guard: 'jobCompleted', target: '#print.printed' },
                { guard: 'jobFailed', target: '#print.failed', actions: assign({ failure: ({ context }) => printFailureOf(context.job) }) },
                { guard: 'jobHeld', target: 'held' },
                { target: 'active' },
              ],
            },
            active: {},
            /** the printer needs someone (paper out, cover open): keep waiting, it resumes by itself */
            held: {},
          },
        },
      },
    },
    failed: {
      on: {
        DONE: 'closed',
        REPRINT: { guard: 'canReprint', target: 'printing.reprinting' },
      },
    },
    /** the certificate is out of the printer: the session asks the citizen to take it */
    printed: { type: 'final' },
    /** back to the menu without a certificate */
    closed: { type: 'final' },
  },
});

export type PrintMachine = typeof printMachine;
export type PrintSnapshot = SnapshotFrom<PrintMachine>;

/** The screen a state of the journey shows; none once it has ended (the session moves on). */
export function printScreenOf(snapshot: PrintSnapshot): PrintScreen | null {
  if (snapshot.matches('preview')) return 'certificate-preview';
  if (snapshot.matches('printing')) return 'printing';
  if (snapshot.matches('failed')) return 'error';
  return null;
}
