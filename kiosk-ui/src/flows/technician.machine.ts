import type {
  AuditEntryView,
  BundleExportResponse,
  ConfigValidateResponse,
  PrintProblem,
  SelfTestResult,
  TechnicianDevice,
  TechnicianLogResponse,
} from '@tongban/device-bridge/api';
import { draftFrom, overrideFrom, type Draft } from '../technician/settings-draft.ts';
import { assign, fromPromise, setup } from 'xstate';
import { notProvidedIn } from './not-provided.ts';

/** What a login attempt came to (the bridge's 200 / 401 technician-pin-wrong / 429 / 409). */
export type LoginOutcome =
  | { kind: 'ok'; token: string; inactivitySeconds: number }
  | { kind: 'wrong-pin'; message: string }
  | { kind: 'locked-out'; retryAfterSeconds: number }
  | { kind: 'not-set-up' };

/** A technician call answered 401: the bridge's technician session is gone (timed out, bridge restarted). */
export class TechnicianSessionLost extends Error {
  constructor() {
    super('technician session lost');
    this.name = 'TechnicianSessionLost';
  }
}

export interface TechnicianContext {
  pin: string;
  token: string | null;
  inactivityMs: number;
  notice: 'wrong-pin' | 'locked-out' | 'not-set-up' | 'session-ended' | 'failed' | null;
  noticeDetail: string;
  devices: TechnicianDevice[];
  /** failed print jobs nobody marked handled (shown under the devices, counted at the A4 printer) */
  printProblems: PrintProblem[];
  testing: string | null;
  results: Record<string, SelfTestResult>;
  audit: AuditEntryView[];
  log: TechnicianLogResponse['lines'];
  /** settings screen: the site file, the form, detected serial ports, the last check */
  site: Record<string, unknown>;
  /** the configuration the bridge runs with (which devices have a port, a baud rate, a queue) */
  effective: Record<string, unknown>;
  draft: Draft;
  /** the draft as loaded: only fields that differ from it are written */
  baseline: Draft;
  ports: string[];
  /** queues of the kiosk's CUPS, for the A4 printer's queue */
  cupsQueues: string[];
  /** every language the UI has (the languages field offers these) */
  languages: string[];
  problems: string[];
  settingsState: 'editing' | 'valid' | 'invalid' | 'applied';
  /** the last diagnostic bundle export: where the file went */
  bundleExport: BundleExportResponse | null;
}

export interface SettingsData {
  site: Record<string, unknown>;
  effective: Record<string, unknown>;
  ports: string[];
  cupsQueues: string[];
  /** every language the UI has */
  languages: string[];
}

export type TechnicianEvent =
  /** the hidden 5 s corner press, or a technician QR code on the attract screen */
  | { type: 'ENTER' }
  | { type: 'DIGIT'; digit: string }
  | { type: 'DELETE' }
  | { type: 'SUBMIT' }
  | { type: 'CANCEL' }
  | { type: 'SELF_TEST'; device: string }
  /** the technician loaded paper into this printer (counted by the bridge) */
  | { type: 'PAPER_REFILLED'; device: string }
  /** the technician dealt with a failed print job (打印异常 → 已处理) */
  | { type: 'PRINT_PROBLEM_HANDLED'; jobId: string }
  /** write the diagnostic bundle to a USB stick (or the kiosk's exports folder) */
  | { type: 'EXPORT_BUNDLE' }
  | { type: 'SHOW_DEVICES' }
  | { type: 'SHOW_AUDIT' }
  | { type: 'SHOW_SETTINGS' }
  | { type: 'SHOW_LOG' }
  | { type: 'EDIT'; field: string; value: string }
  | { type: 'VALIDATE' }
  | { type: 'APPLY' }
  | { type: 'REFRESH' }
  | { type: 'LOGOUT' }
  /** any touch inside technician mode */
  | { type: 'ACTIVITY' };

/** Every timing of technician mode, in one place (architecture rule 2). */
export const technicianDelays = {
  /** PIN screen left alone → back to the citizen screen */
  pinIdle: 30_000,
  /** the technician session's own inactivity limit; the bridge's value from the login replaces it */
  inactivity: ({ context }: { context: TechnicianContext }) => context.inactivityMs,
  /** live device status refresh on the device screen */
  refresh: 3_000,
} as const;

const maxPinLength = 12;

const notProvided = notProvidedIn('technician');

const cleared = {
  pin: '',
  token: null,
  devices: [],
  printProblems: [],
  results: {},
  audit: [],
  testing: null,
  bundleExport: null,
} as const;

/**
 * Technician mode: hidden until the corner gesture (or a technician QR code), then a PIN, then the
 * device screens. The bridge decides everything (PIN check, lockout, session); this machine only
 * follows, and drops back to hidden on its own inactivity limit or whenever the bridge says the
 * technician session is gone. No DOM, no fetch: actors are injected.
 */
export const technicianMachine = setup({
  types: {
    context: {} as TechnicianContext,
    events: {} as TechnicianEvent,
  },
  delays: technicianDelays,
  actors: {
    login: fromPromise<LoginOutcome, { pin: string }>(async () => notProvided('login')),
    listDevices: fromPromise<TechnicianDevice[], { token: string }>(async () => notProvided('listDevices')),
    selfTest: fromPromise<SelfTestResult, { token: string; device: string }>(async () => notProvided('selfTest')),
    loadAudit: fromPromise<AuditEntryView[], { token: string }>(async () => notProvided('loadAudit')),
    paperRefilled: fromPromise<void, { token: string; device: string }>(async () => notProvided('paperRefilled')),
    listPrintProblems: fromPromise<PrintProblem[], { token: string }>(async () => notProvided('listPrintProblems')),
    printProblemHandled: fromPromise<void, { token: string; jobId: string }>(async () => notProvided('printProblemHandled')),
    exportBundle: fromPromise<BundleExportResponse, { token: string }>(async () => notProvided('exportBundle')),
    loadSettings: fromPromise<SettingsData, { token: string }>(async () => notProvided('loadSettings')),
    loadLog: fromPromise<TechnicianLogResponse['lines'], { token: string }>(async () => notProvided('loadLog')),
    validateConfig: fromPromise<ConfigValidateResponse, { token: string; config: Record<string, unknown> }>(async () =>
      notProvided('validateConfig'),
    ),
    /** resolves with the problems when refused, [] when written (the bridge then restarts) */
    applyConfig: fromPromise<string[], { token: string; config: Record<string, unknown> }>(async () => notProvided('applyConfig')),
    logout: fromPromise<void, { token: string }>(async () => notProvided('logout')),
  },
  guards: {
    sessionLost: ({ event }) => (event as { error?: unknown }).error instanceof TechnicianSessionLost,
  },
}).createMachine({
  id: 'technician',
  context: {
    ...cleared,
    results: {},
    devices: [],
    printProblems: [],
    audit: [],
    inactivityMs: 300_000,
    notice: null,
    noticeDetail: '',
    log: [],
    site: {},
    effective: {},
    draft: {},
    baseline: {},
    ports: [],
    cupsQueues: [],
    languages: [],
    problems: [],
    settingsState: 'editing',
    bundleExport: null,
  },
  initial: 'hidden',
  states: {
    hidden: {
      on: {
        ENTER: {
          target: 'pin',
          actions: assign({ ...cleared, results: {}, devices: [], printProblems: [], audit: [], notice: null, noticeDetail: '' }),
        },
      },
    },
    pin: {
      after: { pinIdle: { target: 'hidden', actions: assign({ pin: '' }) } },
      on: {
        DIGIT: {
          target: 'pin',
          reenter: true,
          guard: ({ context, event }) => context.pin.length < maxPinLength && /^[0-9]$/.test(event.digit),
          actions: assign({ pin: ({ context, event }) => context.pin + event.digit }),
        },
        DELETE: { target: 'pin', reenter: true, actions: assign({ pin: ({ context }) => context.pin.slice(0, -1) }) },
        SUBMIT: { target: 'checking', guard: ({ context }) => context.pin.length >= 6 },
        CANCEL: { target: 'hidden', actions: assign({ pin: '' }) },
      },
    },
    checking: {
      invoke: {
        src: 'login',
        input: ({ context }) => ({ pin: context.pin }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'panel',
            actions: assign(({ event }) => {
              const outcome = event.output as Extract<LoginOutcome, { kind: 'ok' }>;
              return { pin: '', token: outcome.token, inactivityMs: outcome.inactivitySeconds * 1000, notice: null, noticeDetail: '' };
            }),
          },
          {
            target: 'pin',
            actions: assign(({ event }) => {
              const outcome = event.output;
              return {
                pin: '',
                notice: outcome.kind === 'ok' ? null : outcome.kind,
                noticeDetail:
                  outcome.kind === 'wrong-pin' ? outcome.message : outcome.kind === 'locked-out' ? String(outcome.retryAfterSeconds) : '',
              };
            }),
          },
        ],
        onError: { target: 'pin', actions: assign({ pin: '', notice: 'failed', noticeDetail: '' }) },
      },
    },
    panel: {
      initial: 'devices',
      after: { inactivity: { target: 'ending' } },
      on: {
        ACTIVITY: { target: '.history', reenter: true },
        LOGOUT: 'ending',
        SHOW_AUDIT: '.audit',
        SHOW_DEVICES: '.devices',
        SHOW_SETTINGS: '.settings',
        SHOW_LOG: '.log',
      },
      states: {
        history: { type: 'history', history: 'deep' },
        devices: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'listDevices',
                input: ({ context }) => ({ token: context.token ?? '' }),
                onDone: { target: 'loadingPrintProblems', actions: assign({ devices: ({ event }) => event.output }) },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'showing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            loadingPrintProblems: {
              invoke: {
                src: 'listPrintProblems',
                input: ({ context }) => ({ token: context.token ?? '' }),
                onDone: { target: 'showing', actions: assign({ printProblems: ({ event }) => event.output }) },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'showing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            showing: {
              after: { refresh: 'loading' },
              on: {
                REFRESH: 'loading',
                SELF_TEST: { target: 'testing', actions: assign({ testing: ({ event }) => event.device }) },
                PAPER_REFILLED: 'refilling',
                PRINT_PROBLEM_HANDLED: 'markingHandled',
                EXPORT_BUNDLE: 'exporting',
              },
            },
            exporting: {
              on: { ACTIVITY: {} },
              invoke: {
                src: 'exportBundle',
                input: ({ context }) => ({ token: context.token ?? '' }),
                onDone: { target: 'showing', actions: assign({ bundleExport: ({ event }) => event.output }) },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'showing', actions: assign({ notice: 'failed', bundleExport: null }) },
                ],
              },
            },
            markingHandled: {
              invoke: {
                src: 'printProblemHandled',
                input: ({ context, event }) => ({
                  token: context.token ?? '',
                  jobId: event.type === 'PRINT_PROBLEM_HANDLED' ? event.jobId : '',
                }),
                onDone: 'loading',
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'loading', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            refilling: {
              invoke: {
                src: 'paperRefilled',
                input: ({ context, event }) => ({
                  token: context.token ?? '',
                  device: event.type === 'PAPER_REFILLED' ? event.device : '',
                }),
                onDone: 'loading',
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'loading', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            testing: {
              // a touch while a test runs must not restart the panel (that would drop the running test)
              on: { ACTIVITY: {} },
              invoke: {
                src: 'selfTest',
                input: ({ context }) => ({ token: context.token ?? '', device: context.testing ?? '' }),
                onDone: {
                  target: 'loading',
                  actions: assign({
                    results: ({ context, event }) => ({ ...context.results, [event.output.device]: event.output }),
                    testing: null,
                  }),
                },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'loading', actions: assign({ testing: null, notice: 'failed' }) },
                ],
              },
            },
          },
        },
        settings: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'loadSettings',
                input: ({ context }) => ({ token: context.token ?? '' }),
                onDone: {
                  target: 'editing',
                  actions: assign(({ event }) => {
                    const draft = draftFrom(event.output.effective, event.output.languages);
                    return {
                      site: event.output.site,
                      effective: event.output.effective,
                      draft,
                      baseline: draft,
                      ports: event.output.ports,
                      cupsQueues: event.output.cupsQueues,
                      languages: event.output.languages,
                      problems: [],
                      settingsState: 'editing' as const,
                    };
                  }),
                },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'editing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            editing: {
              on: {
                EDIT: {
                  actions: assign({
                    draft: ({ context, event }) => ({ ...context.draft, [event.field]: event.value }),
                    settingsState: 'editing',
                    problems: [],
                  }),
                },
                VALIDATE: 'validating',
                APPLY: 'applying',
              },
            },
            validating: {
              invoke: {
                src: 'validateConfig',
                input: ({ context }) => ({
                  token: context.token ?? '',
                  config: overrideFrom(context.site, context.draft, context.baseline),
                }),
                onDone: {
                  target: 'editing',
                  actions: assign(({ event }) => ({
                    problems: event.output.problems,
                    settingsState: event.output.valid ? ('valid' as const) : ('invalid' as const),
                  })),
                },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'editing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            applying: {
              on: { ACTIVITY: {} },
              invoke: {
                src: 'applyConfig',
                input: ({ context }) => ({
                  token: context.token ?? '',
                  config: overrideFrom(context.site, context.draft, context.baseline),
                }),
                onDone: [
                  {
                    guard: ({ event }) => event.output.length === 0,
                    target: 'applied',
                    actions: assign({ settingsState: 'applied', problems: [] }),
                  },
                  { target: 'editing', actions: assign(({ event }) => ({ problems: event.output, settingsState: 'invalid' as const })) },
                ],
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'editing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            // the bridge restarts onto the new file; its technician session ends with it
            applied: { on: { ACTIVITY: {} } },
          },
        },
        log: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'loadLog',
                input: ({ context }) => ({ token: context.token ?? '' }),
                onDone: { target: 'showing', actions: assign({ log: ({ event }) => event.output }) },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'showing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            showing: { on: { REFRESH: 'loading' } },
          },
        },
        audit: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'loadAudit',
                input: ({ context }) => ({ token: context.token ?? '' }),
                onDone: { target: 'showing', actions: assign({ audit: ({ event }) => event.output }) },
                onError: [
                  { guard: 'sessionLost', target: '#technician.lost' },
                  { target: 'showing', actions: assign({ notice: 'failed' }) },
                ],
              },
            },
            showing: { on: { REFRESH: 'loading' } },
          },
        },
      },
    },
    ending: {
      invoke: {
        src: 'logout',
        input: ({ context }) => ({ token: context.token ?? '' }),
        onDone: { target: 'hidden', actions: assign({ ...cleared, results: {}, devices: [], printProblems: [], audit: [] }) },
        onError: { target: 'hidden', actions: assign({ ...cleared, results: {}, devices: [], printProblems: [], audit: [] }) },
      },
    },
    lost: {
      always: {
        target: 'pin',
        actions: assign({ ...cleared, results: {}, devices: [], printProblems: [], audit: [], notice: 'session-ended', noticeDetail: '' }),
      },
    },
  },
});
