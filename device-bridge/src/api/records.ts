import { z } from 'zod';
import { certificateTypeSchema } from './certificates.ts';

/**
 * 查询我的记录: the identified citizen's records for each certificate type, shown on screen
 * (masked name/ID, amounts as the platform holds them). Needs a session and a live platform.
 */
export const recordSummarySchema = z.object({
  type: certificateTypeSchema,
  title: z.string(),
  serviceCode: z.string(),
  /** false when the platform holds nothing for this person of this type */
  available: z.boolean(),
});
export type RecordSummary = z.infer<typeof recordSummarySchema>;

/** GET /api/records */
export const recordListResponseSchema = z.object({ records: z.array(recordSummarySchema) });
export type RecordListResponse = z.infer<typeof recordListResponseSchema>;

/** A table the screen shows as is: column titles and rows of display text, already formatted. */
export const recordTableSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

/** GET /api/records/:type → RecordView | 404 record-not-found */
export const recordViewSchema = z.object({
  type: certificateTypeSchema,
  title: z.string(),
  holderMaskedName: z.string(),
  maskedIdNumber: z.string(),
  /** label → display text, e.g. 单位名称 → 杭州某某科技有限公司 */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  table: recordTableSchema.nullable(),
  /** when the platform produced the data */
  asOf: z.string(),
});
export type RecordView = z.infer<typeof recordViewSchema>;
