import { z } from 'zod';
import { deviceStatusSchema } from './devices.ts';
import { printJobViewSchema } from './print-jobs.ts';
import { sessionEndReasonSchema, sessionViewSchema } from './session.ts';

/** What the UI learns about a scanned code. */
export const scanEventViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appointment'), appointmentId: z.string() }),
  z.object({ kind: z.literal('certificate-verification'), number: z.string(), code: z.string() }),
  z.object({ kind: z.literal('login-e-id') }),
  z.object({ kind: z.literal('technician') }),
  z.object({ kind: z.literal('other') }),
]);
export type ScanEventViewSchema = z.infer<typeof scanEventViewSchema>;

/** Card problems the citizen must be told about (the card was read but cannot open a session). */
/** e-id-*: a mobile e-ID login code the verifier refused, or a verifier that could not be asked */
export const cardRejectionReasons = ['expired', 'invalid-number', 'unreadable', 'e-id-rejected', 'e-id-unavailable'] as const;

/**
 * Everything sent on GET /api/events (SSE). Each SSE message has `event: <type>` and a JSON `data`
 * that parses with this schema. On connect the bridge sends a `hello` with the current state so a
 * reconnecting UI needs no second request.
 */
export const kioskEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    devices: z.array(deviceStatusSchema),
    session: sessionViewSchema.nullable(),
  }),
  z.object({ type: z.literal('device'), device: deviceStatusSchema }),
  /** the reader started reading a card: the UI can say "reading, keep the card still" */
  z.object({ type: z.literal('card-reading') }),
  z.object({ type: z.literal('card-rejected'), reason: z.enum(cardRejectionReasons) }),
  z.object({ type: z.literal('session-started'), session: sessionViewSchema }),
  z.object({ type: z.literal('session-ended'), reason: sessionEndReasonSchema }),
  z.object({ type: z.literal('job'), job: printJobViewSchema }),
  /**
   * a code was scanned, classified by the bridge (formats: devices/scanner/classify-scan.ts);
   * login tokens and technician codes are never sent, only their kind
   */
  z.object({ type: z.literal('scan'), scan: scanEventViewSchema }),
  /** a citizen pressed "call staff" on `screen` (no personal data); staff displays and metrics listen */
  z.object({
    type: z.literal('staff-called'),
    callId: z.string(),
    screen: z.string(),
    inSession: z.boolean(),
    calledAt: z.string(),
  }),
]);
export type KioskEvent = z.infer<typeof kioskEventSchema>;
export type KioskEventType = KioskEvent['type'];
