import type { SqliteDatabase } from '../store/database.ts';

/**
 * Escalating lockout after wrong PINs, VotingWorks style (libs/auth/src/lockout.ts): a few free
 * attempts, then starting × 2^(extra attempts) seconds, capped. Persisted in SQLite, so pulling the
 * plug does not reset the count.
 */
export interface LockoutPolicy {
  attemptsBeforeLockout: number;
  startingLockoutSeconds: number;
  maxLockoutSeconds: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  attemptsBeforeLockout: 5,
  startingLockoutSeconds: 15,
  maxLockoutSeconds: 4 * 60 * 60,
};

/** Seconds of lockout after `failedAttempts` consecutive wrong PINs (0 = none yet). */
export function lockoutSeconds(failedAttempts: number, policy: LockoutPolicy): number {
  const over = failedAttempts - policy.attemptsBeforeLockout;
  if (over < 0) return 0;
  return Math.min(policy.maxLockoutSeconds, policy.startingLockoutSeconds * 2 ** over);
}

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function createLockoutStore(db: SqliteDatabase) {
  const read = db.prepare('SELECT failed_attempts, locked_until FROM technician_lockout WHERE id = 1');
  const write = db.prepare(
    `INSERT INTO technician_lockout (id, failed_attempts, locked_until) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until`,
  );
  return {
    state(): LockoutState {
      const row = read.get() as { failed_attempts: number; locked_until: string | null } | undefined;
      if (!row) return { failedAttempts: 0, lockedUntil: null };
      return { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
    },
    /** records one more wrong PIN and returns the new state */
    recordFailure(now: Date, policy: LockoutPolicy): LockoutState {
      return db.transaction(() => {
        const failedAttempts = this.state().failedAttempts + 1;
        const seconds = lockoutSeconds(failedAttempts, policy);
        const lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null;
        write.run(failedAttempts, lockedUntil?.toISOString() ?? null);
        return { failedAttempts, lockedUntil };
      })();
    },
    reset(): void {
      write.run(0, null);
    },
  };
}
export type LockoutStore = ReturnType<typeof createLockoutStore>;
