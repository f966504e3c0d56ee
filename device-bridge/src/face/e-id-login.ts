import type { EventBus } from '../events/event-bus.ts';
import type { EventLogger } from '../log/logger.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { cardRejection } from '../session/card-admission.ts';
import type { SessionHolder } from '../session/session-holder.ts';
import type { Clock } from '../time/clock.ts';
import type { EIdVerifier } from './e-id-verifier.ts';
import type { FaceCheck } from './face-check.ts';

export type EIdLoginOutcome = 'opened' | 'rejected' | 'unavailable' | 'ignored';

/**
 * 网证 login: a mobile e-ID code scanned while nobody is being served goes to the verifier, and the
 * identity it vouches for opens the session, as a card on the reader would (the same checks: a
 * valid GB 11643 number, not expired). The verifier's check is the session's 实人 verification, so
 * no face check follows. A code the verifier refuses, or a verifier that cannot be reached, is said
 * on the screen (card-rejected) so the citizen is not left waiting.
 */
export function createEIdLogin(deps: {
  verifier: EIdVerifier | null;
  sessions: SessionHolder;
  faceCheck: Pick<FaceCheck, 'recordLogin'>;
  bus: EventBus;
  logger: EventLogger;
  clock: Pick<Clock, 'now'>;
}) {
  const { verifier, sessions, bus, logger, clock } = deps;
  let checking = false;
  return {
    /** whether an e-ID login can be offered at all (a verifier is plugged in) */
    configured: verifier !== null,
    async login(token: string): Promise<EIdLoginOutcome> {
      // one code at a time; a card already on the reader wins
      if (!verifier || checking || sessions.current()) return 'ignored';
      checking = true;
      try {
        let identity;
        try {
          identity = await verifier.identify(token);
        } catch (error) {
          logger.log('e-id-unavailable', { message: (error as Error).message });
          bus.publish({ type: 'card-rejected', reason: 'e-id-unavailable' });
          return 'unavailable';
        }
        if (!identity) {
          logger.log('e-id-rejected', { login: true });
          bus.publish({ type: 'card-rejected', reason: 'e-id-rejected' });
          return 'rejected';
        }
        if (sessions.current()) return 'ignored';
        const rejection = cardRejection(identity, clock.now());
        if (rejection) {
          logger.log('card-rejected', { reason: rejection, idNumber: maskIdNumber(identity.idNumber), source: 'e-id' });
          bus.publish({ type: 'card-rejected', reason: rejection });
          return 'rejected';
        }
        logger.log('e-id-login', { idNumber: maskIdNumber(identity.idNumber) });
        sessions.open(identity);
        deps.faceCheck.recordLogin('e-id');
        return 'opened';
      } finally {
        checking = false;
      }
    },
  };
}

export type EIdLogin = ReturnType<typeof createEIdLogin>;
