import { createHmac } from 'node:crypto';
import type { CertificateType } from '../api/index.ts';
import { encodeCrockford } from './crockford.ts';

/** Everything a verification code vouches for: what the paper says, with the ID number masked. */
export interface VerifiableContent {
  number: string;
  type: CertificateType;
  maskedIdNumber: string;
  holderName: string;
  /** the facts grid and every table row, as printed (display text) */
  facts: string[][];
  issuedAt: string;
  validUntil: string;
}

/**
 * One unambiguous string per content: a JSON array in a fixed order (object key order is not
 * something a verifier in another language should have to reproduce). The version tag lets the
 * format change later without old codes verifying against new content.
 */
export function canonicalContent(content: VerifiableContent): string {
  return JSON.stringify([
    'tongban-certificate-v2',
    content.number,
    content.type,
    content.maskedIdNumber,
    content.holderName,
    content.facts,
    content.issuedAt,
    content.validUntil,
  ]);
}

/**
 * HMAC-SHA256 with the kiosk's secret key, first 16 Crockford base32 characters (80 bits): short
 * enough to type, and without the key nobody can make a code for altered content.
 */
export function verificationCode(key: Buffer, content: VerifiableContent): string {
  const digest = createHmac('sha256', key).update(canonicalContent(content), 'utf8').digest();
  return encodeCrockford(digest, 16);
}
