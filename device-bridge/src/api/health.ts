import { z } from 'zod';
import { deviceStatusSchema } from './devices.ts';
import { verificationMethodSchema } from './face.ts';

/** What the kiosk can offer right now, derived from device status (architecture rule 6). */
export const capabilitiesSchema = z.object({
  /** at least one way to identify a citizen works (the card reader, or a 网证 code: eIdLogin) */
  identify: z.boolean(),
  /** a mobile e-ID (网证) login code shown to the scanner can open a session: a verifier is plugged in and the scanner works */
  eIdLogin: z.boolean(),
  /** certificates can be printed on A4 */
  printCertificate: z.boolean(),
  /** receipts / queue tickets can be printed */
  printReceipt: z.boolean(),
  /** codes can be scanned */
  scan: z.boolean(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/**
 * How the person at the kiosk can be confirmed at 实人 level (face check, mobile e-ID, staff code),
 * as far as it works right now. Empty: applications cannot be made at this kiosk — the UI sends the
 * citizen to a staffed window, and the bridge warned about it at start.
 */
export const identityVerificationHealthSchema = z.object({
  methods: z.array(verificationMethodSchema),
});

export const healthResponseSchema = z.object({
  /** ok: everything works; degraded: something does not; out-of-service: nobody can be identified */
  status: z.enum(['ok', 'degraded', 'out-of-service']),
  simulated: z.boolean(),
  capabilities: capabilitiesSchema,
  devices: z.array(deviceStatusSchema),
  /** shown on the out-of-service screen and in the footer */
  site: z.object({
    kioskId: z.string(),
    name: z.string(),
    helpPhone: z.string(),
    /** the languages the screen offers (config kiosk.languages); absent: every language the UI has */
    languages: z.array(z.string()).optional(),
  }),
  /** timings the UI's flows use, from config */
  session: z.object({ idleTimeoutSeconds: z.number(), countdownSeconds: z.number() }),
  identityVerification: identityVerificationHealthSchema.optional(),
  version: z.string(),
  /**
   * The government service platform: services needing live data (records, progress,
   * appointments, queue numbers) are unavailable while `reachable` is false, with `reason`;
   * applications and ratings are still accepted and wait in the outbox (`waiting`).
   */
  platform: z
    .object({
      reachable: z.boolean().nullable(),
      reason: z.string().nullable(),
      since: z.string().nullable(),
      waiting: z.number().int().min(0),
      oldestWaitingSeconds: z.number().min(0),
    })
    .optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
