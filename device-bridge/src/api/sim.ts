import { z } from 'zod';
import { cardIdentitySchema } from './identity.ts';
import { printerConditionSchema } from './devices.ts';

/** The four card layouts the SAM reads (GA/T 467 text block flag ' ', J, I, Y). */
export const simCardTypes = ['resident-id', 'hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023'] as const;

/**
 * POST /api/sim/id-reader/card: place a fixture citizen's card, or any card, or a made-up card of
 * one of the four types (`cardType`), or a card whose chip cannot be read (`damaged`).
 */
export const simCardRequestSchema = z.union([
  z.object({ fixture: z.string().min(1) }).strict(),
  z.object({ card: cardIdentitySchema }).strict(),
  z.object({ cardType: z.enum(simCardTypes) }).strict(),
  z.object({ damaged: z.literal(true) }).strict(),
]);

/** Faults the simulated SAM can be told to have (one list, in the zod-free sim-faults.ts); null clears. */
import { samFaultNames } from './sim-faults.ts';
export { samFaultNames };
export const simIdReaderFaultRequestSchema = z.object({ fault: z.enum(samFaultNames).nullable() }).strict();
export type SimIdReaderFaultRequest = z.infer<typeof simIdReaderFaultRequestSchema>;
export type SimCardRequest = z.infer<typeof simCardRequestSchema>;

/** POST /api/sim/devices/:deviceId/:action: plug a simulated device out or back in */
export const simDeviceActionSchema = z.enum(['connect', 'disconnect']);
export type SimDeviceAction = z.infer<typeof simDeviceActionSchema>;

export const simScanRequestSchema = z.object({ data: z.string().min(1).max(4096) }).strict();
export type SimScanRequest = z.infer<typeof simScanRequestSchema>;

export const simPrinterStateRequestSchema = z.object({ state: printerConditionSchema }).strict();
export type SimPrinterStateRequest = z.infer<typeof simPrinterStateRequestSchema>;

/** GET /api/sim/receipt-printer/receipts: the slips the simulated thermal printer printed, newest last. */
export const simReceiptsResponseSchema = z.object({
  receipts: z.array(
    z.object({
      /** the slip as text, one line per printed line */
      text: z.string(),
      /** the slip as a 576-dot-wide SVG picture; every printed character in it is XML-escaped */
      svg: z.string(),
      /** the printer stopped before the cut (paper ran out) */
      incomplete: z.boolean(),
    }),
  ),
});
export type SimReceiptsResponse = z.infer<typeof simReceiptsResponseSchema>;

/** GET /api/sim/fixtures: the fixture citizens a tester can place (simulation only, so unmasked). */
export const simFixtureSchema = z.object({
  id: z.string(),
  /** short description for the dev panel, e.g. "80-year-old woman" */
  label: z.string(),
  card: cardIdentitySchema,
});
export type SimFixture = z.infer<typeof simFixtureSchema>;
