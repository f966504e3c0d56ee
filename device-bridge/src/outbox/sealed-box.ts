import { createCipheriv, createDecipheriv } from 'node:crypto';

const ivBytes = 12;
const tagBytes = 16;

/**
 * AES-256-GCM for data that waits on the kiosk's disk (outbox payloads with the applicant's identity
 * and scanned materials). Layout: iv (12) | tag (16) | ciphertext. The associated data binds a
 * payload to its row (its idempotency key), so a payload copied into another row does not open.
 */
export function seal(key: Buffer, plaintext: Buffer, associatedData: string, randomBytes: (n: number) => Buffer): Buffer {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the box was tampered with, belongs to another row or another device key. */
export function open(key: Buffer, box: Buffer, associatedData: string): Buffer {
  if (box.length < ivBytes + tagBytes) throw new Error('sealed payload is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, ivBytes));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(box.subarray(ivBytes, ivBytes + tagBytes));
  return Buffer.concat([decipher.update(box.subarray(ivBytes + tagBytes)), decipher.final()]);
}
