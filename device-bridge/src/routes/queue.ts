import { Router } from 'express';
import { queueTakeSchema, type QueueTicket } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError, noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/** 取号: a queue number for a category (session; printed on the receipt printer when it can) and its position. */
export function queueRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/queue', async (request, response) => {
    const { category } = parseBody(queueTakeSchema, request);
    const session = context.sessions.current();
    if (!session) throw noSession();
    const applicant = { idNumber: session.identity.idNumber, name: session.identity.name };
    const ticket = await context.kioskServices.live(() => context.platform.takeQueueNumber({ applicant, category }));
    const { printed } = await context.receipts.printQueueTicket(ticket);
    context.logger.log('queue-number-taken', { number: ticket.number, ahead: ticket.ahead, printed });
    response.status(201).json({ ...ticket, printed } satisfies QueueTicket);
  });
  router.get('/api/queue/:number', async (request, response) => {
    const status = await context.kioskServices.live(() => context.platform.queueStatus(String(request.params.number)));
    if (!status) throw new HttpError(404, 'not-found', 'There is no such ticket today. / 今天没有这个号。');
    response.json(status);
  });
  return router;
}
