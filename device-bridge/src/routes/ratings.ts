import { Router } from 'express';
import { ratingRequestSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

/**
 * POST /api/ratings: 好差评, committed to SQLite with its outbox row (one transaction) before the 201,
 * then delivered to the platform with channel = self-service kiosk + kiosk id. Only the citizen being
 * served can rate (一次一评); a bad grade needs at least one indicator (the schema says so). The
 * rater's identity travels sealed to the platform only (real-name rating, kept confidential).
 */
export function ratingRoutes(context: BridgeContext): Router {
  const router = Router();
  router.post('/api/ratings', (request, response) => {
    const rating = parseBody(ratingRequestSchema, request);
    const session = context.sessions.current();
    if (!session) throw noSession();
    const id = context.newId();
    context.kioskServices.storeRating(id, session.identity, rating, () =>
      context.ratings.insert({
        id,
        grade: rating.grade,
        serviceCode: rating.serviceCode,
        caseId: rating.caseId,
        kioskId: context.config.kiosk.id,
        createdAt: context.clock.now().toISOString(),
      }),
    );
    context.kioskServices.outbox.kick();
    context.logger.log('rating-stored', { rating: id, grade: rating.grade, serviceCode: rating.serviceCode });
    response.status(201).json({ id });
  });
  return router;
}
