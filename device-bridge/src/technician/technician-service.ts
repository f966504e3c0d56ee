import { randomBytes } from 'node:crypto';
import type { Clock } from '../time/clock.ts';
import { createDoctorAccess, type DoctorAccess } from './doctor-token.ts';
import type { SqliteDatabase } from '../store/database.ts';
import { createAuditLog, type AuditLog } from './audit-log.ts';
import type { LogRing } from './log-ring.ts';
import { createLockoutStore, defaultLockoutPolicy, type LockoutPolicy } from './lockout.ts';
import { readStoredPin } from './pin-hash.ts';
import { createTechnicianAuth, type TechnicianAuth } from './technician-auth.ts';

export interface TechnicianService {
  readonly auth: TechnicianAuth;
  readonly audit: AuditLog;
  /** the bridge's data dir (config-apply keeps its pending/rollback record there) */
  readonly dataDir: string;
  /** the newest log lines (empty when the bridge was given its own logger, e.g. in tests) */
  readonly logRing: LogRing | null;
  /** the doctor CLI's per-start token (self-tests and the bundle from a shell) */
  readonly doctor: DoctorAccess;
}

/** Technician mode's durable parts (lockout + audit in the kiosk store, PIN hash in secrets/). */
export function createTechnicianService(options: {
  db: SqliteDatabase;
  dataDir: string;
  /** config secrets.dir: the PIN hash and the doctor's token */
  secretsDir: string;
  clock: Clock;
  pepper: Buffer;
  inactivitySeconds: number;
  policy?: LockoutPolicy;
  onLogin?: (outcome: 'success' | 'wrong-pin' | 'locked-out') => void;
  logRing?: LogRing | null;
  randomBytes?: (n: number) => Buffer;
}): TechnicianService {
  const audit = createAuditLog(options.db, () => options.clock.now());
  const auth = createTechnicianAuth({
    clock: options.clock,
    lockout: createLockoutStore(options.db),
    audit,
    storedPin: () => readStoredPin(options.secretsDir),
    pepper: options.pepper,
    policy: options.policy ?? defaultLockoutPolicy,
    inactivitySeconds: options.inactivitySeconds,
    onLogin: options.onLogin,
  });
  const doctor = createDoctorAccess(options.secretsDir, options.randomBytes ?? randomBytes);
  return { auth, audit, dataDir: options.dataDir, logRing: options.logRing ?? null, doctor };
}
