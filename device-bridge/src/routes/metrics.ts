import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { KioskMetrics } from '../monitoring/kiosk-metrics.ts';

/**
 * GET /metrics: Prometheus exposition on the bridge's loopback port (the host guard applies, so
 * only this machine's Prometheus agent can scrape it).
 * POST /api/ui-heartbeat: the kiosk UI says it is alive (renderer crashes leave the browser process
 * up, so the UI itself must tell).
 */
export function metricsHandlers(deps: {
  metrics: Pick<KioskMetrics, 'render' | 'registry' | 'uiHeartbeat'>;
}): EndpointHandlers<'metrics' | 'uiHeartbeat'> {
  const { metrics } = deps;
  return {
    metrics: async ({ http: { response } }) => {
      const body = await metrics.render();
      response.setHeader('Content-Type', metrics.registry.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.send(body);
    },
    uiHeartbeat: () => metrics.uiHeartbeat(),
  };
}
