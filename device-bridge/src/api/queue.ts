import { z } from 'zod';
import { serviceCategorySchema } from './catalogue.ts';

/** 取号: a queue number for this hall's windows of a category (needs a session: one ticket per person per category). */
export const queueTakeSchema = z.object({ category: serviceCategorySchema });
export type QueueTake = z.infer<typeof queueTakeSchema>;

export const queueTicketSchema = z.object({
  /** e.g. A023 */
  number: z.string(),
  category: serviceCategorySchema,
  hallName: z.string(),
  /** the windows that call this category's numbers, e.g. ["B12", "B13"] */
  windows: z.array(z.string()),
  /** people ahead in line right now */
  ahead: z.number().int().min(0),
  issuedAt: z.string(),
  /** true when the ticket came out of the receipt printer */
  printed: z.boolean(),
});
export type QueueTicket = z.infer<typeof queueTicketSchema>;

/** GET /api/queue/:number → QueueStatus (position of a ticket; no session needed) */
export const queueStatusSchema = z.object({
  number: z.string(),
  ahead: z.number().int().min(0),
  state: z.enum(['waiting', 'called', 'done']),
});
export type QueueStatus = z.infer<typeof queueStatusSchema>;
