import { z } from 'zod';

/**
 * Stable error codes. Services throw them (errors/domain-error.ts); the HTTP layer gives each its
 * status and an English/Chinese message a technician can act on when reading raw responses
 * (http/error-answers.ts); the UI maps each code to a message in its own catalogue.
 */
export const errorCodes = [
  'bad-request',
  'not-found',
  'no-session',
  'forbidden-origin',
  'misdirected-host',
  'device-unavailable',
  'printer-unavailable',
  'platform-unavailable',
  'record-not-found',
  'simulation-only',
  // platform
  'item-not-found',
  'item-not-applicable',
  'material-missing',
  'slot-full',
  'appointment-not-found',
  'queue-ticket-exists',
  'idempotency-key-reused',
  // technician mode
  'technician-session-required',
  'technician-pin-wrong',
  'technician-locked-out',
  'technician-not-set-up',
  'config-not-writable',
  'no-site-file',
  // face check and document capture
  'consent-required',
  'face-not-offered',
  'no-attempts-left',
  'staff-code-invalid',
  'staff-code-locked',
  'face-check-in-progress',
  'identity-not-verified',
  'too-many-pages',
  // printing
  'not-failed',
  'reprint-used',
  'document-gone',
  // signature and appointment check-in
  'signature-invalid',
  'appointment-not-today',
  'appointment-too-early',
  'appointment-too-late',
  'appointment-checked-in',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
