import { z } from 'zod';

export const deviceIds = ['id-reader', 'scanner', 'a4-printer', 'receipt-printer', 'camera', 'document-camera'] as const;
export const deviceIdSchema = z.enum(deviceIds);
export type DeviceId = z.infer<typeof deviceIdSchema>;

export const printerIds = ['a4-printer', 'receipt-printer'] as const satisfies readonly DeviceId[];
export const printerIdSchema = z.enum(printerIds);
export type PrinterId = z.infer<typeof printerIdSchema>;

/**
 * The small public status of a device (vxsuite style): what the UI and the operator need to decide
 * what works, not the driver's internals.
 * - ready: usable now
 * - busy: usable, working on something (reading a card, printing)
 * - degraded: usable with a warning (paper low)
 * - fault: connected but unusable until someone acts (paper out, cover open, jam)
 * - disconnected: not reachable
 */
export const deviceStateSchema = z.enum(['ready', 'busy', 'degraded', 'fault', 'disconnected']);
export type DeviceState = z.infer<typeof deviceStateSchema>;

export const printerConditions = ['ready', 'paper-out', 'paper-low', 'cover-open', 'jam', 'offline'] as const;
export const printerConditionSchema = z.enum(printerConditions);
export type PrinterCondition = z.infer<typeof printerConditionSchema>;

export const deviceStatusSchema = z.object({
  id: deviceIdSchema,
  state: deviceStateSchema,
  /** machine-readable reason, e.g. a printer condition such as "paper-out" */
  reason: z.string().optional(),
  /** which driver is behind it, e.g. "simulated", "sam-serial" */
  driver: z.string(),
  /** what the hardware says about itself, for technicians: e.g. the ID reader's SAM module id */
  detail: z.string().optional(),
  /** ISO timestamp of the last change */
  since: z.string(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;
