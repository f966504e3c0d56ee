import { Router } from 'express';
import { ratingRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/**
 * POST /api/ratings: 好差评, committed to SQLite before the 201. Only the citizen being served can
 * rate (一次一评: the rating belongs to a service just done in this session).
 */
export function ratingRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/ratings', (request, response) => {
    const rating = parseBody(ratingRequestSchema, request);
    if (!context.sessions.current()) throw noSession();
    const id = context.newId();
    context.ratings.insert({
      id,
      ...rating,
      kioskId: context.config.kiosk.id,
      createdAt: context.clock.now().toISOString(),
    });
    context.logger.log('rating-stored', { rating: id, grade: rating.grade, serviceCode: rating.serviceCode });
    response.status(201).json({ id });
  });
  return router;
}
