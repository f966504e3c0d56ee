import { endpoints, type EndpointName } from '../api/endpoints.ts';

/**
 * Which answers mean a citizen finished a journey: the endpoint answered with its own success
 * status (a replayed application's 200 is not a second journey). The label values are this fixed
 * list (no ids, no free text), which keeps the series count bounded. Print journeys count when the
 * paper is out (job events), not here.
 */
export const journeyTypes = ['query', 'print', 'apply', 'appointment', 'queue', 'rating'] as const;
export type JourneyType = (typeof journeyTypes)[number];

const journeyEndpoints: Partial<Record<EndpointName, JourneyType>> = {
  record: 'query',
  submitApplication: 'apply',
  bookAppointment: 'appointment',
  queue: 'queue',
  ratings: 'rating',
};

/** The journey an answer of this endpoint completed, or null. */
export function journeyOf(endpoint: EndpointName, status: number): JourneyType | null {
  const journey = journeyEndpoints[endpoint];
  if (!journey) return null;
  const response = endpoints[endpoint].response;
  return response.kind === 'json' && response.status === status ? journey : null;
}
