import { z } from 'zod';

/**
 * Face check (人证比对) and the ways to identify without the face. The card photo and every
 * descriptor stay in the bridge: the UI gets guidance, a decision and a score, plus the face camera's
 * live picture (GET /api/camera/camera/preview) only while a consented check is undecided.
 */
export const faceAlternatives = ['e-id', 'staff'] as const;
export const faceAlternativeSchema = z.enum(faceAlternatives);
export type FaceAlternative = z.infer<typeof faceAlternativeSchema>;

export const verificationMethodSchema = z.enum(['face', 'e-id', 'staff']);
export type VerificationMethod = z.infer<typeof verificationMethodSchema>;

/** why the face check is not offered (the alternatives are offered regardless) */
export const faceUnavailableReasonSchema = z.enum([
  'disabled',
  'no-reference-photo',
  'camera-unavailable',
  'model-unavailable',
  'no-attempts-left',
  /** this session is confirmed already (face, e-ID or staff): nothing more to check */
  'already-verified',
]);
export type FaceUnavailableReason = z.infer<typeof faceUnavailableReasonSchema>;

export const faceOptionsSchema = z.object({
  faceOffered: z.boolean(),
  reason: faceUnavailableReasonSchema.optional(),
  /** offered on the same screen as the face check; only those that can work right now */
  alternatives: z.array(faceAlternativeSchema),
  attemptsLeft: z.number().int().min(0),
  consented: z.boolean(),
  verified: z.object({ method: verificationMethodSchema, at: z.string() }).nullable(),
});
export type FaceOptions = z.infer<typeof faceOptionsSchema>;

export const faceConsentRequestSchema = z.object({ consent: z.literal(true) }).strict();
export type FaceConsentRequest = z.infer<typeof faceConsentRequestSchema>;

export const faceHints = ['no-face', 'move-closer', 'move-back', 'center', 'look-at-camera', 'more-light', 'ready'] as const;
export const faceHintSchema = z.enum(faceHints);
export type FaceHint = z.infer<typeof faceHintSchema>;
export const faceGuidanceSchema = z.object({ hint: faceHintSchema });
export type FaceGuidance = z.infer<typeof faceGuidanceSchema>;

export const faceDecisionSchema = z.enum(['match', 'no-match', 'not-live', 'no-face']);
export type FaceDecision = z.infer<typeof faceDecisionSchema>;
export const faceVerifyResultSchema = z.object({
  decision: faceDecisionSchema,
  /** similarity to the card photo, 0..1, two decimals; 0 when there was no usable face */
  score: z.number().min(0).max(1),
  attemptsLeft: z.number().int().min(0),
});
export type FaceVerifyResult = z.infer<typeof faceVerifyResultSchema>;

export const staffConfirmRequestSchema = z.object({ staffCode: z.string().regex(/^[0-9]{4,12}$/, '4 to 12 digits') }).strict();
export type StaffConfirmRequest = z.infer<typeof staffConfirmRequestSchema>;
export const verifiedResponseSchema = z.object({ method: verificationMethodSchema, at: z.string() });
export type VerifiedResponse = z.infer<typeof verifiedResponseSchema>;
