import type { OutboxHandler } from '../outbox/outbox.ts';
import type { SubmitApplication, SubmitApplicationResult } from '../platform/contract.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';
import type { Clock } from '../time/clock.ts';
import type { ApplicationStore } from './application-store.ts';

/** How the outbox delivers an application, and what the kiosk records when the platform answered. */
export function applicationDelivery(deps: {
  platform: Pick<ServicePlatform, 'submitApplication'>;
  store: Pick<ApplicationStore, 'acknowledged' | 'refused'>;
  clock: Clock;
}): OutboxHandler {
  return {
    send: (payload) => deps.platform.submitApplication(payload as SubmitApplication),
    acknowledged: (idempotencyKey, result) =>
      deps.store.acknowledged(idempotencyKey, (result as SubmitApplicationResult).platformNumber, deps.clock.now().getTime()),
    refused: (idempotencyKey, reason) => deps.store.refused(idempotencyKey, reason, deps.clock.now().getTime()),
  };
}
