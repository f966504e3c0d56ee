import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { citizenSession, citizenUnder60Session, otherCitizenSession, workingKiosk } from './session.fixtures.ts';
import { sessionMachine } from './session.machine.ts';
import { isCountdownShown, screenOf } from './session.screens.ts';
import { defaultVisitSettings, displayModeOf } from './visit-settings.ts';

function startKiosk() {
  const clock = new SimulatedClock();
  const actor = createActor(
    sessionMachine.provide({
      actors: { endSession: fromPromise(async () => {}) },
    }),
    { clock },
  );
  const visitsEnded: number[] = [];
  actor.on('visit-ended', () => visitsEnded.push(clock.now()));
  actor.start();
  actor.send({ type: 'KIOSK_STATUS', status: { ...workingKiosk, countdownSeconds: 20 } });
  const visit = () => actor.getSnapshot().context.visit;
  const screen = () => screenOf(actor.getSnapshot());
  const elapse = (ms: number) => {
    for (let passed = 0; passed < ms; passed += 500) clock.increment(Math.min(500, ms - passed));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { actor, visit, screen, elapse, settle, visitsEnded };
}

describe('visit settings: language, display mode and help', () => {
  it('stay with the citizen through the goodbye, and the next person starts from the defaults', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'SET_ELDER', elder: true });
    kiosk.actor.send({ type: 'SET_HIGH_CONTRAST', highContrast: true });
    kiosk.actor.send({ type: 'OPEN_HELP' });
    const chosen = { language: 'en', elderChoice: true, highContrast: true, helpOpen: true };
    expect(kiosk.visit()).toMatchObject(chosen);
    kiosk.actor.send({ type: 'EXIT' });
    expect(kiosk.screen()).toBe('goodbye');
    await kiosk.settle();
    expect(kiosk.actor.getSnapshot().value).toBe('goodbye');
    expect(kiosk.visit()).toMatchObject(chosen);
    expect(kiosk.visitsEnded).toEqual([]);
    kiosk.actor.send({ type: 'DONE' });
    expect(kiosk.screen()).toBe('attract');
    expect(kiosk.visit()).toEqual(defaultVisitSettings);
    expect(kiosk.visitsEnded).toHaveLength(1);
  });

  it('are reset at once when nobody answers the countdown', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'OPEN_HELP' });
    kiosk.elapse(2_000 + 120_000 + 20_000);
    expect(kiosk.actor.getSnapshot().value).toBe('timingOut');
    expect(kiosk.visit()).toEqual(defaultVisitSettings);
    expect(kiosk.visitsEnded).toHaveLength(1);
  });

  it('are reset when the session ends at the bridge, or the next card is read straight after a goodbye', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'SESSION_ENDED', reason: 'timeout' });
    expect(kiosk.visit()).toEqual(defaultVisitSettings);
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.actor.send({ type: 'SET_HIGH_CONTRAST', highContrast: true });
    kiosk.actor.send({ type: 'EXIT' });
    await kiosk.settle();
    kiosk.actor.send({ type: 'CARD_READING' });
    expect(kiosk.screen()).toBe('card-reading');
    expect(kiosk.visit()).toEqual(defaultVisitSettings);
    expect(kiosk.visitsEnded).toHaveLength(2);
  });

  it('a card swapped mid-visit, or placed during a goodbye, is another citizen: the defaults again', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'SESSION_STARTED', session: { ...otherCitizenSession, elder: false } });
    expect(kiosk.screen()).toBe('greeting');
    expect(kiosk.visit()).toEqual({ ...defaultVisitSettings, servedSession: otherCitizenSession.id });
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'EXIT' });
    await kiosk.settle();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    expect(kiosk.visit()).toEqual({ ...defaultVisitSettings, servedSession: citizenUnder60Session.id });
    expect(kiosk.visitsEnded).toHaveLength(2);
    // the same session again (the UI reconnected) is the same citizen
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'SESSION_SYNC', session: citizenUnder60Session });
    expect(kiosk.visit().language).toBe('en');
  });

  it('what someone sets before identifying carries into their session; if they never identify it stays', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SET_LANGUAGE', language: 'en' });
    kiosk.actor.send({ type: 'OPEN_GUIDES' });
    expect(kiosk.screen()).toBe('guides');
    // left untouched: back to attract for the next person, who sees what was chosen
    kiosk.elapse(90_000);
    expect(kiosk.screen()).toBe('attract');
    expect(kiosk.visit().language).toBe('en');
    expect(kiosk.visitsEnded).toEqual([]);
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    expect(kiosk.visit().language).toBe('en');
  });

  it('care mode follows the citizen’s age, stays through their goodbye, and the switch overrides it', async () => {
    const kiosk = startKiosk();
    expect(displayModeOf(kiosk.visit()).elder).toBe(false);
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenSession });
    expect(displayModeOf(kiosk.visit()).elder).toBe(true);
    kiosk.actor.send({ type: 'EXIT' });
    await kiosk.settle();
    expect(kiosk.screen()).toBe('goodbye');
    expect(displayModeOf(kiosk.visit()).elder).toBe(true);
    kiosk.actor.send({ type: 'DONE' });
    expect(displayModeOf(kiosk.visit()).elder).toBe(false);
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenSession });
    kiosk.actor.send({ type: 'SET_ELDER', elder: false });
    expect(displayModeOf(kiosk.visit()).elder).toBe(false);
  });
});

describe('care mode paces the flow', () => {
  it('chosen before the card: the greeting takes 3 s, the menu’s idle limit 180 s', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SET_ELDER', elder: true });
    expect(kiosk.actor.getSnapshot().context.pacing).toBe(1.5);
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.elapse(2_500);
    expect(kiosk.screen()).toBe('greeting');
    kiosk.elapse(500);
    expect(kiosk.screen()).toBe('menu');
    kiosk.elapse(179_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
  });

  it('switched on mid-visit: the idle limit starts again at the slower pace', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenUnder60Session });
    kiosk.elapse(2_000);
    expect(kiosk.screen()).toBe('menu');
    kiosk.elapse(100_000);
    kiosk.actor.send({ type: 'SET_ELDER', elder: true });
    kiosk.elapse(179_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
  });

  it('from the citizen’s age: the idle limit is the slower one from the greeting on; the greeting already running keeps its 2 s', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenSession });
    expect(kiosk.actor.getSnapshot().context.pacing).toBe(1.5);
    kiosk.elapse(2_000);
    expect(kiosk.screen()).toBe('menu');
    kiosk.elapse(179_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(false);
    kiosk.elapse(1_000);
    expect(isCountdownShown(kiosk.actor.getSnapshot())).toBe(true);
  });

  it('back to the usual pace for the next person', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION_STARTED', session: citizenSession });
    kiosk.actor.send({ type: 'EXIT' });
    await kiosk.settle();
    expect(kiosk.actor.getSnapshot().context.pacing).toBe(1.5);
    kiosk.actor.send({ type: 'DONE' });
    expect(kiosk.actor.getSnapshot().context.pacing).toBe(1);
  });
});
