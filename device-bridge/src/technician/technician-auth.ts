import { randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../time/clock.ts';
import type { AuditLog } from './audit-log.ts';
import { defaultLockoutPolicy, type LockoutPolicy, type LockoutStore } from './lockout.ts';
import { verifyPin, type StoredPin } from './pin-hash.ts';

export type LoginResult =
  | { kind: 'ok'; token: string; inactivitySeconds: number }
  | { kind: 'wrong-pin'; attemptsBeforeLockout: number; lockedUntil: Date | null }
  | { kind: 'locked-out'; lockedUntil: Date }
  | { kind: 'not-set-up' };

export interface TechnicianAuthOptions {
  clock: Clock;
  lockout: LockoutStore;
  audit: AuditLog;
  /** the PIN record as it is now (re-read on every login, so `doctor set-pin` needs no restart) */
  storedPin: () => StoredPin | null;
  pepper: Buffer;
  policy?: LockoutPolicy;
  /** technician session ends after this long without a request */
  inactivitySeconds: number;
  randomBytes?: (n: number) => Buffer;
  onLogin?: (outcome: 'success' | 'wrong-pin' | 'locked-out') => void;
}

/**
 * PIN login with escalating, persisted lockout, and ONE technician session at a time with its own
 * inactivity timeout (separate from the citizen's). The token is random and lives in memory only:
 * a bridge restart logs the technician out.
 */
export function createTechnicianAuth(options: TechnicianAuthOptions) {
  const { clock, lockout, audit } = options;
  const policy = options.policy ?? defaultLockoutPolicy;
  const random = options.randomBytes ?? nodeRandomBytes;
  let session: { token: Buffer; lastSeen: number } | null = null;

  const expired = () => session !== null && clock.now().getTime() - session.lastSeen > options.inactivitySeconds * 1000;

  return {
    async login(pin: string): Promise<LoginResult> {
      const stored = options.storedPin();
      if (stored === null) return { kind: 'not-set-up' };
      const now = clock.now();
      const before = lockout.state();
      if (before.lockedUntil !== null && before.lockedUntil > now) {
        audit.record({ actor: 'technician', action: 'login', outcome: 'locked-out' });
        options.onLogin?.('locked-out');
        return { kind: 'locked-out', lockedUntil: before.lockedUntil };
      }
      if (await verifyPin(pin, options.pepper, stored)) {
        lockout.reset();
        session = { token: random(32), lastSeen: clock.now().getTime() };
        audit.record({ actor: 'technician', action: 'login', outcome: 'ok' });
        options.onLogin?.('success');
        return { kind: 'ok', token: session.token.toString('hex'), inactivitySeconds: options.inactivitySeconds };
      }
      const after = lockout.recordFailure(clock.now(), policy);
      audit.record({
        actor: 'technician',
        action: 'login',
        outcome: 'wrong-pin',
        detail: `attempt ${after.failedAttempts}${after.lockedUntil ? `, locked until ${after.lockedUntil.toISOString()}` : ''}`,
      });
      options.onLogin?.('wrong-pin');
      return {
        kind: 'wrong-pin',
        attemptsBeforeLockout: Math.max(0, policy.attemptsBeforeLockout - after.failedAttempts),
        lockedUntil: after.lockedUntil,
      };
    },

    /** true (and the inactivity timer restarts) when the token is the live session's */
    check(token: string | undefined): boolean {
      if (session === null || token === undefined) return false;
      if (expired()) {
        session = null;
        audit.record({ actor: 'technician', action: 'session-timeout', outcome: 'ok' });
        return false;
      }
      const given = Buffer.from(token, 'hex');
      if (given.length !== session.token.length || !timingSafeEqual(given, session.token)) return false;
      session.lastSeen = clock.now().getTime();
      return true;
    },

    logout(): void {
      if (session === null) return;
      session = null;
      audit.record({ actor: 'technician', action: 'logout', outcome: 'ok' });
    },

    status(): { pinSet: boolean; lockedUntil: Date | null; failedAttempts: number } {
      const state = lockout.state();
      const locked = state.lockedUntil !== null && state.lockedUntil > clock.now() ? state.lockedUntil : null;
      return { pinSet: options.storedPin() !== null, lockedUntil: locked, failedAttempts: state.failedAttempts };
    },
  };
}
export type TechnicianAuth = ReturnType<typeof createTechnicianAuth>;
