import { createHmac } from 'node:crypto';

/**
 * Keyed hashes (the kiosk's outbox key) that stand in for the applicant: the kiosk can find a
 * citizen's waiting applications and recognise a repeated POST without storing who they are.
 */
export function applicantHashes(key: Buffer) {
  return {
    /** finds the applications of one ID number while the kiosk must list them itself */
    applicant: (idNumber: string) => createHmac('sha256', key).update(`applicant:${idNumber}`).digest('hex'),
    /** bound to one idempotency key, so it links nothing across visits */
    requestOwner: (idempotencyKey: string, applicantHash: string) =>
      createHmac('sha256', key).update(`owner:${idempotencyKey}:${applicantHash}`).digest('hex'),
  };
}

export type ApplicantHashes = ReturnType<typeof applicantHashes>;
