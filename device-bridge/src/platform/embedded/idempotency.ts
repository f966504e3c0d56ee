import { createHash } from 'node:crypto';
import type { Counters } from './counters.ts';

/**
 * Digest of a request body, kept with what it created: the same idempotency key with a different
 * body is refused rather than silently answered with the first result.
 */
export function requestDigest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Writes from a kiosk that repeated a key already accepted and were answered with the first result
 * (the kiosk sent again after it had lost the answer, e.g. it was killed mid-delivery).
 */
export interface ReplayLog {
  record(kioskId: string): void;
  count(kioskId: string): number;
}

export function createReplayLog(counters: Counters): ReplayLog {
  const counter = (kioskId: string) => `idempotent-replays-${kioskId}`;
  return {
    record: (kioskId) => void counters.next(counter(kioskId)),
    count: (kioskId) => counters.value(counter(kioskId)),
  };
}
