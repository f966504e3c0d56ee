import { Router } from 'express';
import { endSessionRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/** GET /api/session (masked view or 404) and DELETE /api/session (the citizen leaves; wiped). */
export function sessionRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/session', (_request, response) => {
    const view = context.sessions.view();
    if (!view) throw noSession();
    response.json(view);
  });
  router.delete('/api/session', (request, response) => {
    const { reason } = parseBody(endSessionRequestSchema, request);
    context.sessions.end(reason);
    // Ending a session that is already gone is fine: the citizen's intent is met either way.
    response.status(204).end();
  });
  return router;
}
