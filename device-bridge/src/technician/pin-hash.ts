import { createHmac, randomBytes as nodeRandomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * OWASP's scrypt floor (N=2^17, r=8, p=1). Node's default maxmem (32 MiB) rejects it, so maxmem is
 * raised to 256 MiB (128·N·r = 128 MiB needed).
 */
export const productionScrypt = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParameters = { N: number; r: number; p: number };
const maxmem = 256 * 1024 * 1024;

/** A PIN is 6 to 12 digits: typed on the kiosk's own keypad, nothing else. */
export const pinSchema = z.string().regex(/^[0-9]{6,12}$/, 'a PIN is 6 to 12 digits');

const storedPinSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  hash: z.string(),
  setAt: z.string(),
});
export type StoredPin = z.infer<typeof storedPinSchema>;

function derive(pin: string, pepper: Buffer, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  // The pepper (a per-kiosk key in secrets/) means a copied PIN file alone cannot be brute-forced:
  // a 6-digit PIN has only 10^6 values, so the hash by itself would not stand an offline attack.
  const peppered = createHmac('sha256', pepper).update(pin, 'utf8').digest();
  return new Promise((resolve, reject) => {
    scrypt(peppered, salt, 32, { ...parameters, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(
  pin: string,
  pepper: Buffer,
  options: { parameters?: ScryptParameters; randomBytes?: (n: number) => Buffer; now?: Date } = {},
): Promise<StoredPin> {
  pinSchema.parse(pin);
  const parameters = options.parameters ?? productionScrypt;
  const salt = (options.randomBytes ?? nodeRandomBytes)(16);
  const hash = await derive(pin, pepper, salt, parameters);
  return {
    algorithm: 'scrypt',
    ...parameters,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    setAt: (options.now ?? new Date()).toISOString(),
  };
}

export async function verifyPin(pin: string, pepper: Buffer, stored: StoredPin): Promise<boolean> {
  if (!pinSchema.safeParse(pin).success) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, pepper, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** `<secretsDir>/technician-pin.json` (config secrets.dir), readable by the bridge's user only. */
export function pinFile(secretsDir: string): string {
  return join(secretsDir, 'technician-pin.json');
}

export function readStoredPin(secretsDir: string): StoredPin | null {
  const file = pinFile(secretsDir);
  if (!existsSync(file)) return null;
  return storedPinSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function writeStoredPin(secretsDir: string, stored: StoredPin): void {
  const file = pinFile(secretsDir);
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored) + '\n', { mode: 0o600 });
  renameSync(temporary, file);
  chmodSync(file, 0o600);
}
