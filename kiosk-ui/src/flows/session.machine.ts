import type { RatingRequest, RatingResponse, SessionView } from '@tongban/device-bridge/api';
import { and, assign, enqueueActions, fromPromise, not, sendTo, setup } from 'xstate';
import { idleLimitSeconds } from './idle-limits.ts';
import { canOpenJourney, canStartPrint, type OtherJourney } from './menu.ts';
import { guidesMachine } from './guides.machine.ts';
import { applyMachine, type ApplyOutput } from './apply.machine.ts';
import { progressMachine } from './progress.machine.ts';
import { queueMachine } from './queue.machine.ts';
import { appointmentMachine } from './appointment.machine.ts';
import { checkInMachine } from './check-in.machine.ts';
import { recordsMachine, type RecordsOutput } from './records.machine.ts';
import { printMachine, printScreenOf, type PrintOutput } from './print.machine.ts';
import { isBadGrade } from './rating-indicators.ts';
import type { ScreenName } from './screen-names.ts';
import type { KioskStatus, RatingDraft, SessionContext, SessionEvent } from './session.types.ts';
import { defaultVisitSettings, pacingOf, type VisitSettings } from './visit-settings.ts';
import { notProvidedIn } from './not-provided.ts';

/**
 * Every timing of the citizen flow, in milliseconds, in one place. The app and tests override any of
 * them with `machine.provide({ delays })`. The idle timeout comes from the bridge's config.
 */
/** Delays that wait for a person to read or act stretch with the pacing (elder mode is slower). */
const paced =
  (ms: number) =>
  ({ context }: { context: SessionContext }) =>
    Math.round(ms * context.pacing);

export const sessionDelays = {
  /** the greeting shows the masked name briefly, then the menu */
  greeting: paced(2_000),
  /** safety net: the reader said "reading" but never reported a result */
  cardReadingTimeout: 20_000,
  /** a rejected card's message stays long enough to read twice */
  cardRejectedNotice: paced(12_000),
  /** inactivity before the countdown overlay appears: the site's idle timeout scaled for the step on screen */
  idleTimeout: ({ context }: { context: SessionContext }) =>
    Math.round(idleLimitSeconds(context.step, context.kiosk.idleTimeoutSeconds, context.kiosk.countdownSeconds) * 1_000 * context.pacing),
  /** one second of the countdown overlay */
  countdownTick: 1_000,
  /** "please take your document and ID card" before moving on to the rating */
  takeDocument: paced(15_000),
  /** goodbye before the next citizen's attract screen */
  goodbye: paced(5_000),
  /** guides read without a card: untouched this long, the kiosk returns to attract for the next person */
  anonymousIdle: paced(90_000),
  /** how long to wait for DELETE /api/session before leaving anyway (the bridge also ends it) */
  endSessionTimeout: 5_000,
};

export type SessionDelay = keyof typeof sessionDelays;

/** Until the first health answer arrives the kiosk assumes nothing works and nothing is offered. */
export const unknownKioskStatus: KioskStatus = {
  capabilities: { identify: false, eIdLogin: false, printCertificate: false, printReceipt: false, scan: false },
  siteName: '',
  helpPhone: '',
  idleTimeoutSeconds: 120,
  countdownSeconds: 20,
  documentCameraReady: false,
  platformReachable: true,
  services: [],
};

const noRating: RatingDraft = { grade: null, indicators: [] };

/** Nothing personal: what the context must look like whenever no citizen is being served. */
const noPersonalData = {
  session: null,
  service: null,
  rating: noRating,
  ratingCase: null,
} as const satisfies Partial<SessionContext>;

/** On the attract screen and in the card-less journeys: a card placed starts the session as usual. */
const aCardStartsTheSession = {
  CARD_READING: 'cardReading',
  CARD_REJECTED: { target: 'cardRejected', actions: 'storeRejection' },
  SESSION_STARTED: { target: 'inSession', actions: 'storeSession' },
  SESSION_SYNC: { guard: 'syncBringsSession', target: 'inSession', actions: 'storeSession' },
} as const;

/**
 * A journey without a card (预约签到, 办事指南) keeps running while this inner state restarts the idle
 * timer on every touch; an untouched screen goes back to attract for the next person.
 */
const anonymousIdleWatch = {
  initial: 'watching',
  states: {
    watching: {
      after: { anonymousIdle: '#session.attract' },
      on: { USER_ACTIVITY: { target: 'watching', reenter: true } },
    },
  },
} as const;

/**
 * The display mode changed: from now on the flow waits at its pace, and the change counts as
 * activity (it restarts the idle limit at that pace). A wait already running keeps its length.
 */
function pacingChangeTo(visit: VisitSettings, context: SessionContext): SessionEvent[] {
  const factor = pacingOf(visit);
  return factor === context.pacing ? [] : [{ type: 'SET_PACING', factor }, { type: 'USER_ACTIVITY' }];
}

function ratingRequestOf(context: SessionContext): RatingRequest {
  const { grade, indicators } = context.rating;
  if (grade === null) throw new Error('rating saved without a grade');
  return {
    grade,
    indicators: isBadGrade(grade) ? indicators : [],
    serviceCode: context.ratingCase?.serviceCode ?? '',
    caseId: context.ratingCase?.caseId ?? '',
  };
}

const notProvided = notProvidedIn('session');

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    /** a citizen's visit is over: what the browser keeps of it goes too (app.tsx) */
    emitted: {} as { type: 'visit-ended' },
  },
  actors: {
    /** POST /api/ratings */
    submitRating: fromPromise<RatingResponse, RatingRequest>(async () => notProvided('submitRating')),
    /** DELETE /api/session */
    endSession: fromPromise<void, { reason: 'exit' | 'timeout' }>(async () => notProvided('endSession')),
    /** 打印证明 journey: preview, copies, the print job; its own actors are provided on it by the app */
    print: printMachine,
    /** 办事指南 journey; its own actors (catalogue search, item) are provided on it by the app */
    guides: guidesMachine,
    /** 查询我的记录 journey */
    records: recordsMachine,
    /** 办件进度 journey */
    progress: progressMachine,
    /** 申请办理 journey */
    apply: applyMachine,
    /** 取号 journey */
    queue: queueMachine,
    /** 预约 journey */
    appointment: appointmentMachine,
    /** 预约签到 journey (no session: the scanned code is the credential) */
    checkIn: checkInMachine,
  },
  delays: sessionDelays,
  guards: {
    identifyAvailable: ({ context }) => context.kiosk.capabilities.identify,
    offersService: ({ context, event }) => event.type === 'SELECT_SERVICE' && canStartPrint(context.kiosk, event.service),
    /** a greyed tile opens nothing: its platform or printer is down (menu.ts) */
    canOpen: ({ context }, params: { journey: OtherJourney }) => canOpenJourney(context.kiosk, params.journey),
    isBadGrade: ({ event }) => event.type === 'RATE' && isBadGrade(event.grade),
    indicatorChosen: ({ context }) => context.rating.indicators.length > 0,
    syncBringsSession: ({ event }) => event.type === 'SESSION_SYNC' && event.session !== null,
    syncLostSession: ({ context, event }) =>
      event.type === 'SESSION_SYNC' && (event.session === null || event.session.id !== context.session?.id),
    isAnotherSession: ({ context, event }) => event.type === 'SESSION_STARTED' && event.session.id !== context.session?.id,
    countdownRunning: ({ context }) => context.countdownRemaining > 1,
  },
  actions: {
    storeKioskStatus: assign({
      kiosk: ({ context, event }) => (event.type === 'KIOSK_STATUS' ? event.status : context.kiosk),
    }),
    /** with no bridge nothing works; the flow shows the out-of-service screen until health returns */
    markBridgeUnreachable: assign({
      kiosk: ({ context }) => ({
        ...context.kiosk,
        capabilities: { identify: false, eIdLogin: false, printCertificate: false, printReceipt: false, scan: false },
      }),
    }),
    storeRejection: assign({ rejection: ({ context, event }) => (event.type === 'CARD_REJECTED' ? event.reason : context.rejection) }),
    /** the identified citizen; a different one (a card swapped, the next card after a goodbye) starts from the defaults */
    storeSession: enqueueActions(({ context, event, enqueue }) => {
      const session: SessionView | null = event.type === 'SESSION_STARTED' || event.type === 'SESSION_SYNC' ? event.session : null;
      let visit = context.visit;
      if (session && visit.servedSession !== null && visit.servedSession !== session.id) {
        visit = defaultVisitSettings;
        enqueue.emit({ type: 'visit-ended' });
      }
      if (session) visit = { ...visit, servedSession: session.id, citizenElder: session.elder };
      enqueue.assign({ session, visit });
      for (const raised of pacingChangeTo(visit, context)) enqueue.raise(raised);
    }),
    /** the switches and the call-staff dialog, at any time, identified or not */
    changeVisitSettings: enqueueActions(({ context, event, enqueue }) => {
      const visit = { ...context.visit };
      if (event.type === 'SET_LANGUAGE') visit.language = event.language;
      if (event.type === 'SET_ELDER') visit.elderChoice = event.elder;
      if (event.type === 'SET_HIGH_CONTRAST') visit.highContrast = event.highContrast;
      if (event.type === 'OPEN_HELP' || event.type === 'CLOSE_HELP') visit.helpOpen = event.type === 'OPEN_HELP';
      enqueue.assign({ visit });
      for (const raised of pacingChangeTo(visit, context)) enqueue.raise(raised);
    }),
    /**
     * A citizen's visit is over (their goodbye has been said, or nobody answered the countdown): the
     * next person starts from the default language, display mode and no dialog. Someone who never
     * identified keeps what they set.
     */
    forgetVisitSettings: enqueueActions(({ context, enqueue }) => {
      if (context.visit.servedSession === null) return;
      enqueue.assign({ visit: defaultVisitSettings });
      enqueue.emit({ type: 'visit-ended' });
      for (const raised of pacingChangeTo(defaultVisitSettings, context)) enqueue.raise(raised);
    }),
    forgetPersonalData: assign({ ...noPersonalData }),
    forgetEverythingOfTheVisit: assign({ ...noPersonalData, rejection: null, ratingOutcome: null }),
    startCountdown: assign({ countdownRemaining: ({ context }) => context.kiosk.countdownSeconds }),
    countDown: assign({ countdownRemaining: ({ context }) => context.countdownRemaining - 1 }),
    /** the print journey works only while the printer does: it hears of every change */
    tellPrintAboutPrinter: sendTo('print', ({ context }) => ({ type: 'PRINTER', works: context.kiosk.capabilities.printCertificate })),
    /** a new step is on screen: remember which, and let the idle watch start that step's own limit */
    enterStep: enqueueActions(({ context, enqueue }, params: { step: ScreenName }) => {
      // A job in progress keeps the session: the idle timer pauses while printing and runs again after it.
      if (context.step === 'printing') enqueue.raise({ type: 'IDLE_RESUME' });
      enqueue.assign({ step: params.step });
      enqueue.raise({ type: 'STEP_CHANGED' });
      if (params.step === 'printing') enqueue.raise({ type: 'IDLE_SUSPEND' });
    }),
    chooseGrade: assign({
      rating: ({ event }) => ({ grade: event.type === 'RATE' ? event.grade : null, indicators: [] }),
    }),
    toggleIndicator: assign({
      rating: ({ context, event }) => {
        if (event.type !== 'TOGGLE_INDICATOR') return context.rating;
        const { indicators } = context.rating;
        return {
          ...context.rating,
          indicators: indicators.includes(event.indicator)
            ? indicators.filter((indicator) => indicator !== event.indicator)
            : [...indicators, event.indicator],
        };
      },
    }),
  },
}).createMachine({
  id: 'session',
  context: {
    kiosk: unknownKioskStatus,
    ...noPersonalData,
    rejection: null,
    countdownRemaining: 0,
    ratingOutcome: null,
    step: 'attract',
    pacing: 1,
    visit: defaultVisitSettings,
  },
  initial: 'starting',
  on: {
    // Capabilities change at any time (a printer runs out of paper mid-session); screens read them live.
    KIOSK_STATUS: { actions: 'storeKioskStatus' },
    BRIDGE_UNREACHABLE: { actions: 'markBridgeUnreachable' },
    // the display mode sets how slowly the flow moves on by itself (elder mode: 1.5): raised by pacingChangeTo
    SET_PACING: { actions: assign({ pacing: ({ event }) => Math.min(Math.max(event.factor, 1), 3) }) },
    // the person at the kiosk may switch language, display mode and call staff on any screen
    SET_LANGUAGE: { actions: 'changeVisitSettings' },
    SET_ELDER: { actions: 'changeVisitSettings' },
    SET_HIGH_CONTRAST: { actions: 'changeVisitSettings' },
    OPEN_HELP: { actions: 'changeVisitSettings' },
    CLOSE_HELP: { actions: 'changeVisitSettings' },
  },
  states: {
    /** waiting for the first health answer; renders as the attract screen */
    starting: {
      on: {
        // attract re-routes to out-of-service by itself when nobody can be identified
        KIOSK_STATUS: { target: 'attract', actions: 'storeKioskStatus' },
        BRIDGE_UNREACHABLE: { target: 'outOfService', actions: 'markBridgeUnreachable' },
      },
    },
    attract: {
      entry: ['forgetEverythingOfTheVisit', 'forgetVisitSettings'],
      always: { guard: not('identifyAvailable'), target: 'outOfService' },
      on: {
        ...aCardStartsTheSession,
        OPEN_GUIDES: 'browsingGuides',
        APPOINTMENT_SCANNED: 'checkingIn',
      },
    },
    /**
     * 预约签到: an appointment code scanned on the attract screen shows that appointment and takes its
     * queue number, without a card; a card placed meanwhile starts the session as usual, and an
     * untouched screen goes back to attract for the next person.
     */
    checkingIn: {
      entry: { type: 'enterStep', params: { step: 'appointment' } },
      invoke: {
        id: 'checkIn',
        src: 'checkIn',
        input: ({ event }) => ({ appointmentId: event.type === 'APPOINTMENT_SCANNED' ? event.appointmentId : '' }),
        onDone: 'attract',
      },
      on: {
        // another code scanned: that appointment instead
        APPOINTMENT_SCANNED: { target: 'checkingIn', reenter: true },
        ...aCardStartsTheSession,
      },
      ...anonymousIdleWatch,
    },
    /** 办事指南 without a card: anyone may read; a card placed meanwhile starts the session as usual */
    browsingGuides: {
      entry: { type: 'enterStep', params: { step: 'guides' } },
      invoke: { id: 'guides', src: 'guides', onDone: 'attract' },
      on: {
        ...aCardStartsTheSession,
      },
      ...anonymousIdleWatch,
    },
    cardReading: {
      // from a goodbye: that citizen's visit is over
      entry: 'forgetVisitSettings',
      always: { guard: not('identifyAvailable'), target: 'outOfService' },
      after: { cardReadingTimeout: 'attract' },
      on: {
        CARD_REJECTED: { target: 'cardRejected', actions: 'storeRejection' },
        SESSION_STARTED: { target: 'inSession', actions: 'storeSession' },
      },
    },
    cardRejected: {
      after: { cardRejectedNotice: 'attract' },
      on: {
        DONE: 'attract',
        CARD_READING: 'cardReading',
        SESSION_STARTED: { target: 'inSession', actions: 'storeSession' },
      },
    },
    /** no way to identify anyone (reader gone, bridge unreachable): the hall's phone number, until it returns */
    outOfService: {
      entry: ['forgetEverythingOfTheVisit', 'forgetVisitSettings'],
      always: { guard: 'identifyAvailable', target: 'attract' },
    },
    /** a citizen is identified: the flow and the idle watch run side by side */
    inSession: {
      type: 'parallel',
      exit: 'forgetPersonalData',
      on: {
        EXIT: 'exiting',
        SESSION_ENDED: 'attract',
        SESSION_SYNC: [
          { guard: and(['syncLostSession', 'syncBringsSession']), target: 'inSession', reenter: true, actions: 'storeSession' },
          { guard: 'syncLostSession', target: 'attract' },
        ],
        SESSION_STARTED: { guard: 'isAnotherSession', target: 'inSession', reenter: true, actions: 'storeSession' },
      },
      states: {
        flow: {
          initial: 'greeting',
          states: {
            greeting: {
              entry: { type: 'enterStep', params: { step: 'greeting' } },
              after: { greeting: 'menu' },
              on: { CONTINUE: 'menu' },
            },
            menu: {
              entry: { type: 'enterStep', params: { step: 'menu' } },
              on: {
                OPEN_GUIDES: 'guides',
                OPEN_RECORDS: { guard: { type: 'canOpen', params: { journey: 'records' } }, target: 'records' },
                OPEN_PROGRESS: { guard: { type: 'canOpen', params: { journey: 'progress' } }, target: 'progress' },
                OPEN_APPLY: { guard: { type: 'canOpen', params: { journey: 'apply' } }, target: 'apply' },
                OPEN_QUEUE: { guard: { type: 'canOpen', params: { journey: 'queue' } }, target: 'queue' },
                OPEN_APPOINTMENT: { guard: { type: 'canOpen', params: { journey: 'appointment' } }, target: 'appointment' },
                SELECT_SERVICE: {
                  guard: 'offersService',
                  target: 'print',
                  actions: assign({ service: ({ event }) => event.service }),
                },
              },
            },
            /** 打印证明: the print journey (print.machine.ts) runs its screens; the session follows which one is up */
            print: {
              entry: { type: 'enterStep', params: { step: 'certificate-preview' } },
              on: {
                // the journey follows the job and the printer, which the session hears of
                JOB: { actions: sendTo('print', ({ event }) => event) },
                KIOSK_STATUS: { actions: ['storeKioskStatus', 'tellPrintAboutPrinter'] },
                BRIDGE_UNREACHABLE: { actions: ['markBridgeUnreachable', 'tellPrintAboutPrinter'] },
              },
              invoke: {
                id: 'print',
                src: 'print',
                input: ({ context }) => ({
                  service: context.service ?? 'social-insurance-contribution',
                  printerWorks: context.kiosk.capabilities.printCertificate,
                }),
                // the journey moved to another of its screens: show it, with that step's idle limit
                onSnapshot: {
                  guard: ({ context, event }) => {
                    const screen = printScreenOf(event.snapshot);
                    return screen !== null && screen !== context.step;
                  },
                  actions: { type: 'enterStep', params: ({ event }) => ({ step: printScreenOf(event.snapshot) ?? 'certificate-preview' }) },
                },
                onDone: [
                  {
                    // a printed certificate is a completed case: take it, then rate it (一次一评)
                    guard: ({ event }) => (event.output as PrintOutput | undefined) != null,
                    target: 'takeDocument',
                    actions: assign({
                      ratingCase: ({ context, event }) => ({
                        serviceCode: context.kiosk.services.find((service) => service.type === context.service)?.serviceCode ?? '',
                        caseId: (event.output as NonNullable<PrintOutput>).certificateNumber,
                      }),
                    }),
                  },
                  { target: 'menu' },
                ],
              },
            },
            guides: {
              entry: { type: 'enterStep', params: { step: 'guides' } },
              invoke: { id: 'guides', src: 'guides', onDone: 'menu' },
            },
            records: {
              entry: { type: 'enterStep', params: { step: 'records' } },
              invoke: {
                id: 'records',
                src: 'records',
                onDone: [
                  {
                    // "print this" on a record goes straight to that certificate's preview
                    guard: ({ context, event }) => {
                      const print = (event.output as RecordsOutput | undefined)?.print;
                      return print != null && canStartPrint(context.kiosk, print);
                    },
                    target: 'print',
                    actions: assign({ service: ({ event }) => (event.output as RecordsOutput).print }),
                  },
                  { target: 'menu' },
                ],
              },
            },
            progress: {
              entry: { type: 'enterStep', params: { step: 'progress' } },
              invoke: { id: 'progress', src: 'progress', onDone: 'menu' },
            },
            queue: {
              entry: { type: 'enterStep', params: { step: 'queue' } },
              invoke: { id: 'queue', src: 'queue', onDone: 'menu' },
            },
            appointment: {
              entry: { type: 'enterStep', params: { step: 'appointment' } },
              invoke: { id: 'appointment', src: 'appointment', onDone: 'menu' },
            },
            apply: {
              entry: { type: 'enterStep', params: { step: 'apply' } },
              invoke: {
                id: 'apply',
                src: 'apply',
                input: ({ context }) => ({ capturesMaterials: context.kiosk.documentCameraReady }),
                onDone: [
                  {
                    // a submitted application is a completed case: rate it (一次一评)
                    guard: ({ event }) => (event.output as ApplyOutput | undefined) != null,
                    target: 'rating',
                    actions: assign({
                      ratingCase: ({ event }) => {
                        const output = event.output as NonNullable<ApplyOutput>;
                        return { serviceCode: output.itemCode, caseId: output.caseNumber };
                      },
                    }),
                  },
                  { target: 'menu' },
                ],
              },
            },
            takeDocument: {
              entry: { type: 'enterStep', params: { step: 'take-document' } },
              after: { takeDocument: 'rating' },
              on: { DONE: 'rating' },
            },
            /**
             * 好差评, 一次一评: straight after the case. Nothing is pre-selected; a bad grade asks what
             * went wrong (at least one indicator) before it is sent; skipping is one tap everywhere.
             */
            rating: {
              entry: [{ type: 'enterStep', params: { step: 'rating' } }, assign({ rating: noRating })],
              initial: 'choosing',
              on: {
                SKIP_RATING: { target: '#session.exiting', actions: assign({ ratingOutcome: 'skipped' }) },
              },
              states: {
                choosing: {
                  on: {
                    RATE: [
                      { guard: 'isBadGrade', target: 'explaining', actions: 'chooseGrade' },
                      { target: 'saving', actions: 'chooseGrade' },
                    ],
                  },
                },
                /** 不满意 / 非常不满意: which part was bad (efficiency, guide, convenience, operation, service) */
                explaining: {
                  on: {
                    TOGGLE_INDICATOR: { actions: 'toggleIndicator' },
                    SUBMIT_RATING: { guard: 'indicatorChosen', target: 'saving' },
                    // a different grade after all: choose again from nothing
                    BACK: { target: 'choosing', actions: assign({ rating: noRating }) },
                  },
                },
                saving: {
                  // the rating being sent can no longer be skipped or changed
                  on: { SKIP_RATING: {} },
                  invoke: {
                    id: 'submitRating',
                    src: 'submitRating',
                    input: ({ context }) => ratingRequestOf(context),
                    onDone: { target: '#session.exiting', actions: assign({ ratingOutcome: 'saved' }) },
                    onError: { target: '#session.exiting', actions: assign({ ratingOutcome: 'failed' }) },
                  },
                },
              },
            },
          },
        },
        idle: {
          initial: 'watching',
          states: {
            watching: {
              after: { idleTimeout: 'countdown' },
              on: {
                USER_ACTIVITY: { target: 'watching', reenter: true },
                STEP_CHANGED: { target: 'watching', reenter: true },
                IDLE_SUSPEND: 'suspended',
              },
            },
            countdown: {
              entry: 'startCountdown',
              initial: 'ticking',
              on: {
                MORE_TIME: 'watching',
                IDLE_SUSPEND: 'suspended',
              },
              states: {
                ticking: {
                  after: {
                    countdownTick: [
                      { guard: 'countdownRunning', target: 'ticking', reenter: true, actions: 'countDown' },
                      { target: '#session.timingOut' },
                    ],
                  },
                },
              },
            },
            suspended: {
              on: { IDLE_RESUME: 'watching' },
            },
          },
        },
      },
    },
    /** the citizen pressed exit or finished: end the session at the bridge, then say goodbye */
    exiting: {
      invoke: {
        id: 'endSession',
        src: 'endSession',
        input: { reason: 'exit' },
        onDone: 'goodbye',
        onError: 'goodbye',
      },
      after: { endSessionTimeout: 'goodbye' },
    },
    /** nobody answered the countdown: end the session and go straight back to attract */
    timingOut: {
      // shows the attract screen at once: the visit is over now
      entry: 'forgetVisitSettings',
      invoke: {
        id: 'endSession',
        src: 'endSession',
        input: { reason: 'timeout' },
        onDone: 'attract',
        onError: 'attract',
      },
      after: { endSessionTimeout: 'attract' },
    },
    goodbye: {
      after: { goodbye: 'attract' },
      on: {
        DONE: 'attract',
        CARD_READING: 'cardReading',
        SESSION_STARTED: { target: 'inSession', actions: 'storeSession' },
      },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
