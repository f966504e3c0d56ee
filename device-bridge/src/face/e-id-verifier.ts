import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks a mobile e-ID login code (网证 / CTID QR shown on the citizen's phone, scanned at the kiosk)
 * against the identity on the card. The real check is the national network identity service
 * (公安部第一研究所 CTID), reached through the platform; this build has no client for it, so on a
 * kiosk with real devices the e-ID alternative is not offered. Simulation has a stand-in whose
 * codes are derived from the ID number, so the dev panel and tests can "show" a valid one.
 */
export interface EIdVerifier {
  verify(token: string, idNumber: string): Promise<'match' | 'mismatch'>;
}

/** The code a simulated citizen's phone would show (base64url, 32 characters). */
export function simulatedEIdToken(idNumber: string): string {
  return createHash('sha256').update(`tongban-simulated-e-id:${idNumber}`).digest('base64url').slice(0, 32);
}

export function createSimulatedEIdVerifier(): EIdVerifier {
  return {
    async verify(token, idNumber) {
      const expected = Buffer.from(simulatedEIdToken(idNumber));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected) ? 'match' : 'mismatch';
    },
  };
}
