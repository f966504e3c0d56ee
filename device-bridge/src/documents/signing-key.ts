import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { loadOrCreateKey } from '../secrets/secrets.ts';
import { ed25519KeyFromSeed, publicKeyPem } from './qr-signature.ts';

/**
 * The kiosk's certificate signing key (Ed25519), kept with the other secrets. Its public half is
 * written next to it as `certificate-ed25519.pub.pem`: the issuer publishes it so that banks and
 * employers can check a certificate's QR code offline.
 */
export function certificateSigningKey(secretsDir: string, randomBytes: (n: number) => Buffer): KeyObject {
  const key = ed25519KeyFromSeed(loadOrCreateKey(secretsDir, 'certificate-ed25519', randomBytes));
  const publicFile = join(secretsDir, 'certificate-ed25519.pub.pem');
  if (!existsSync(publicFile)) writeFileSync(publicFile, publicKeyPem(key), { mode: 0o644 });
  return key;
}
