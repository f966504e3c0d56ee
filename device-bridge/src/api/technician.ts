import { z } from 'zod';
import { certificateTypeSchema } from './certificates.ts';
import { deviceIdSchema, deviceStatusSchema, printerIdSchema } from './devices.ts';
import { healthResponseSchema } from './health.ts';
import { printJobStateSchema } from './print-jobs.ts';

/**
 * Technician mode. Every route except status and login needs the header
 * `Authorization: Bearer <token>` from a login; without a live session the answer is 401
 * technician-session-required.
 */
export const technicianLoginRequestSchema = z.object({ pin: z.string().min(1).max(32) });
export type TechnicianLoginRequest = z.infer<typeof technicianLoginRequestSchema>;

export const technicianLoginResponseSchema = z.object({
  token: z.string(),
  /** the technician session ends after this long without a request */
  inactivitySeconds: z.number().int().positive(),
});
export type TechnicianLoginResponse = z.infer<typeof technicianLoginResponseSchema>;

export const technicianStatusSchema = z.object({
  /** false until a PIN is set with `npm run doctor -- set-pin` */
  pinSet: z.boolean(),
  /** ISO time until which PIN entry is refused, or null */
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int().nonnegative(),
});
export type TechnicianStatus = z.infer<typeof technicianStatusSchema>;

export const technicianDeviceSchema = z.object({
  status: deviceStatusSchema,
  /** the device's config entry as loaded (driver, port, baud, queue …; never secrets) */
  config: z.record(z.string(), z.unknown()),
  selfTest: z.enum(['test-page', 'test-ticket', 'snapshot', 'wait-for-card', 'wait-for-scan', 'status-only']),
  /** printers: how often a technician recorded a paper refill on this kiosk */
  paperRefills: z.number().int().nonnegative().optional(),
  /** printers: paper level as kiosk_printer_paper_state reports it (absent while disconnected) */
  paper: z.enum(['ok', 'low', 'out']).optional(),
});
export type TechnicianDevice = z.infer<typeof technicianDeviceSchema>;
export const technicianDevicesResponseSchema = z.object({ devices: z.array(technicianDeviceSchema) });
export type TechnicianDevicesResponse = z.infer<typeof technicianDevicesResponseSchema>;

export const selfTestResultSchema = z.object({
  device: deviceIdSchema,
  kind: z.enum(['test-page', 'test-ticket', 'snapshot', 'wait-for-card', 'wait-for-scan', 'status-only']),
  ok: z.boolean(),
  /** what happened, for the technician (no personal data) */
  detail: z.string(),
  durationMs: z.number().nonnegative(),
});
export type SelfTestResult = z.infer<typeof selfTestResultSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditResponse = z.infer<typeof auditResponseSchema>;

/**
 * POST /api/technician/config/validate checks a site override with the same schema as start-up;
 * PUT /api/technician/config writes it and restarts the bridge onto it.
 */
export const configChangeRequestSchema = z.object({ config: z.record(z.string(), z.unknown()) });
export type ConfigChangeRequest = z.infer<typeof configChangeRequestSchema>;
export const configValidateResponseSchema = z.object({
  valid: z.boolean(),
  /** one line per problem, naming the field */
  problems: z.array(z.string()),
});
export type ConfigValidateResponse = z.infer<typeof configValidateResponseSchema>;

/** PUT /api/technician/config → 202: written; the bridge restarts and keeps it only if these devices come up */
export const configAppliedResponseSchema = z.object({
  applied: z.literal(true),
  restarting: z.literal(true),
  file: z.string(),
  devicesToCheck: z.array(deviceIdSchema),
});
export type ConfigAppliedResponse = z.infer<typeof configAppliedResponseSchema>;

/** POST /api/technician/devices/:device/paper-refilled: counted in the audit log and in metrics */
export const paperRefilledResponseSchema = z.object({ device: printerIdSchema, paperRefills: z.number().int().nonnegative() });
export type PaperRefilledResponse = z.infer<typeof paperRefilledResponseSchema>;

export const technicianPortsResponseSchema = z.object({
  serial: z.array(
    z.object({
      path: z.string(),
      manufacturer: z.string().optional(),
      serialNumber: z.string().optional(),
      vendorId: z.string().optional(),
      productId: z.string().optional(),
    }),
  ),
  hid: z.array(
    z.object({ vendorId: z.number(), productId: z.number(), product: z.string().optional(), manufacturer: z.string().optional() }).loose(),
  ),
  /** the print queues the kiosk's CUPS has (empty when CUPS does not answer) */
  cupsQueues: z.array(z.string()),
});
export type TechnicianPortsResponse = z.infer<typeof technicianPortsResponseSchema>;

export const technicianConfigResponseSchema = z.object({
  /** the site override file as it is (what PUT replaces) */
  site: z.record(z.string(), z.unknown()),
  /** the configuration the bridge runs with now */
  effective: z.record(z.string(), z.unknown()),
});
export type TechnicianConfigResponse = z.infer<typeof technicianConfigResponseSchema>;

export const technicianLogResponseSchema = z.object({
  lines: z.array(z.object({ time: z.string(), level: z.string(), event: z.string(), message: z.string(), fields: z.string() })),
});
export type TechnicianLogResponse = z.infer<typeof technicianLogResponseSchema>;

/**
 * GET /api/technician/print-jobs/attention: print jobs that failed (or were cancelled) and that no
 * technician has marked handled yet — what the citizen may have walked away from. Only what the
 * technician needs to act: no name, no ID number, no certificate number.
 */
export const printProblemSchema = z.object({
  id: z.string(),
  certificateType: certificateTypeSchema,
  copies: z.number().int().positive(),
  state: printJobStateSchema,
  /** the failure code (paper-out, jam, aborted, interrupted, …); null when the printer gave none */
  reason: z.string().nullable(),
  /** when the citizen asked for it, and when it stopped (ISO) */
  createdAt: z.string(),
  failedAt: z.string(),
  /** this job is itself the one reprint of an earlier failed job */
  isReprint: z.boolean(),
  /** the citizen printed it again in the same session: how that reprint ended, or null if none was made */
  reprint: z.object({ id: z.string(), state: printJobStateSchema }).nullable(),
});
export type PrintProblem = z.infer<typeof printProblemSchema>;
export const printProblemsResponseSchema = z.object({ jobs: z.array(printProblemSchema) });
export type PrintProblemsResponse = z.infer<typeof printProblemsResponseSchema>;

/** POST /api/technician/diagnostic-bundle/export: the bundle written as a file on the kiosk */
export const bundleExportResponseSchema = z.object({
  /** the file written, e.g. /media/tongban-usb/tongban-diagnostics-TB-0001-….json */
  file: z.string(),
  /** usb: on the stick (take it with you); kiosk: in <data>/exports (no stick was mounted) */
  where: z.enum(['usb', 'kiosk']),
  bytes: z.number().int().nonnegative(),
});
export type BundleExportResponse = z.infer<typeof bundleExportResponseSchema>;

/**
 * GET /api/technician/diagnostic-bundle: what a technician hands to second-line support: health,
 * the loaded config, the audit trail and the current metrics. No session data and no secrets.
 */
export const diagnosticBundleSchema = z.object({
  kind: z.literal('tongban-diagnostic-bundle'),
  generatedAt: z.string(),
  version: z.string(),
  node: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
  health: healthResponseSchema,
  config: z.record(z.string(), z.unknown()),
  audit: z.array(auditEntrySchema),
  /** the Prometheus exposition text of this moment */
  metrics: z.string(),
});
export type DiagnosticBundle = z.infer<typeof diagnosticBundleSchema>;
