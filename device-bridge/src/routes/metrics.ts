import { Router, type RequestHandler } from 'express';
import { uiHeartbeatPath } from '../monitoring/paths.ts';
import { errorCodeLabel, journeyOf } from '../monitoring/journeys.ts';
import type { KioskMetrics } from '../monitoring/kiosk-metrics.ts';

/**
 * Watches every finished API answer: a journey's success counts as a completed journey, an error
 * body's stable code counts as an error. Mounted before the other routes so none of them has to
 * know about metrics.
 */
function observeAnswers(metrics: KioskMetrics): RequestHandler {
  return (request, response, next) => {
    if (!request.path.startsWith('/api/')) {
      next();
      return;
    }
    let errorCode: string | null = null;
    const json = response.json.bind(response);
    response.json = (body?: unknown) => {
      if (response.statusCode >= 400 && typeof body === 'object' && body !== null && 'error' in body) {
        errorCode = errorCodeLabel((body as { error?: { code?: unknown } }).error?.code);
      }
      return json(body);
    };
    const path = request.path;
    const method = request.method;
    response.on('finish', () => {
      if (errorCode !== null) metrics.errorAnswered(errorCode);
      const journey = journeyOf(method, path, response.statusCode);
      if (journey !== null) metrics.journeyCompleted(journey);
    });
    next();
  };
}

/**
 * GET /metrics: Prometheus exposition on the bridge's loopback port (the host guard applies, so
 * only this machine's Prometheus agent can scrape it).
 * POST /api/ui-heartbeat: the kiosk UI says it is alive (renderer crashes leave the browser process
 * up, so the UI itself must tell).
 */
export function metricsRoutes(metrics: KioskMetrics): Router {
  const router = Router();
  router.use(observeAnswers(metrics));
  router.get('/metrics', async (_request, response, next) => {
    try {
      const body = await metrics.render();
      response.setHeader('Content-Type', metrics.registry.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.send(body);
    } catch (error) {
      next(error);
    }
  });
  router.post(uiHeartbeatPath, (_request, response) => {
    metrics.uiHeartbeat();
    response.status(204).end();
  });
  return router;
}
