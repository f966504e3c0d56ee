import { z } from 'zod';

/**
 * Stable error codes. The UI maps each code to a message in its catalogue; the bridge also sends an
 * English/Chinese message a technician can act on when reading raw responses.
 */
export const errorCodes = [
  'bad-request',
  'not-found',
  'no-session',
  'session-active',
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
  // technician mode
  'technician-session-required',
  'technician-pin-wrong',
  'technician-locked-out',
  'technician-not-set-up',
  'config-not-writable',
  // face check and document capture
  'consent-required',
  'face-not-offered',
  'no-attempts-left',
  'staff-code-invalid',
  'staff-code-locked',
  'face-check-in-progress',
  'identity-not-verified',
  // printing
  'not-failed',
  'reprint-used',
  'document-gone',
  'other-person',
  'printing-disabled',
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
