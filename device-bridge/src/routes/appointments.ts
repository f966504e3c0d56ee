import { Router } from 'express';
import { appointmentBookSchema, slotQuerySchema, type AppointmentBooked } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError, noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/** 预约: free slots (no session), then book (the slip is printed) / list / cancel my own (session). Live platform data. */
export function appointmentRoutes(context: BridgeContext): Router {
  const router = Router();
  const services = () => context.kioskServices;
  const applicant = () => {
    const session = context.sessions.current();
    if (!session) throw noSession();
    return { idNumber: session.identity.idNumber, name: session.identity.name };
  };
  router.get('/api/appointments/slots', async (request, response) => {
    const query = slotQuerySchema.safeParse({
      itemCode: request.query.itemCode,
      date: typeof request.query.date === 'string' && request.query.date !== '' ? request.query.date : undefined,
    });
    if (!query.success)
      throw new HttpError(
        400,
        'bad-request',
        `Query not valid: ${query.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    const slots = await services().live(() => context.platform.listSlots(query.data.itemCode, query.data.date));
    response.json({ slots });
  });
  router.get('/api/appointments', async (_request, response) => {
    const who = applicant();
    response.json({ appointments: await services().live(() => context.platform.listAppointments(who)) });
  });
  router.post('/api/appointments', async (request, response) => {
    const body = parseBody(appointmentBookSchema, request);
    const who = applicant();
    const booked = await services().live(() => context.platform.bookAppointment({ applicant: who, ...body }));
    // the slip carries the code 预约签到 scans on the day; a printer problem does not undo the booking
    const { printed } = await context.receipts.printAppointmentSlip(booked);
    context.logger.log('appointment-booked', { item: booked.itemCode, start: booked.start, printed });
    response.status(201).json({ ...booked, printed } satisfies AppointmentBooked);
  });
  router.delete('/api/appointments/:id', async (request, response) => {
    const who = applicant();
    await services().live(() => context.platform.cancelAppointment(who, String(request.params.id)));
    context.logger.log('appointment-cancelled', {});
    response.status(204).end();
  });
  return router;
}
