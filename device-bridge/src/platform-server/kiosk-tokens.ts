import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** kiosk id → sha256 (hex) of the kiosk's bearer token; the server never holds the tokens themselves */
const tokenFileSchema = z.record(z.string().regex(/^[A-Za-z0-9-]{1,32}$/), z.string().regex(/^[0-9a-f]{64}$/));

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface KioskAuthenticator {
  /** false when no token file exists: any well-formed kiosk id is accepted (the demo) */
  readonly enforced: boolean;
  /** is this bearer token the one enrolled for this kiosk id */
  check(kioskId: string, authorization: string | undefined): boolean;
}

/**
 * Kiosk enrolment: `<data>/kiosk-tokens.json` lists which kiosks may call and the hash of each
 * one's token, so one kiosk cannot act as (or read the deliveries of) another. Read per request,
 * so enrolling a kiosk needs no restart.
 */
export function kioskAuthenticator(file: string): KioskAuthenticator {
  return {
    get enforced() {
      return existsSync(file);
    },
    check(kioskId, authorization) {
      if (!existsSync(file)) return true;
      const enrolled = tokenFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))[kioskId];
      const token = authorization?.match(/^Bearer ([A-Za-z0-9_-]{16,200})$/)?.[1];
      if (!enrolled || !token) return false;
      return timingSafeEqual(Buffer.from(enrolled, 'hex'), Buffer.from(tokenHash(token), 'hex'));
    },
  };
}
