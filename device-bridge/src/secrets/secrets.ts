import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secret keys live under `<dataDir>/secrets/`, outside the repository (DESIGN rule 8), readable by
 * the bridge's user only. A key is made once, on first start, from the injected random source.
 */
export function loadOrCreateKey(dataDir: string, name: string, randomBytes: (n: number) => Buffer): Buffer {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, `${name}.key`);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} is damaged: expected a 32-byte base64 key`);
    return key;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, key.toString('base64') + '\n', { mode: 0o600 });
  renameSync(temporary, file);
  chmodSync(file, 0o600);
  return key;
}
