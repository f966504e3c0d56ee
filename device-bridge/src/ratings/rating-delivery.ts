import { DeliveryDeferred, type OutboxHandler } from '../outbox/outbox.ts';
import type { SubmitRating } from '../platform/contract.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';

/**
 * What the platform knows an application made at this kiosk by: its own number once delivered; a
 * local number it does not know yet (waiting), or none (refused, or not this kiosk's).
 */
export type CaseNumberLookup = (localNumber: string) => { kind: 'platform'; number: string } | { kind: 'waiting' } | { kind: 'unknown' };

/**
 * How the outbox delivers a rating. 好差评 links to the 办件编号: a rating given while its
 * application still had only the kiosk's local number waits for the application's delivery and
 * then carries the platform's number.
 */
export function ratingDelivery(deps: { platform: Pick<ServicePlatform, 'submitRating'>; caseNumberOf: CaseNumberLookup }): OutboxHandler {
  function withPlatformCaseNumber(rating: SubmitRating): SubmitRating {
    const known = deps.caseNumberOf(rating.caseNumber);
    if (known.kind === 'waiting') throw new DeliveryDeferred(`rating waits for application ${rating.caseNumber} to be delivered`);
    return known.kind === 'platform' ? { ...rating, caseNumber: known.number } : rating;
  }
  return {
    send: (payload) => deps.platform.submitRating(withPlatformCaseNumber(payload as SubmitRating)),
    acknowledged: () => undefined,
    refused: () => undefined,
  };
}
