import { timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const tokenFile = (secretsDir: string) => join(secretsDir, 'doctor.token');

/**
 * Lets `npm run doctor` ask the running bridge to run self-tests and hand over the diagnostic
 * bundle, over SSH with no screen. A new random token is written at every start to
 * `<secretsDir>/doctor.token` (0600, the bridge's user): whoever can read it can already set the
 * PIN, so it grants nothing more. It opens only the read-and-test routes, never config changes.
 */
export function createDoctorAccess(secretsDir: string, randomBytes: (n: number) => Buffer) {
  const token = randomBytes(32);
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const temporary = `${tokenFile(secretsDir)}.${process.pid}.tmp`;
  writeFileSync(temporary, token.toString('hex') + '\n', { mode: 0o600 });
  renameSync(temporary, tokenFile(secretsDir));
  chmodSync(tokenFile(secretsDir), 0o600);
  return {
    check(given: string | undefined): boolean {
      if (given === undefined) return false;
      const bytes = Buffer.from(given, 'hex');
      return bytes.length === token.length && timingSafeEqual(bytes, token);
    },
  };
}
export type DoctorAccess = ReturnType<typeof createDoctorAccess>;

/** The running bridge's doctor token, or null when no bridge has started with these secrets. */
export function readDoctorToken(secretsDir: string): string | null {
  const file = tokenFile(secretsDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
