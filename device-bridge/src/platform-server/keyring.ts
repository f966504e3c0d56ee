import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519KeyFromSeed } from '../documents/qr-signature.ts';

/** The kiosks' Ed25519 public keys the verification page checks QR signatures with. */
export interface QrKeyring {
  keys: KeyObject[];
}

/** name of the kiosk's QR signing seed under <dataDir>/secrets/ (agreed with the certificate part) */
export const qrSigningKeyName = 'certificate-qr';

/**
 * Public keys from `*.pem` files in `trustedKeysDir` (what an operator copies from each kiosk) and,
 * for a kiosk on the same machine (the demo), from its data directory's signing seed.
 */
export function loadKeyring(trustedKeysDir: string, kioskDataDirs: readonly string[]): QrKeyring {
  const keys: KeyObject[] = [];
  if (existsSync(trustedKeysDir)) {
    for (const name of readdirSync(trustedKeysDir).filter((file) => file.endsWith('.pem')).sort()) {
      keys.push(createPublicKey(readFileSync(join(trustedKeysDir, name), 'utf8')));
    }
  }
  for (const dir of kioskDataDirs) {
    const file = join(dir, 'secrets', `${qrSigningKeyName}.key`);
    if (!existsSync(file)) continue;
    const seed = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (seed.length === 32) keys.push(createPublicKey(ed25519KeyFromSeed(seed)));
  }
  return { keys };
}
