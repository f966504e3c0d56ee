import type { RequestHandler } from 'express';
import type { EventLogger } from '../log/logger.ts';
import { errorAnswerOf } from './error-answers.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The bridge drives hardware and holds a citizen's identity, so only the kiosk's own page may use
 * it (QZ Tray and Odoo's open CORS are the warning):
 * - Host must be 127.0.0.1:<port> or localhost:<port>, else 421 — this defeats DNS rebinding.
 * - A state-changing request must come from our own origin: a foreign Origin, or a browser's
 *   Sec-Fetch-Site of cross-site/same-site, gets 403. Requests without Origin (curl on the kiosk,
 *   tests) are allowed: a browser always sends Origin on a cross-origin POST.
 * No CORS headers are ever sent, so no other origin can read a response either.
 */
export function hostAndOriginGuard(port: number, logger: EventLogger): RequestHandler {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  return (request, response, next) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      logger.log('request-rejected', { why: 'host', method: request.method, path: request.path });
      const { status, body } = errorAnswerOf('misdirected-host', `127.0.0.1:${port} or localhost:${port}`);
      response.status(status).json(body);
      return;
    }
    if (stateChanging.has(request.method)) {
      const origin = request.headers.origin;
      const fetchSite = request.headers['sec-fetch-site'];
      const foreignOrigin = origin !== undefined && !allowedOrigins.has(origin);
      const crossSite = fetchSite === 'cross-site' || fetchSite === 'same-site';
      if (foreignOrigin || crossSite) {
        logger.log('request-rejected', { why: 'origin', method: request.method, path: request.path });
        const { status, body } = errorAnswerOf('forbidden-origin');
        response.status(status).json(body);
        return;
      }
    }
    next();
  };
}

/** Headers for a locked-down kiosk page: nothing cached, nothing framed, nothing from elsewhere. */
export const securityHeaders: RequestHandler = (request, response, next) => {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
  if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  next();
};
