import { z } from 'zod';
import { certificateTypeSchema } from './certificates.ts';

/**
 * A print job's public lifecycle. It is stored in SQLite as "queued" before the UI is told anything
 * (architecture rule 5).
 * - queued: accepted and stored, not yet handed to the printer
 * - submitted: the printer system (CUPS) has it; not printing yet
 * - printing: the printer is producing pages
 * - held: waiting for the printer (cover open, printer unreachable …); resumes by itself when fixed
 * - completed: the paper is out
 * - failed: will not print; `reason` says why (paper-out, jam, aborted, interrupted, …).
 *   A failed job may be reprinted once, in the same session (POST /api/print-jobs/:id/reprint).
 * - cancelled: cancelled at the printer (by a technician)
 */
export const printJobStates = ['queued', 'submitted', 'printing', 'held', 'completed', 'failed', 'cancelled'] as const;
export const printJobStateSchema = z.enum(printJobStates);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

export const maxCopies = 3;

export const printJobViewSchema = z.object({
  id: z.string(),
  certificateType: certificateTypeSchema,
  certificateNumber: z.string(),
  state: printJobStateSchema,
  /** pages of one copy */
  pages: z.number().int().positive(),
  /** sheets out so far, over all copies */
  pagesPrinted: z.number().int().nonnegative(),
  /** identical copies; absent = 1 */
  copies: z.number().int().min(1).max(maxCopies).optional(),
  /** printer condition while held, or failure code when failed */
  reason: z.string().optional(),
  /** the failed job this one reprints */
  reprintOf: z.string().optional(),
  /** a technician marked this failure handled (failed/cancelled jobs only matter); absent = false */
  acknowledged: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJobView = z.infer<typeof printJobViewSchema>;

/** POST /api/print-jobs body: the certificate type and 1–3 copies (default 1). */
export const printRequestSchema = z
  .object({
    type: certificateTypeSchema,
    copies: z.number().int().min(1).max(maxCopies).default(1),
  })
  .strict();
export type PrintRequest = z.input<typeof printRequestSchema>;

// Failed jobs nobody acknowledged are the technician's (GET /api/technician/print-jobs/attention,
// api/technician.ts printProblemSchema): the citizen's kiosk page has no business listing them.
