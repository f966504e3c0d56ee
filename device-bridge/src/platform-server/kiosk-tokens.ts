import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** kiosk id → sha256 (hex) of the kiosk's bearer token; the server never holds the tokens themselves */
const tokenFileSchema = z.record(z.string().regex(/^[A-Za-z0-9-]{1,32}$/), z.string().regex(/^[0-9a-f]{64}$/));

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface KioskAuthenticator {
  /** false when no token file exists and the server may run open: any well-formed kiosk id is accepted (the demo) */
  readonly enforced: boolean;
  /** is this bearer token the one enrolled for this kiosk id (always true while not enforced) */
  check(kioskId: string, authorization: string | undefined): boolean;
  /** enrolled with this token, whether or not the server is open: false when there is no token file */
  enrolled(kioskId: string, authorization: string | undefined): boolean;
}

/**
 * Kiosk enrolment: `<data>/kiosk-tokens.json` lists which kiosks may call and the hash of each
 * one's token, so one kiosk cannot act as (or read the deliveries of) another. Read per request,
 * so enrolling a kiosk needs no restart.
 */
export function kioskAuthenticator(file: string, options: { allowOpen: boolean } = { allowOpen: true }): KioskAuthenticator {
  return {
    get enforced() {
      return !options.allowOpen || existsSync(file);
    },
    check(kioskId, authorization) {
      // a server that started enrolled on a reachable address stays closed if the file goes missing
      if (!existsSync(file)) return options.allowOpen;
      return enrolled(kioskId, authorization);
    },
    enrolled,
  };

  function enrolled(kioskId: string, authorization: string | undefined): boolean {
    if (!existsSync(file)) return false;
    const hash = tokenFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))[kioskId];
    const token = authorization?.match(/^Bearer ([A-Za-z0-9_-]{16,200})$/)?.[1];
    if (!hash || !token) return false;
    return timingSafeEqual(Buffer.from(hash, 'hex'), Buffer.from(tokenHash(token), 'hex'));
  }
}
