import { z } from 'zod';
import { itemCodeSchema } from './catalogue.ts';

/**
 * Applications (申请办理). The bridge takes the applicant from the session (一号申请: the ID number is
 * the key), never from the body. It stores the application with an outbox row before replying, gives
 * a local number at once and the platform's number once delivered.
 */
export const applicationSubmitSchema = z.object({
  itemCode: itemCodeSchema,
  /** answers to the item's formFields, by field id */
  form: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), z.string().max(500)),
  /** material id → capture id from the document camera (session materials); absent = not captured here */
  materials: z
    .array(z.object({ materialId: z.string().max(40), captureId: z.string().max(64) }))
    .max(20)
    .default([]),
  /** made by the UI once per attempt (crypto.randomUUID), so a retried POST never makes two applications */
  idempotencyKey: z.uuid(),
  /** 自取 (collect at the hall) or 邮寄 (post) */
  delivery: z.enum(['collect', 'post']).default('collect'),
  /**
   * 手写签名: the applicant's handwritten signature from the on-screen pad, as a PNG data URL. The
   * bridge checks it really is a PNG of pad size (400 signature-invalid otherwise), seals it in the
   * outbox with the materials and drops it once the platform has it. Never logged.
   */
  signature: z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'a PNG data URL from the signature pad')
    .max(400_000)
    .optional(),
});
export type ApplicationSubmit = z.input<typeof applicationSubmitSchema>;
export type ApplicationSubmitParsed = z.output<typeof applicationSubmitSchema>;

export const applicationStates = ['received', 'accepted', 'in-review', 'supplement-needed', 'approved', 'rejected', 'completed'] as const;
export const applicationStateSchema = z.enum(applicationStates);
export type ApplicationState = z.infer<typeof applicationStateSchema>;

export const timelineEntrySchema = z.object({
  state: applicationStateSchema,
  at: z.string(),
  office: z.string(),
  note: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** The kiosk's own view of delivery to the platform. */
export const deliveryStateSchema = z.enum(['waiting', 'delivered', 'failed']);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** POST /api/applications → 201 (or 200 when the same idempotencyKey was already accepted) */
export const applicationReceiptSchema = z.object({
  /** unique per kiosk, given at once: e.g. TB-DEV-0001-20261122-0007 */
  localNumber: z.string(),
  /** the platform's 办件编号, null until delivered */
  platformNumber: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  delivery: deliveryStateSchema,
  /** the 办件编号 to show and rate: platformNumber when known, else localNumber */
  caseNumber: z.string(),
  caseNumberKind: z.enum(['platform', 'local']),
  submittedAt: z.string(),
  /** true when the platform could not be reached: it will be sent when the line is back */
  queuedOffline: z.boolean(),
  /** true when the receipt printer printed a receipt */
  receiptPrinted: z.boolean(),
});
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;

/** One application of the identified citizen, as progress shows it. */
export const applicationViewSchema = z.object({
  caseNumber: z.string(),
  caseNumberKind: z.enum(['platform', 'local']),
  localNumber: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  state: applicationStateSchema,
  submittedAt: z.string(),
  office: z.string(),
  timeline: z.array(timelineEntrySchema),
  /** where it was submitted: 'kiosk' (this or another kiosk), 'window', 'online' */
  channel: z.enum(['kiosk', 'window', 'online']),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

/** GET /api/applications: the platform's list plus this kiosk's applications not yet delivered. */
export const applicationListResponseSchema = z.object({
  applications: z.array(applicationViewSchema),
  /** false when the platform is unreachable: only this kiosk's waiting applications are listed */
  live: z.boolean(),
  reason: z.string().optional(),
});
export type ApplicationListResponse = z.infer<typeof applicationListResponseSchema>;
