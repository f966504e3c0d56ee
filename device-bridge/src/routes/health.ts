import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { KioskHealth } from '../monitoring/kiosk-health.ts';

/** GET /api/health: always 200 while the bridge runs; `status` says what the kiosk can do. */
export function healthHandlers(deps: { health: KioskHealth }): EndpointHandlers<'health'> {
  return { health: () => deps.health.report() };
}
