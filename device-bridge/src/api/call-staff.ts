import { z } from 'zod';

/**
 * POST /api/call-staff: the citizen pressed "呼叫工作人员 / call staff". Only the screen they were
 * on travels (never who they are), so staff know where to help and monitoring can count calls.
 */
export const callStaffRequestSchema = z.object({
  /**
   * the screen the citizen was on (a data-screen name such as "menu", api/screens.ts); a name not in
   * that list is still a call for help and is taken, but counted as "other" in the metrics
   */
  screen: z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'a screen name: lower-case letters, digits and dashes'),
});
export type CallStaffRequest = z.infer<typeof callStaffRequestSchema>;

export const callStaffResponseSchema = z.object({
  id: z.string(),
  calledAt: z.string(),
});
export type CallStaffResponse = z.infer<typeof callStaffResponseSchema>;
