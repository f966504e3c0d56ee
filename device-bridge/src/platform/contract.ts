import { z } from 'zod';
import {
  badGradeMax,
  appointmentSlotSchema,
  appointmentViewSchema,
  applicationStateSchema,
  applicationViewSchema,
  certificateTypeInfoSchema,
  idNumberSchema,
  itemCodeSchema,
  queueStatusSchema,
  ratingIndicators,
  ratingIndicatorSchema,
  serviceCategorySchema,
  serviceItemSchema,
  serviceItemSummarySchema,
  verificationMethodSchema,
} from '../api/index.ts';

/**
 * The wire contract between a kiosk and the platform (the standalone server, or a provincial
 * platform behind an adapter that speaks it). The embedded platform, the standalone server and the
 * HTTP adapter all use these schemas; config/platform-openapi.json is generated from them.
 * Personal data travels only in POST bodies, never in a URL (URLs end up in access logs).
 */

/** 一号申请: the platform checks name + ID number together (two-factor, level 3). */
export const applicantSchema = z.object({
  idNumber: idNumberSchema,
  name: z.string().min(1).max(15),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const catalogueListSchema = z.object({ items: z.array(serviceItemSummarySchema) });
export const certificateTypesSchema = z.object({ types: z.array(certificateTypeInfoSchema) });

/** an instant with its offset, as the kiosk writes it (2026-11-22T10:00:00.000+08:00); no "yesterday" */
const instantSchema = z.iso.datetime({ offset: true });

export const platformMaterialSchema = z.object({
  /** one of the item's guide materials */
  materialId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  fileName: z.string().max(120),
  /** one PDF per material, base64 (the platform also checks the bytes are a PDF) */
  pdfBase64: z.base64().min(8).max(20_000_000),
});
export type PlatformMaterial = z.infer<typeof platformMaterialSchema>;

/** POST /v1/applications with an Idempotency-Key header equal to idempotencyKey */
export const submitApplicationSchema = z.object({
  idempotencyKey: z.string().min(8).max(80),
  localNumber: z.string().max(64),
  itemCode: itemCodeSchema,
  applicant: applicantSchema,
  /** answers to the item's guide formFields (checked against the guide: platform/application-check.ts) */
  form: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), z.string().max(500)),
  materials: z.array(platformMaterialSchema).max(20),
  delivery: z.enum(['collect', 'post']),
  submittedAt: instantSchema,
  /**
   * how the person at the kiosk was confirmed as the applicant (实人): the live face against the card
   * photo, a mobile e-ID checked by the CTID service, or a hall employee with the staff code; and
   * when. A kiosk always sends it (it refuses an application without it); optional only so rows
   * queued before it existed still deliver.
   */
  identityVerification: z.object({ method: verificationMethodSchema, at: instantSchema }).optional(),
  /** the applicant's handwritten signature (手写签名), a PNG, base64; absent when not signed at the kiosk */
  signaturePngBase64: z.base64().min(8).max(400_000).optional(),
});
export type SubmitApplication = z.infer<typeof submitApplicationSchema>;

export const submitApplicationResultSchema = z.object({
  platformNumber: z.string(),
  itemName: z.string(),
  state: applicationStateSchema,
  acceptedAt: z.string(),
  office: z.string(),
});
export type SubmitApplicationResult = z.infer<typeof submitApplicationResultSchema>;

export const applicationsSchema = z.object({ applications: z.array(applicationViewSchema) });

/** what this kiosk delivered (reconciliation): only the calling kiosk's own */
export const kioskDeliveriesSchema = z.object({
  deliveries: z.array(
    z.object({ idempotencyKey: z.string(), localNumber: z.string(), platformNumber: z.string(), acceptedAt: z.string() }),
  ),
});

/** POST /v1/ratings with an Idempotency-Key header; channel is the self-service terminal + kiosk id */
export const submitRatingSchema = z
  .object({
    idempotencyKey: z.string().min(8).max(80),
    caseNumber: z.string().min(1).max(64),
    /** a catalogue item (the platform refuses an unknown one with item-not-found) */
    itemCode: itemCodeSchema,
    grade: z.number().int().min(1).max(5),
    indicators: z.array(ratingIndicatorSchema).max(ratingIndicators.length).describe('what was wrong: at least one when grade is 1 or 2'),
    comment: z.string().max(300).optional(),
    ratedAt: instantSchema,
    /** real-name rating: kept confidential by the platform, never returned by any endpoint */
    rater: applicantSchema.nullable(),
  })
  // the same rule the kiosk's own rating route keeps (api/ratings.ts): a bad grade says what was wrong
  .refine((rating) => rating.grade > badGradeMax || rating.indicators.length > 0, {
    message: 'a bad grade (1 or 2) needs at least one indicator saying what was wrong',
    path: ['indicators'],
  });
export type SubmitRating = z.infer<typeof submitRatingSchema>;
export const submitRatingResultSchema = z.object({ ratingId: z.string() });

export const slotsSchema = z.object({ slots: z.array(appointmentSlotSchema) });
export const bookAppointmentSchema = z.object({ applicant: applicantSchema, slotId: z.string().max(80), itemCode: itemCodeSchema });
export type BookAppointment = z.infer<typeof bookAppointmentSchema>;
export const cancelAppointmentSchema = z.object({ applicant: applicantSchema });
export const appointmentsSchema = z.object({ appointments: z.array(appointmentViewSchema) });

export const takeQueueNumberSchema = z.object({ applicant: applicantSchema, category: serviceCategorySchema });
export type TakeQueueNumber = z.infer<typeof takeQueueNumberSchema>;
export const platformTicketSchema = z.object({
  number: z.string(),
  category: serviceCategorySchema,
  hallName: z.string(),
  /** the windows that call this category's numbers, e.g. ["B12", "B13"] */
  windows: z.array(z.string().max(20)).max(20),
  ahead: z.number().int().min(0),
  issuedAt: z.string(),
});
export type PlatformTicket = z.infer<typeof platformTicketSchema>;
export { queueStatusSchema, serviceItemSchema, appointmentViewSchema };
export { appointmentCheckInViewSchema } from '../api/appointments.ts';

/** errors the platform answers with: a stable code and a message */
export const platformErrorCodes = [
  'bad-request',
  'unknown-kiosk',
  'item-not-found',
  'item-not-applicable',
  'identity-mismatch',
  'slot-not-found',
  'slot-full',
  'appointment-not-found',
  'appointment-not-today',
  'appointment-too-early',
  'appointment-too-late',
  'appointment-checked-in',
  'queue-ticket-exists',
  'ticket-not-found',
  'idempotency-conflict',
  'not-found',
  'internal',
] as const;
export type PlatformErrorCode = (typeof platformErrorCodes)[number];
export const platformErrorSchema = z.object({ error: z.object({ code: z.enum(platformErrorCodes), message: z.string() }) });

/** A refusal by the platform (4xx): retrying the same request will not help. */
export class PlatformRejection extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'PlatformRejection';
  }
}

/** The platform could not be reached or answered nonsense: worth retrying later. */
export class PlatformUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformUnavailable';
  }
}
