import { z } from 'zod';

/**
 * The session as the UI may see it: masked, nothing more than the screens need (architecture rule 3).
 */
export const sessionViewSchema = z.object({
  id: z.string(),
  /** 张* — first character kept */
  maskedName: z.string(),
  /** 110105********1234 — first 6 and last 4 kept */
  maskedIdNumber: z.string(),
  /** for the greeting's form of address: 先生 / 女士 */
  salutation: z.enum(['male', 'female', 'none']),
  /** 60 or older: the UI may offer larger text (适老化) */
  elder: z.boolean(),
  startedAt: z.string(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionEndReasons = ['exit', 'timeout', 'ui-disconnected', 'replaced', 'shutdown'] as const;
export const sessionEndReasonSchema = z.enum(sessionEndReasons);
export type SessionEndReason = z.infer<typeof sessionEndReasonSchema>;

/** DELETE /api/session may say why; the citizen's exit button sends "exit", the idle timer "timeout". */
export const endSessionRequestSchema = z.object({ reason: z.enum(['exit', 'timeout']).default('exit') });
export type EndSessionRequest = z.infer<typeof endSessionRequestSchema>;
