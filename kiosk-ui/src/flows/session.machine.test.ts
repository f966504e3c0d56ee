import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { createActor, fromCallback, fromPromise, initialTransition, SimulatedClock, transition } from 'xstate';
import type { RatingRequest } from '@tongban/device-bridge/api';
import { describe, expect, it } from 'vitest';
import { printActorDone, printEventsFor, printInput, reprintedJob } from './print.fixtures.ts';
import { printMachine, printScreenOf, type PrintEvent, type PrintSnapshot } from './print.machine.ts';
import {
  citizenSession,
  citizenUnder60Session,
  contributionPreview,
  jobIn,
  kioskWithoutPrinter,
  kioskWithoutReader,
  otherCitizenSession,
  workingKiosk,
} from './session.fixtures.ts';
import { sessionMachine } from './session.machine.ts';
import { isCountdownShown, isIdentified, printActorOf, screenOf, type SessionSnapshot } from './session.screens.ts';
import type { SessionEvent } from './session.types.ts';

// ---------------------------------------------------------------------------------------------
// Generated paths. @xstate/graph walks the machine with pure transitions, so invoked actors and
// timers never run: their results are fed in as the events XState itself would deliver
// (`xstate.done.actor.<invoke id>`, `xstate.after.<delay>.<state id>`), exactly like deterministic
// fakes that answer at once.
// ---------------------------------------------------------------------------------------------

const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as SessionEvent;
const after = (delay: string, stateId: string) => synthetic(`xstate.after.${delay}.session.${stateId}`);
const actorDone = (id: string, output?: unknown) => synthetic(`xstate.done.actor.${id}`, { output });
const actorFailed = (id: string, code: string) => synthetic(`xstate.error.actor.${id}`, { error: { code } });

// The print journey (print.machine.ts) is a child like the others, walked on its own: the session sees
// it through its snapshots (`xstate.snapshot.print`, the screen it is on) and what it hands back.
const printStates = getShortestPaths(printMachine, {
  events: printEventsFor,
  input: printInput,
  serializeState: (state) => {
    const { printerWorks, preview, job, failure, copies } = state.context;
    return JSON.stringify([
      state.value,
      printerWorks,
      preview !== null,
      job && [job.id, job.state, job.reason, job.reprintOf],
      failure,
      copies,
    ]);
  },
}).map((path) => path.state as PrintSnapshot);
const nextPrint = (state: PrintSnapshot, event: PrintEvent) => transition(printMachine, state, event)[0];
const printShows = (snapshot: PrintSnapshot) => synthetic('xstate.snapshot.print', { snapshot });

/**
 * What the print journey can show or hand back next, by the screen it is on: from every reachable
 * state of the journey, each event that changes its screen or ends it. The session graph offers
 * these wherever it shows that screen, so it follows the journey as it really moves.
 */
const printMoves = new Map<string, Map<string, SessionEvent>>();
for (const state of printStates.filter((candidate) => candidate.status === 'active')) {
  const screen = printScreenOf(state)!;
  const moves = printMoves.get(screen) ?? new Map<string, SessionEvent>();
  for (const event of printEventsFor(state)) {
    const after = nextPrint(state, event);
    if (after.status === 'done') moves.set(JSON.stringify(after.output), actorDone('print', after.output));
    else if (printScreenOf(after) !== screen) moves.set(printScreenOf(after)!, printShows(after));
  }
  printMoves.set(screen, moves);
}
const allPrintMoves = [...printMoves.values()].flatMap((moves) => [...moves.values()]);
const printMovesFrom = (state: SessionSnapshot) =>
  state.matches({ inSession: { flow: 'print' } }) ? [...(printMoves.get(state.context.step)?.values() ?? [])] : [];

const actorAndTimerEvents: SessionEvent[] = [
  actorDone('submitRating', { id: 'rating-1' }),
  actorFailed('submitRating', 'internal'),
  actorDone('endSession'),
  actorFailed('endSession', 'unreachable'),
  after('cardReadingTimeout', 'cardReading'),
  after('cardRejectedNotice', 'cardRejected'),
  after('greeting', 'inSession.flow.greeting'),
  after('takeDocument', 'inSession.flow.takeDocument'),
  after('idleTimeout', 'inSession.idle.watching'),
  after('countdownTick', 'inSession.idle.countdown.ticking'),
  after('endSessionTimeout', 'exiting'),
  after('endSessionTimeout', 'timingOut'),
  after('goodbye', 'goodbye'),
  after('anonymousIdle', 'browsingGuides.watching'),
  after('anonymousIdle', 'checkingIn.watching'),
  actorDone('checkIn'),
  actorDone('guides'),
  actorDone('records', { print: null }),
  actorDone('records', { print: 'social-insurance-contribution' }),
  actorDone('progress'),
  actorDone('queue'),
  actorDone('appointment'),
  actorDone('apply', null),
  actorDone('apply', { caseNumber: '3301000000000777', itemCode: '330100-JD-00133-000' }),
];

const citizenEvents: SessionEvent[] = [
  { type: 'CARD_READING' },
  { type: 'CARD_REJECTED', reason: 'expired' },
  { type: 'SESSION_STARTED', session: citizenSession },
  { type: 'SESSION_ENDED', reason: 'ui-disconnected' },
  { type: 'USER_ACTIVITY' },
  { type: 'CONTINUE' },
  { type: 'SELECT_SERVICE', service: 'social-insurance-contribution' },
  { type: 'OPEN_GUIDES' },
  { type: 'OPEN_RECORDS' },
  { type: 'OPEN_PROGRESS' },
  { type: 'OPEN_APPLY' },
  { type: 'OPEN_QUEUE' },
  { type: 'OPEN_APPOINTMENT' },
  { type: 'APPOINTMENT_SCANNED', appointmentId: 'YY000000000042' },
  { type: 'BACK' },
  { type: 'DONE' },
  { type: 'EXIT' },
  { type: 'MORE_TIME' },
  { type: 'RATE', grade: 5 },
  { type: 'SKIP_RATING' },
  { type: 'JOB', job: jobIn('printing', { pagesPrinted: 0 }) },
  { type: 'JOB', job: jobIn('held', { reason: 'paper-out' }) },
  { type: 'JOB', job: jobIn('completed') },
  { type: 'JOB', job: jobIn('failed', { reason: 'jam' }) },
];

const kioskEvents: SessionEvent[] = [
  { type: 'KIOSK_STATUS', status: workingKiosk },
  { type: 'KIOSK_STATUS', status: kioskWithoutReader },
  { type: 'BRIDGE_UNREACHABLE' },
];

const allEvents = [...kioskEvents, ...citizenEvents, ...actorAndTimerEvents];

/**
 * States differ by where the flow is and what matters for behaviour, not by every byte of context
 * (otherwise each combination of data would be its own state and the graph would explode).
 */
function behaviourOf(state: SessionSnapshot): string {
  const { kiosk, session, service, ratingOutcome, countdownRemaining } = state.context;
  return JSON.stringify([
    state.value,
    kiosk.capabilities.identify,
    kiosk.capabilities.printCertificate,
    session?.id ?? null,
    service,
    // the print journey's screen; what it shows lives in the journey
    state.matches({ inSession: { flow: 'print' } }) ? screenOf(state) : null,
    ratingOutcome,
    countdownRemaining,
  ]);
}

const reachable = getShortestPaths(sessionMachine, {
  events: (state) => [...allEvents, ...printMovesFrom(state)],
  serializeState: behaviourOf,
});
const reachableStates = reachable.map((path) => path.state);
const sessionStates = reachableStates.filter((state) => isIdentified(state));

const next = (state: SessionSnapshot, event: SessionEvent) => transition(sessionMachine, state, event)[0];

/** The session with the print journey up (from the menu, printer working), moved on to show the journey in `print`. */
function sessionShowing(print: PrintSnapshot): SessionSnapshot {
  const inPrintJourney = sessionStates.find(
    (state) =>
      screenOf(state) === 'certificate-preview' &&
      state.matches({ inSession: { idle: 'watching' } }) &&
      state.context.kiosk.capabilities.printCertificate,
  )!;
  return next(inPrintJourney, printShows(print));
}

function hasNoPersonalData(state: SessionSnapshot) {
  const { session, service } = state.context;
  // the preview, the job and its failure are the print journey's: gone when the journey is
  return session === null && service === null && printActorOf(state) === null;
}

describe('session flow, generated paths', () => {
  it('reaches every screen of the journey', () => {
    const screens = new Set(reachableStates.map(screenOf));
    expect([...screens].sort()).toEqual(
      [
        'apply',
        'appointment',
        'attract',
        'card-reading',
        'card-rejected',
        'certificate-preview',
        'error',
        'goodbye',
        'greeting',
        'guides',
        'menu',
        'out-of-service',
        'printing',
        'progress',
        'queue',
        'rating',
        'records',
        'take-document',
      ].sort(),
    );
  });

  it('every simulated actor result and timer is one the machine actually listens for', () => {
    // guards the test itself: a renamed state or invoke id would otherwise silently stop being explored
    for (const event of [...actorAndTimerEvents, ...allPrintMoves]) {
      const moves = reachableStates.some((state) => next(state, event) !== state && screenOrValueChanged(state, next(state, event)));
      expect(moves, event.type).toBe(true);
    }
  });

  it('holds no personal data in any state outside a session', () => {
    const outside = reachableStates.filter((state) => !isIdentified(state));
    expect(outside.length).toBeGreaterThan(5);
    for (const state of outside) expect(hasNoPersonalData(state), JSON.stringify(state.value)).toBe(true);
  });

  it('offers exit on every screen after identification, and exit ends in goodbye then attract with nothing kept', () => {
    expect(sessionStates.length).toBeGreaterThan(20);
    for (const state of sessionStates) {
      expect(state.can({ type: 'EXIT' }), JSON.stringify(state.value)).toBe(true);
      const exiting = next(state, { type: 'EXIT' });
      expect(exiting.value).toBe('exiting');
      expect(screenOf(exiting)).toBe('goodbye');
      expect(hasNoPersonalData(exiting)).toBe(true);
      const goodbye = next(exiting, actorDone('endSession'));
      expect(goodbye.value).toBe('goodbye');
      const attract = next(goodbye, after('goodbye', 'goodbye'));
      expect(attract.value).toBe(waitingScreenFor(state));
      expect(hasNoPersonalData(attract)).toBe(true);
    }
  });

  it('returns to attract with nothing kept whenever the bridge says the session ended', () => {
    for (const state of sessionStates) {
      const ended = next(state, { type: 'SESSION_ENDED', reason: 'timeout' });
      expect(ended.value).toBe(waitingScreenFor(state));
      expect(hasNoPersonalData(ended)).toBe(true);
    }
  });

  it('lets the idle countdown end any non-printing screen, back to attract with nothing kept', () => {
    const watching = sessionStates.filter((state) => state.matches({ inSession: { idle: 'watching' } }));
    expect(new Set(watching.map(screenOf))).toEqual(
      new Set([
        'greeting',
        'menu',
        'guides',
        'records',
        'progress',
        'apply',
        'queue',
        'appointment',
        'certificate-preview',
        'take-document',
        'rating',
        'error',
      ]),
    );
    for (const state of watching) {
      let current = next(state, after('idleTimeout', 'inSession.idle.watching'));
      expect(isCountdownShown(current)).toBe(true);
      for (let tick = 0; tick < workingKiosk.countdownSeconds; tick++) {
        current = next(current, after('countdownTick', 'inSession.idle.countdown.ticking'));
      }
      expect(current.value).toBe('timingOut');
      expect(screenOf(current)).toBe('attract');
      expect(hasNoPersonalData(current)).toBe(true);
      expect(next(current, actorDone('endSession')).value).toBe(waitingScreenFor(state));
    }
  });

  it('never runs the idle timer while a print job is in progress', () => {
    const printing = sessionStates.filter((state) => screenOf(state) === 'printing');
    expect(printing.length).toBeGreaterThan(2);
    for (const state of printing) {
      expect(state.matches({ inSession: { idle: 'suspended' } }), JSON.stringify(state.value)).toBe(true);
    }
  });

  it('keeps waiting, with the held message state, while the printer needs attention', () => {
    const held = printStates.filter((state) => state.matches({ printing: { tracking: 'held' } }));
    expect(held.length).toBeGreaterThan(0);
    for (const state of held) {
      expect(state.context.job?.state).toBe('held');
      // the session keeps the printing screen up, its idle timer paused
      const shown = sessionShowing(state);
      expect(screenOf(shown)).toBe('printing');
      expect(shown.matches({ inSession: { idle: 'suspended' } })).toBe(true);
      const resumed = nextPrint(state, { type: 'JOB', job: jobIn('printing', { pagesPrinted: 0 }) });
      expect(resumed.matches({ printing: { tracking: 'active' } })).toBe(true);
    }
  });

  it('every way to print a certificate goes on to the rating and then goodbye', () => {
    // Simple paths over the citizen's forward actions and every actor/printer outcome (the kiosk stays
    // healthy and nobody idles away or leaves; those are covered state by state above).
    // (a bad grade's indicators are walked on their own below; here one good grade keeps paths few)
    // (the print journey's own outcomes, screen by screen, come from its graph: printMovesFrom)
    const forward = new Set(['SESSION_STARTED', 'CONTINUE', 'SELECT_SERVICE', 'DONE', 'RATE', 'SKIP_RATING']);
    const journeyEvents = allEvents.filter(
      (event) =>
        (forward.has(event.type) && !(event.type === 'RATE' && event.grade <= 2)) ||
        /^xstate\.(done|error)\.actor\.submitRating$/.test(event.type) ||
        (event.type as string) === 'xstate.done.actor.endSession' ||
        /^xstate\.after\.(greeting|takeDocument)\./.test(event.type),
    );
    const start = next(initialTransition(sessionMachine)[0], { type: 'KIOSK_STATUS', status: workingKiosk });
    const paths = getSimplePaths(sessionMachine, {
      events: (state) => [...journeyEvents, ...printMovesFrom(state)],
      // states differ by where the flow is (the print journey's screen too) and what the rating did, not by the data shown
      serializeState: (state) => JSON.stringify([state.value, screenOf(state), state.context.ratingOutcome]),
      fromState: start,
      toState: (state) => state.matches('goodbye'),
    }).filter((path) => path.state.matches('goodbye'));
    const printPaths = paths.filter((path) => path.steps.some((step) => screenOf(step.state) === 'printing'));
    expect(printPaths.length).toBeGreaterThan(3);
    for (const path of printPaths) {
      const screens = collapse(path.steps.map((step) => screenOf(step.state)));
      // whatever went wrong before (a failed preview or job sends the citizen back to the menu),
      // the print that reached goodbye went through "take your document" and the rating
      expect(screens.slice(screens.lastIndexOf('printing'))).toEqual(['printing', 'take-document', 'rating', 'goodbye']);
    }
  });

  it('shows only services that work now: no printer, no certificate to choose', () => {
    const menu = next(
      next(next(initialTransition(sessionMachine)[0], { type: 'KIOSK_STATUS', status: kioskWithoutPrinter }), {
        type: 'SESSION_STARTED',
        session: citizenSession,
      }),
      { type: 'CONTINUE' },
    );
    expect(screenOf(menu)).toBe('menu');
    expect(menu.can({ type: 'SELECT_SERVICE', service: 'social-insurance-contribution' })).toBe(false);
  });

  it('shows out-of-service when nobody can be identified, and attract again when the reader returns', () => {
    const initial = initialTransition(sessionMachine)[0];
    expect(screenOf(initial)).toBe('attract');
    const down = next(initial, { type: 'KIOSK_STATUS', status: kioskWithoutReader });
    expect(screenOf(down)).toBe('out-of-service');
    expect(screenOf(next(down, { type: 'KIOSK_STATUS', status: workingKiosk }))).toBe('attract');
    expect(screenOf(next(initial, { type: 'BRIDGE_UNREACHABLE' }))).toBe('out-of-service');
  });

  it('a new card replacing the session starts over with the new citizen and nothing of the old one', () => {
    const inPreview = sessionStates.find((state) => screenOf(state) === 'certificate-preview');
    expect(inPreview).toBeDefined();
    // the preview is the print journey's
    expect(printActorOf(inPreview!)).not.toBeNull();
    const replaced = next(inPreview!, { type: 'SESSION_STARTED', session: otherCitizenSession });
    expect(screenOf(replaced)).toBe('greeting');
    expect(replaced.context.session?.maskedName).toBe('李*');
    expect(printActorOf(replaced)).toBeNull();
  });
});

/** where a kiosk goes when a session is over: attract, or out-of-service if the reader failed meanwhile */
function waitingScreenFor(state: SessionSnapshot) {
  return state.context.kiosk.capabilities.identify ? 'attract' : 'outOfService';
}

function screenOrValueChanged(before: SessionSnapshot, after: SessionSnapshot) {
  return JSON.stringify(before.value) !== JSON.stringify(after.value) || before.context !== after.context;
}

/** consecutive steps on the same screen count once */
function collapse(screens: string[]) {
  return screens.filter((screen, index) => screen !== screens[index - 1]);
}

// ---------------------------------------------------------------------------------------------
// Interpreted runs: the real timers on a simulated clock, actors as deterministic fakes.
// ---------------------------------------------------------------------------------------------

function startKiosk() {
  const clock = new SimulatedClock();
  const endedWith: string[] = [];
  const ratings: RatingRequest[] = [];
  const machine = sessionMachine.provide({
    actors: {
      print: printMachine.provide({
        actors: {
          loadPreview: fromPromise(async () => contributionPreview),
          submitPrint: fromPromise(async () => jobIn('queued')),
          reprint: fromPromise(async () => reprintedJob),
          watchPrintJob: fromCallback(() => () => undefined),
        },
      }),
      submitRating: fromPromise(async ({ input }: { input: RatingRequest }) => {
        ratings.push(input);
        return { id: 'rating-1' };
      }),
      endSession: fromPromise(async ({ input }: { input: { reason: 'exit' | 'timeout' } }) => {
        endedWith.push(input.reason);
      }),
    },
  });
  const actor = createActor(machine, { clock });
  actor.start();
  actor.send({ type: 'KIOSK_STATUS', status: { ...workingKiosk, idleTimeoutSeconds: 120, countdownSeconds: 20 } });
  const screen = () => screenOf(actor.getSnapshot());
  // SimulatedClock starts a timer set during a jump at the jump's end, so chained one-second
  // countdown ticks need the time to pass in small steps, as it does for real.
  const elapse = (ms: number) => {
    for (let passed = 0; passed < ms; passed += 500) clock.increment(Math.min(500, ms - passed));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  // the print journey's screens talk to the journey, as the other journeys' do
  const print = (event: PrintEvent) => printActorOf(actor.getSnapshot())!.send(event);
  return { elapse, actor, screen, settle, print, endedWith, ratings };
}

async function signInToMenu(kiosk: ReturnType<typeof startKiosk>) {
  // under 60: the timings below are the usual pace (care mode's own are checked in visit-settings.test.ts)
  kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
  expect(kiosk.screen()).toBe('greeting');
  kiosk.elapse(2_000);
  expect(kiosk.screen()).toBe('menu');
}

/** signs in, picks the social insurance certificate and prints one copy: the print journey is now waiting for its job */
async function printOneCopyFromMenu(kiosk: ReturnType<typeof startKiosk>) {
  await signInToMenu(kiosk);
  kiosk.actor.send({ type: 'SELECT_SERVICE', service: 'social-insurance-contribution' });
  await kiosk.settle();
  kiosk.print({ type: 'PRINT' });
  kiosk.print({ type: 'PRINT_COPIES', copies: 1 });
  await kiosk.settle();
}

describe('session flow, on a simulated clock', () => {
  it('shows the countdown after 120 s without input, counts down from 20 and ends the session at 0', async () => {
    const kiosk = startKiosk();
    await signInToMenu(kiosk);
    // each step starts its own idle limit: the menu's 120 s run from when the menu appeared
    kiosk.elapse(119_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
    expect(kiosk.actor.getSnapshot().context.countdownRemaining).toBe(20);
    kiosk.elapse(5_000);
    expect(kiosk.actor.getSnapshot().context.countdownRemaining).toBe(15);
    kiosk.elapse(15_000);
    expect(kiosk.screen()).toBe('attract');
    await kiosk.settle();
    expect(kiosk.endedWith).toEqual(['timeout']);
    expect(kiosk.actor.getSnapshot().value).toBe('attract');
    expect(kiosk.actor.getSnapshot().context.session).toBeNull();
  });

  it('"more time" closes the countdown and gives the full idle time again', () => {
    const kiosk = startKiosk();
    void signInToMenu(kiosk);
    kiosk.elapse(125_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
    kiosk.actor.send({ type: 'MORE_TIME' });
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(119_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    expect(kiosk.screen()).toBe('menu');
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
  });

  it('any touch restarts the idle timer', () => {
    const kiosk = startKiosk();
    void signInToMenu(kiosk);
    kiosk.elapse(100_000);
    kiosk.actor.send({ type: 'USER_ACTIVITY' });
    kiosk.elapse(100_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(20_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
  });

  it('a long print (printer out of paper for 10 minutes) is not cut off by the idle timeout', async () => {
    const kiosk = startKiosk();
    await printOneCopyFromMenu(kiosk);
    kiosk.actor.send({ type: 'JOB', job: jobIn('held', { reason: 'paper-out' }) });
    kiosk.elapse(600_000);
    expect(kiosk.screen()).toBe('printing');
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.actor.send({ type: 'JOB', job: jobIn('completed') });
    expect(kiosk.screen()).toBe('take-document');
    // the idle timer runs again once the paper is out
    kiosk.elapse(15_000);
    expect(kiosk.screen()).toBe('rating');
    kiosk.actor.send({ type: 'RATE', grade: 4 });
    await kiosk.settle();
    expect(kiosk.ratings).toEqual([{ grade: 4, indicators: [], serviceCode: '330000-SB-001', caseId: 'SB2025000001' }]);
    expect(kiosk.screen()).toBe('goodbye');
    await kiosk.settle();
    expect(kiosk.endedWith).toEqual(['exit']);
    expect(kiosk.actor.getSnapshot().context.ratingOutcome).toBe('saved');
    kiosk.elapse(5_000);
    expect(kiosk.screen()).toBe('attract');
  });

  it('a rejected card shows its reason, then attract again', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'CARD_READING' });
    expect(kiosk.screen()).toBe('card-reading');
    kiosk.actor.send({ type: 'CARD_REJECTED', reason: 'expired' });
    expect(kiosk.screen()).toBe('card-rejected');
    expect(kiosk.actor.getSnapshot().context.rejection).toBe('expired');
    kiosk.elapse(12_000);
    expect(kiosk.screen()).toBe('attract');
    expect(kiosk.actor.getSnapshot().context.rejection).toBeNull();
  });
});

describe('rating (好差评), generated paths', () => {
  const ratingStates = sessionStates.filter((state) => screenOf(state) === 'rating');

  it('never starts with a grade chosen for the citizen', () => {
    expect(ratingStates.length).toBeGreaterThan(0);
    const fresh = ratingStates.filter((state) => state.matches({ inSession: { flow: { rating: 'choosing' } } }));
    expect(fresh.length).toBeGreaterThan(0);
    for (const state of fresh) expect(state.context.rating).toEqual({ grade: null, indicators: [] });
  });

  it('a bad grade is sent only with at least one indicator, a good one at once without any', () => {
    const choosing = ratingStates.find((state) => state.matches({ inSession: { flow: { rating: 'choosing' } } }))!;
    const good = next(choosing, { type: 'RATE', grade: 4 });
    expect(good.matches({ inSession: { flow: { rating: 'saving' } } })).toBe(true);
    for (const grade of [1, 2] as const) {
      const bad = next(choosing, { type: 'RATE', grade });
      expect(bad.matches({ inSession: { flow: { rating: 'explaining' } } })).toBe(true);
      expect(bad.can({ type: 'SUBMIT_RATING' })).toBe(false);
      const explained = next(bad, { type: 'TOGGLE_INDICATOR', indicator: 'guide-accuracy' });
      expect(explained.context.rating).toEqual({ grade, indicators: ['guide-accuracy'] });
      // toggling it off again leaves nothing to send
      expect(next(explained, { type: 'TOGGLE_INDICATOR', indicator: 'guide-accuracy' }).can({ type: 'SUBMIT_RATING' })).toBe(false);
      expect(next(explained, { type: 'SUBMIT_RATING' }).matches({ inSession: { flow: { rating: 'saving' } } })).toBe(true);
      // changing one's mind goes back to an empty choice
      expect(next(explained, { type: 'BACK' }).context.rating).toEqual({ grade: null, indicators: [] });
    }
  });

  it('skipping is possible wherever a choice is still open, and not while the rating is being sent', () => {
    for (const state of ratingStates) {
      const sending = state.matches({ inSession: { flow: { rating: 'saving' } } });
      const skipped = next(state, { type: 'SKIP_RATING' });
      expect(skipped.matches('exiting'), JSON.stringify(state.value)).toBe(!sending);
    }
  });
});

describe('rating on a simulated clock', () => {
  it('非常不满意 with two indicators reaches the bridge with those indicators', async () => {
    const kiosk = startKiosk();
    await printOneCopyFromMenu(kiosk);
    kiosk.actor.send({ type: 'JOB', job: jobIn('completed') });
    kiosk.actor.send({ type: 'DONE' });
    expect(kiosk.screen()).toBe('rating');
    kiosk.actor.send({ type: 'RATE', grade: 1 });
    kiosk.actor.send({ type: 'TOGGLE_INDICATOR', indicator: 'efficiency' });
    kiosk.actor.send({ type: 'TOGGLE_INDICATOR', indicator: 'operability' });
    kiosk.actor.send({ type: 'SUBMIT_RATING' });
    await kiosk.settle();
    expect(kiosk.ratings).toEqual([
      { grade: 1, indicators: ['efficiency', 'operability'], serviceCode: '330000-SB-001', caseId: 'SB2025000001' },
    ]);
    expect(kiosk.screen()).toBe('goodbye');
  });

  it('each step has its own idle limit: the rating gives up sooner than the preview', async () => {
    const kiosk = startKiosk();
    await signInToMenu(kiosk);
    kiosk.actor.send({ type: 'SELECT_SERVICE', service: 'social-insurance-contribution' });
    await kiosk.settle();
    expect(kiosk.screen()).toBe('certificate-preview');
    // preview: 1.5 × 120 s
    kiosk.elapse(179_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
    kiosk.actor.send({ type: 'MORE_TIME' });
    kiosk.print({ type: 'PRINT' });
    kiosk.print({ type: 'PRINT_COPIES', copies: 1 });
    await kiosk.settle();
    kiosk.actor.send({ type: 'JOB', job: jobIn('completed') });
    kiosk.actor.send({ type: 'DONE' });
    expect(kiosk.screen()).toBe('rating');
    // rating: 0.5 × 120 s
    kiosk.elapse(59_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
  });
});

describe('journeys started from the menu', () => {
  const menu = sessionStates.find((state) => screenOf(state) === 'menu' && state.context.kiosk.capabilities.printCertificate)!;

  it('records: closing returns to the menu; "print this" opens that certificate\'s preview', () => {
    const records = next(menu, { type: 'OPEN_RECORDS' });
    expect(screenOf(records)).toBe('records');
    expect(screenOf(next(records, actorDone('records', { print: null })))).toBe('menu');
    const preview = next(records, actorDone('records', { print: 'social-insurance-contribution' }));
    expect(screenOf(preview)).toBe('certificate-preview');
    expect(preview.context.service).toBe('social-insurance-contribution');
  });

  it('records: "print this" with the printer down goes back to the menu, where the reason is shown', () => {
    const noPrinter = next(menu, { type: 'KIOSK_STATUS', status: kioskWithoutPrinter });
    const records = next(noPrinter, { type: 'OPEN_RECORDS' });
    expect(screenOf(next(records, actorDone('records', { print: 'social-insurance-contribution' })))).toBe('menu');
  });

  it('progress, queue and guides return to the menu when closed', () => {
    expect(screenOf(next(next(menu, { type: 'OPEN_QUEUE' }), actorDone('queue')))).toBe('menu');
    expect(screenOf(next(next(menu, { type: 'OPEN_APPOINTMENT' }), actorDone('appointment')))).toBe('menu');
    expect(screenOf(next(next(menu, { type: 'OPEN_PROGRESS' }), actorDone('progress')))).toBe('menu');
    expect(screenOf(next(next(menu, { type: 'OPEN_GUIDES' }), actorDone('guides')))).toBe('menu');
  });
});

describe('apply from the menu', () => {
  const menu = sessionStates.find((state) => screenOf(state) === 'menu')!;

  it('a submitted application goes on to rate that case; leaving without one returns to the menu', () => {
    const apply = next(menu, { type: 'OPEN_APPLY' });
    expect(screenOf(apply)).toBe('apply');
    expect(screenOf(next(apply, actorDone('apply', null)))).toBe('menu');
    const rating = next(apply, actorDone('apply', { caseNumber: '3301000000000777', itemCode: '330100-JD-00133-000' }));
    expect(screenOf(rating)).toBe('rating');
    expect(rating.context.ratingCase).toEqual({ serviceCode: '330100-JD-00133-000', caseId: '3301000000000777' });
    expect(rating.context.rating).toEqual({ grade: null, indicators: [] });
  });
});

describe('print: copies and one reprint', () => {
  it('asks how many copies after the preview, and sends that number', async () => {
    const copiesStates = printStates.filter((state) => state.matches({ preview: 'copies' }) && state.context.printerWorks);
    expect(copiesStates.length).toBeGreaterThan(0);
    for (const state of copiesStates) {
      const printing = nextPrint(state, { type: 'PRINT_COPIES', copies: 2 });
      expect(screenOf(sessionShowing(printing))).toBe('printing');
      expect(printing.context.copies).toBe(2);
      expect(nextPrint(state, { type: 'PRINT_COPIES', copies: 9 }).context.copies).toBe(3);
    }
  });

  /** every reachable state of the print journey that follows the first print job while the printer works */
  const trackingFirstJob = () => {
    const tracking = printStates.filter(
      (state) => state.matches({ printing: 'tracking' }) && state.context.printerWorks && state.context.job?.id === 'job-1',
    );
    expect(tracking.length).toBeGreaterThan(0);
    return tracking;
  };

  it('a failed job can be printed again once, only while the printer works; paper-out says so', async () => {
    const tracking = trackingFirstJob();
    for (const state of tracking) {
      const paperOut = nextPrint(state, { type: 'JOB', job: jobIn('failed', { reason: 'paper-out' }) });
      expect(screenOf(sessionShowing(paperOut))).toBe('error');
      expect(paperOut.context.failure).toBe('print-paper-out');
      expect(paperOut.can({ type: 'REPRINT' })).toBe(true);
      // the printer went down meanwhile: no reprint offered
      expect(nextPrint(paperOut, { type: 'PRINTER', works: false }).can({ type: 'REPRINT' })).toBe(false);
      const reprinting = nextPrint(paperOut, { type: 'REPRINT' });
      expect(reprinting.matches({ printing: 'reprinting' })).toBe(true);
      const again = nextPrint(reprinting, printActorDone('reprint', reprintedJob));
      expect(again.context.job?.reprintOf).toBe('job-1');
      const failedAgain = nextPrint(again, { type: 'JOB', job: jobIn('failed', { id: 'job-2', reprintOf: 'job-1', reason: 'jam' }) });
      expect(screenOf(sessionShowing(failedAgain))).toBe('error');
      expect(failedAgain.can({ type: 'REPRINT' })).toBe(false);
    }
    // the session tells the journey when health says the printer went down
    const kiosk = startKiosk();
    await printOneCopyFromMenu(kiosk);
    kiosk.actor.send({ type: 'JOB', job: jobIn('failed', { reason: 'paper-out' }) });
    expect(kiosk.screen()).toBe('error');
    const journey = () => printActorOf(kiosk.actor.getSnapshot())!.getSnapshot();
    expect(journey().can({ type: 'REPRINT' })).toBe(true);
    kiosk.actor.send({ type: 'KIOSK_STATUS', status: kioskWithoutPrinter });
    expect(journey().can({ type: 'REPRINT' })).toBe(false);
  });

  it('a job cancelled at the printer says so and is not offered again', () => {
    const tracking = trackingFirstJob();
    for (const state of tracking) {
      const cancelled = nextPrint(state, { type: 'JOB', job: jobIn('cancelled', { reason: 'cancelled' }) });
      expect(screenOf(sessionShowing(cancelled))).toBe('error');
      expect(cancelled.context.failure).toBe('print-cancelled');
      expect(cancelled.can({ type: 'REPRINT' })).toBe(false);
    }
  });
});

describe('预约签到 from the attract screen', () => {
  const atAttract = () =>
    transition(sessionMachine, initialTransition(sessionMachine)[0], { type: 'KIOSK_STATUS', status: workingKiosk })[0];

  it('an appointment scan on attract opens the check-in on the appointment screen, without a session', () => {
    const scanned = transition(sessionMachine, atAttract(), { type: 'APPOINTMENT_SCANNED', appointmentId: 'YY000000000042' })[0];
    expect(scanned.matches('checkingIn')).toBe(true);
    expect(screenOf(scanned)).toBe('appointment');
    expect(isIdentified(scanned)).toBe(false);
    expect(scanned.context.session).toBeNull();
    // done, or left untouched: back to attract for the next person
    expect(transition(sessionMachine, scanned, actorDone('checkIn'))[0].matches('attract')).toBe(true);
    expect(transition(sessionMachine, scanned, after('anonymousIdle', 'checkingIn.watching'))[0].matches('attract')).toBe(true);
    // a card placed meanwhile starts the session as usual
    expect(transition(sessionMachine, scanned, { type: 'SESSION_STARTED', session: citizenSession })[0].matches('inSession')).toBe(true);
  });

  it('a scan during a citizen session does not take the screen away from them', () => {
    const inSession = transition(sessionMachine, atAttract(), { type: 'SESSION_STARTED', session: citizenSession })[0];
    const scanned = transition(sessionMachine, inSession, { type: 'APPOINTMENT_SCANNED', appointmentId: 'YY000000000042' })[0];
    expect(scanned.matches('inSession')).toBe(true);
    expect(screenOf(scanned)).toBe(screenOf(inSession));
  });
});
