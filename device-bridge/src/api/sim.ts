import { z } from 'zod';
import { cardIdentitySchema } from './identity.ts';
import { printerConditionSchema } from './devices.ts';

/** POST /api/sim/id-reader/card: place a fixture citizen's card, or any card. */
export const simCardRequestSchema = z.union([
  z.object({ fixture: z.string().min(1) }).strict(),
  z.object({ card: cardIdentitySchema }).strict(),
]);
export type SimCardRequest = z.infer<typeof simCardRequestSchema>;

export const simScanRequestSchema = z.object({ data: z.string().min(1).max(4096) }).strict();
export type SimScanRequest = z.infer<typeof simScanRequestSchema>;

export const simPrinterStateRequestSchema = z.object({ state: printerConditionSchema }).strict();
export type SimPrinterStateRequest = z.infer<typeof simPrinterStateRequestSchema>;

/** GET /api/sim/fixtures: the fixture citizens a tester can place (simulation only, so unmasked). */
export const simFixtureSchema = z.object({
  id: z.string(),
  /** short description for the dev panel, e.g. "80-year-old woman" */
  label: z.string(),
  card: cardIdentitySchema,
});
export type SimFixture = z.infer<typeof simFixtureSchema>;
