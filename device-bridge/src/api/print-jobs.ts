import { z } from 'zod';
import { certificateTypeSchema } from './certificates.ts';

/**
 * A print job's public lifecycle. It is stored in SQLite as "queued" before the UI is told anything
 * (DESIGN rule 5).
 * - queued: accepted and stored, not yet at the printer
 * - printing: the printer is producing pages
 * - held: waiting for the printer (paper out, cover open, …); resumes by itself when fixed
 * - completed: the paper is out
 * - failed: will not print; reason says why
 */
export const printJobStates = ['queued', 'printing', 'held', 'completed', 'failed'] as const;
export const printJobStateSchema = z.enum(printJobStates);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

export const printJobViewSchema = z.object({
  id: z.string(),
  certificateType: certificateTypeSchema,
  certificateNumber: z.string(),
  state: printJobStateSchema,
  pages: z.number().int().positive(),
  pagesPrinted: z.number().int().nonnegative(),
  /** printer condition while held, or failure code when failed */
  reason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJobView = z.infer<typeof printJobViewSchema>;
