import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The kiosks' Ed25519 public keys the verification page checks QR signatures with. */
export interface QrKeyring {
  /** read again on each call, so a kiosk started after the server (or a key copied in) counts at once */
  keys(): KeyObject[];
}

/** the public half the kiosk writes next to its signing seed (documents/signing-key.ts) */
const kioskPublicKeyFile = 'certificate-ed25519.pub.pem';

/**
 * Public keys from `*.pem` files in `trustedKeysDir` (what an operator copies from each kiosk) and,
 * for a kiosk on the same machine (the demo), the public key in its secrets directory.
 */
export function loadKeyring(trustedKeysDir: string, kioskSecretsDirs: readonly string[]): QrKeyring {
  return { keys: () => readKeys(trustedKeysDir, kioskSecretsDirs) };
}

function readKeys(trustedKeysDir: string, kioskSecretsDirs: readonly string[]): KeyObject[] {
  const keys: KeyObject[] = [];
  if (existsSync(trustedKeysDir)) {
    for (const name of readdirSync(trustedKeysDir)
      .filter((file) => file.endsWith('.pem'))
      .sort()) {
      keys.push(createPublicKey(readFileSync(join(trustedKeysDir, name), 'utf8')));
    }
  }
  for (const dir of kioskSecretsDirs) {
    const file = join(dir, kioskPublicKeyFile);
    if (existsSync(file)) keys.push(createPublicKey(readFileSync(file, 'utf8')));
  }
  return keys;
}
