import { z } from 'zod';
import { itemCodeSchema } from './catalogue.ts';

/** 预约: slots per hall and window; the citizen books, lists and cancels their own (needs a session). */
export const appointmentSlotSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  window: z.string(),
  /** ISO start and end, Asia/Shanghai offset */
  start: z.string(),
  end: z.string(),
  remaining: z.number().int().min(0),
});
export type AppointmentSlot = z.infer<typeof appointmentSlotSchema>;

/** GET /api/appointments/slots?itemCode=&date=YYYY-MM-DD (no session needed) */
export const slotQuerySchema = z.object({
  itemCode: itemCodeSchema,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type SlotQuery = z.infer<typeof slotQuerySchema>;
export const slotListResponseSchema = z.object({ slots: z.array(appointmentSlotSchema) });
export type SlotListResponse = z.infer<typeof slotListResponseSchema>;

/** POST /api/appointments → 201 AppointmentView; 409 slot-full when taken meanwhile */
export const appointmentBookSchema = z.object({ slotId: z.string().min(1).max(80), itemCode: itemCodeSchema });
export type AppointmentBook = z.infer<typeof appointmentBookSchema>;

export const appointmentViewSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  hallName: z.string(),
  window: z.string(),
  start: z.string(),
  end: z.string(),
  state: z.enum(['booked', 'cancelled', 'attended']),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/**
 * POST /api/appointments → 201: the booked appointment, and whether its slip (预约凭证: the code as
 * text and as a `tongban:appointment:<id>` QR code for 预约签到) came out of the receipt printer.
 */
export const appointmentBookedSchema = appointmentViewSchema.extend({ printed: z.boolean() });
export type AppointmentBooked = z.infer<typeof appointmentBookedSchema>;

/**
 * 预约签到: whether a scanned appointment can be checked in now — open from an hour before its
 * start to its end, on its day (China time).
 */
export const checkInStates = ['open', 'not-today', 'too-early', 'too-late', 'checked-in', 'cancelled'] as const;
export const checkInStateSchema = z.enum(checkInStates);
export type CheckInState = z.infer<typeof checkInStateSchema>;

/** The id part of a scanned `tongban:appointment:<id>` code: letters, digits and dashes. */
export const appointmentCodeSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an appointment code is letters, digits and dashes');

/**
 * GET /api/appointment-check-in/:id (no session: the scanned code is the credential) → the
 * appointment with its check-in state. Nothing about the person: no name, no ID number.
 */
export const appointmentCheckInViewSchema = z.object({ appointment: appointmentViewSchema, checkIn: checkInStateSchema });
export type AppointmentCheckInView = z.infer<typeof appointmentCheckInViewSchema>;

/** GET /api/appointments (mine); DELETE /api/appointments/:id → 204 (only my own, only booked) */
export const appointmentListResponseSchema = z.object({ appointments: z.array(appointmentViewSchema) });
export type AppointmentListResponse = z.infer<typeof appointmentListResponseSchema>;
