import { Router } from 'express';
import { certificateRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError, noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/** POST /api/print-jobs answers 202 only after the job is committed; GET follows one job. */
export function printJobRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/print-jobs', async (request, response) => {
    const { type } = parseBody(certificateRequestSchema, request);
    const session = context.sessions.current();
    if (!session) throw noSession();
    const job = await context.printService.submit(session, type);
    response.status(202).json(job);
  });
  router.get('/api/print-jobs/:id', (request, response) => {
    const job = context.printService.get(request.params.id);
    if (!job) throw new HttpError(404, 'not-found', 'There is no print job with this id.');
    response.json(job);
  });
  return router;
}
