import { Router } from 'express';
import { printRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError, noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/**
 * POST /api/print-jobs answers 202 only after the job is committed; GET follows one job;
 * POST /api/print-jobs/:id/reprint prints a failed job once more in the same session.
 * Failed jobs nobody handled are listed and acknowledged only in technician mode
 * (routes/technician.ts), never from the citizen's page.
 */
export function printJobRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/print-jobs', async (request, response) => {
    const { type, copies } = parseBody(printRequestSchema, request);
    const session = context.sessions.current();
    if (!session) throw noSession();
    const job = await context.printService.submit(session, type, copies);
    response.status(202).json(job);
  });
  router.get('/api/print-jobs/:id', (request, response) => {
    const job = context.printService.get(request.params.id);
    if (!job) throw new HttpError(404, 'not-found', 'There is no print job with this id.');
    response.json(job);
  });
  router.post('/api/print-jobs/:id/reprint', (request, response) => {
    const session = context.sessions.current();
    if (!session) throw noSession();
    response.status(202).json(context.printService.reprint(session, request.params.id));
  });
  return router;
}
