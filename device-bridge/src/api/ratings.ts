import { z } from 'zod';

/** 好差评 five grades, 5 = 非常满意 … 1 = 非常不满意 (国办发〔2019〕51号). */
export const ratingGrades = [5, 4, 3, 2, 1] as const;

export const ratingRequestSchema = z.object({
  grade: z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)]),
  /** 事项编码 of the service just used */
  serviceCode: z.string().min(1).max(64),
  /** 办件编号: the certificate number or application id the rating is about */
  caseId: z.string().min(1).max(64),
});
export type RatingRequest = z.infer<typeof ratingRequestSchema>;

export const ratingResponseSchema = z.object({ id: z.string() });
export type RatingResponse = z.infer<typeof ratingResponseSchema>;
