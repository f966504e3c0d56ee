import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { EventLogger } from '../log/logger.ts';
import type { RatingService } from '../ratings/rating-service.ts';

/**
 * POST /api/ratings: 好差评, committed with its outbox row before the 201, then delivered to the
 * platform with channel = self-service kiosk + kiosk id. Only the citizen being served can rate
 * (一次一评); a bad grade needs at least one indicator (the schema says so).
 */
export function ratingHandlers(deps: { ratings: RatingService; logger: EventLogger }): EndpointHandlers<'ratings'> {
  return {
    ratings: ({ body, session }) => {
      const id = deps.ratings.rate(session.identity, body);
      deps.logger.log('rating-stored', { rating: id, grade: body.grade, serviceCode: body.serviceCode });
      return { id };
    },
  };
}
