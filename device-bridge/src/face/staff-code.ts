import { scryptSync, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../time/clock.ts';

/**
 * The staff code for staff-assisted confirmation (a hall employee checks the citizen against the
 * card in person and types the code at the kiosk). Only a salted scrypt hash is kept, under
 * `<dataDir>/secrets/staff-code.json` (outside the repository, mode 600), set with
 * `node --import tsx device-bridge/src/face/set-staff-code.ts <digits>`. It is separate from the
 * technicians' PINs: confirming a citizen must not open technician mode.
 * Without the file, staff confirmation is simply not offered.
 */
export interface StaffCodeChecker {
  check(code: string): 'ok' | 'wrong' | 'locked';
}

interface StoredCode {
  salt: string;
  hash: string;
}

/** `<secretsDir>/staff-code.json` (config secrets.dir) */
export const staffCodeFile = (secretsDir: string) => join(secretsDir, 'staff-code.json');
const hashOf = (code: string, salt: Buffer) => scryptSync(code, salt, 32, { N: 16_384, r: 8, p: 1 });

export function writeStaffCode(secretsDir: string, code: string, randomBytes: (n: number) => Buffer): void {
  if (!/^[0-9]{4,12}$/.test(code)) throw new Error('the staff code must be 4 to 12 digits');
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const salt = randomBytes(16);
  const stored: StoredCode = { salt: salt.toString('base64'), hash: hashOf(code, salt).toString('base64') };
  const temporary = `${staffCodeFile(secretsDir)}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored) + '\n', { mode: 0o600 });
  renameSync(temporary, staffCodeFile(secretsDir));
  chmodSync(staffCodeFile(secretsDir), 0o600);
}

/** null when no staff code is set up. Five wrong codes in a row lock it for five minutes. */
export function loadStaffCodeChecker(secretsDir: string, clock: Pick<Clock, 'now'>): StaffCodeChecker | null {
  if (!existsSync(staffCodeFile(secretsDir))) return null;
  const stored = JSON.parse(readFileSync(staffCodeFile(secretsDir), 'utf8')) as StoredCode;
  const salt = Buffer.from(stored.salt, 'base64');
  const expected = Buffer.from(stored.hash, 'base64');
  let failures = 0;
  let lockedUntil = 0;
  return {
    check(code) {
      const now = clock.now().getTime();
      if (now < lockedUntil) return 'locked';
      if (timingSafeEqual(hashOf(code, salt), expected)) {
        failures = 0;
        return 'ok';
      }
      failures += 1;
      if (failures >= 5) {
        failures = 0;
        lockedUntil = now + 5 * 60_000;
        return 'locked';
      }
      return 'wrong';
    },
  };
}
