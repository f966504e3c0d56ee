import { Router } from 'express';
import type { AppointmentCheckInView, QueueTicket } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';

/** the id part of `tongban:appointment:<id>` (scan-formats): anything else is not an appointment code */
const appointmentIdPattern = /^[A-Za-z0-9-]{1,64}$/;

function appointmentIdOf(raw: unknown): string {
  const id = String(raw);
  if (!appointmentIdPattern.test(id))
    throw new HttpError(400, 'bad-request', 'An appointment code is letters, digits and dashes. / 预约码格式不对。');
  return id;
}

/**
 * 预约签到 on the attract screen: the scanned appointment code is the credential, so no session is
 * needed; the answer carries the appointment (item, hall, window, time) and nothing about the person.
 * Checking in takes the appointment's queue number and prints it like any queue ticket.
 */
export function appointmentCheckInRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/appointment-check-in/:id', async (request, response) => {
    const id = appointmentIdOf(request.params.id);
    const found = await context.kioskServices.live(() => context.platform.findAppointment(id));
    if (!found) throw new HttpError(404, 'appointment-not-found', 'No appointment has this code. / 没有找到这条预约，请找工作人员。');
    response.json(found satisfies AppointmentCheckInView);
  });
  router.post('/api/appointment-check-in/:id', async (request, response) => {
    const id = appointmentIdOf(request.params.id);
    const ticket = await context.kioskServices.live(() => context.platform.checkInAppointment(id));
    const { printed } = await context.receipts.printQueueTicket(ticket);
    context.logger.log('appointment-checked-in', { number: ticket.number, ahead: ticket.ahead, printed });
    response.status(201).json({ ...ticket, printed } satisfies QueueTicket);
  });
  return router;
}
