import { z } from 'zod';

/** 好差评 five grades, 5 = 非常满意 … 1 = 非常不满意 (国办发〔2019〕51号). */
export const ratingGrades = [5, 4, 3, 2, 1] as const;

/**
 * Second-level indicators a citizen picks for a bad grade (不满意 / 非常不满意). The national
 * content for online/self-service channels: 办事效率, 办事指南精确度, 办事便捷度, 平台操作性,
 * plus 服务水平 for what staff did around the kiosk. Version-managed nationally: do not add casually.
 */
export const ratingIndicators = ['efficiency', 'guide-accuracy', 'convenience', 'operability', 'service-level'] as const;
export const ratingIndicatorSchema = z.enum(ratingIndicators);
export type RatingIndicator = z.infer<typeof ratingIndicatorSchema>;

/** grades at or below this need at least one indicator */
export const badGradeMax = 2;

export const ratingRequestSchema = z
  .object({
    grade: z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)]),
    /** 事项编码 of the service just used */
    serviceCode: z.string().min(1).max(64),
    /** 办件编号: the certificate number or application case number the rating is about */
    caseId: z.string().min(1).max(64),
    indicators: z.array(ratingIndicatorSchema).max(ratingIndicators.length).default([]),
    comment: z.string().max(300).optional(),
  })
  .refine((rating) => rating.grade > badGradeMax || rating.indicators.length > 0, {
    message: 'a bad grade (1 or 2) needs at least one indicator saying what was wrong',
    path: ['indicators'],
  });
export type RatingRequest = z.input<typeof ratingRequestSchema>;
export type RatingParsed = z.output<typeof ratingRequestSchema>;

/** stored locally before the reply; sent to the platform through the outbox (now or when the line is back) */
export const ratingResponseSchema = z.object({ id: z.string() });
export type RatingResponse = z.infer<typeof ratingResponseSchema>;
