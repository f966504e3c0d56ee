import { describe, expect, it } from 'vitest';
import type { CardIdentity, KioskEvent, VerificationMethod } from '../api/index.ts';
import { createEventBus } from '../events/event-bus.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { fixtureCitizen, fixtureCitizens } from '../platform/embedded/fixtures.ts';
import { createSessionHolder } from '../session/session-holder.ts';
import { systemClock } from '../time/clock.ts';
import { createEIdLogin } from './e-id-login.ts';
import { createSimulatedEIdVerifier, simulatedEIdToken, type EIdVerifier } from './e-id-verifier.ts';

function kiosk(verifier: EIdVerifier | null = createSimulatedEIdVerifier(fixtureCitizens)) {
  const bus = createEventBus();
  const events: KioskEvent[] = [];
  bus.subscribe((event) => events.push(event));
  let n = 0;
  const sessions = createSessionHolder({
    clock: systemClock,
    newId: () => `s${++n}`,
    onStarted: (session) => bus.publish({ type: 'session-started', session }),
    onEnded: (reason) => bus.publish({ type: 'session-ended', reason }),
  });
  const recorded: VerificationMethod[] = [];
  const logger = createMemoryLogger();
  const login = createEIdLogin({
    verifier,
    sessions,
    faceCheck: { recordLogin: (method) => void recorded.push(method) },
    bus,
    logger,
    clock: systemClock,
  });
  return { login, sessions, events, recorded, logger };
}

describe('网证 login on the attract screen', () => {
  it('a valid code opens the session for the citizen the verifier names, verified by e-ID', async () => {
    const { login, sessions, events, recorded, logger } = kiosk();
    const card = fixtureCitizen('li-na').card;
    expect(await login.login(simulatedEIdToken(card.idNumber))).toBe('opened');
    expect(sessions.current()?.identity.idNumber).toBe(card.idNumber);
    expect(sessions.current()?.photo).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['session-started']);
    expect(recorded).toEqual(['e-id']);
    expect(logger.lines.join('\n')).not.toContain(card.idNumber);
  });

  it('a code the verifier refuses, or a verifier that cannot be asked, is said on screen and opens nothing', async () => {
    const refused = kiosk();
    expect(await refused.login.login('Z'.repeat(32))).toBe('rejected');
    expect(refused.events).toEqual([{ type: 'card-rejected', reason: 'e-id-rejected' }]);
    const down = kiosk({ identify: async () => Promise.reject(new Error('CTID service unreachable')) });
    expect(await down.login.login('Z'.repeat(32))).toBe('unavailable');
    expect(down.events).toEqual([{ type: 'card-rejected', reason: 'e-id-unavailable' }]);
    expect(refused.sessions.current()).toBeNull();
    expect(down.sessions.current()).toBeNull();
  });

  it('the same checks as a card: an expired identity does not open a session', async () => {
    const expired: CardIdentity = { ...fixtureCitizen('zhang-wei').card, validTo: '20200101' };
    const { login, events, sessions } = kiosk({ identify: async () => expired });
    expect(await login.login('Z'.repeat(32))).toBe('rejected');
    expect(events).toEqual([{ type: 'card-rejected', reason: 'expired' }]);
    expect(sessions.current()).toBeNull();
  });

  it('does nothing while someone is being served, or with no verifier plugged in', async () => {
    const { login, sessions } = kiosk();
    sessions.open(fixtureCitizen('zhang-wei').card);
    expect(await login.login(simulatedEIdToken(fixtureCitizen('li-na').card.idNumber))).toBe('ignored');
    expect(sessions.current()?.identity.name).toBe('张伟');
    const none = kiosk(null);
    expect(none.login.configured).toBe(false);
    expect(await none.login.login(simulatedEIdToken(fixtureCitizen('li-na').card.idNumber))).toBe('ignored');
  });
});
