import { z } from 'zod';
import { certificateTypeSchema } from '../../api/index.ts';

/** IssuedCertificate on the wire (platform.ts has the type): only masked personal data. */
export const issuedCertificateSchema = z.object({
  number: z.string().min(1).max(64),
  type: certificateTypeSchema,
  verificationCode: z.string().min(1).max(64),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: z.string(),
  validUntil: z.string(),
  maskedHolderName: z.string().max(100),
  maskedIdNumber: z.string().max(40),
});
