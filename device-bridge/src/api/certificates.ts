import { z } from 'zod';

export const certificateTypes = ['social-insurance-contribution'] as const;
export const certificateTypeSchema = z.enum(certificateTypes);
export type CertificateType = z.infer<typeof certificateTypeSchema>;

/** One month of social-insurance contributions. Amounts are integers in fen (分) so nothing rounds. */
export const contributionRowSchema = z.object({
  /** YYYY-MM */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** paying unit (单位名称) */
  employer: z.string(),
  /** 缴费基数 */
  baseFen: z.number().int().nonnegative(),
  /** 单位缴纳 */
  employerFen: z.number().int().nonnegative(),
  /** 个人缴纳 */
  personalFen: z.number().int().nonnegative(),
  /** paid (已缴) or owed (欠缴) */
  status: z.enum(['paid', 'owed']),
});
export type ContributionRow = z.infer<typeof contributionRowSchema>;

export const certificateTypeInfoSchema = z.object({
  type: certificateTypeSchema,
  /** official Chinese title, printed as is */
  title: z.string(),
  /** 事项编码 of the service item */
  serviceCode: z.string(),
});
export type CertificateTypeInfo = z.infer<typeof certificateTypeInfoSchema>;

/** POST /api/certificates/preview and POST /api/print-jobs bodies */
export const certificateRequestSchema = z.object({ type: certificateTypeSchema });
export type CertificateRequest = z.infer<typeof certificateRequestSchema>;

/** What the citizen sees before printing: masked, the same data the paper will carry. */
export const certificatePreviewSchema = z.object({
  type: certificateTypeSchema,
  title: z.string(),
  holderMaskedName: z.string(),
  maskedIdNumber: z.string(),
  issuer: z.string(),
  rows: z.array(contributionRowSchema),
  pages: z.number().int().positive(),
});
export type CertificatePreview = z.infer<typeof certificatePreviewSchema>;
