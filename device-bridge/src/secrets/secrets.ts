import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the kiosk's keys live: config `secrets.dir`, outside the repository (architecture rule 8). A
 * relative path is under the data directory, so the default `secrets` is var/secrets, and a
 * throw-away data directory (tests, a second kiosk on one machine) brings its own keys.
 */
export function secretsDirOf(config: { secrets: { dir: string } }, dataDir: string): string {
  return resolve(dataDir, config.secrets.dir);
}

/**
 * A 32-byte key `<secretsDir>/<name>.key`, readable by the bridge's user only. Made once, on first
 * use, from the injected random source; a damaged file stops start rather than being replaced.
 */
export function loadOrCreateKey(secretsDir: string, name: string, randomBytes: (n: number) => Buffer): Buffer {
  const file = join(secretsDir, `${name}.key`);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} is damaged: expected a 32-byte base64 key`);
    return key;
  }
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, key.toString('base64') + '\n', { mode: 0o600 });
  renameSync(temporary, file);
  chmodSync(file, 0o600);
  return key;
}
