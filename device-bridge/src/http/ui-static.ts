import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built kiosk UI from the same origin as the API, so the browser never makes a
 * cross-origin call. Hashed assets are cached for good; index.html never is, and answers every
 * other GET outside /api/ (the UI's own paths). Middleware, not routes: every route of the bridge
 * comes from the endpoint table.
 */
export function uiStatic(uiDir: string): Router {
  const router = Router();
  const index = join(uiDir, 'index.html');
  router.use('/assets', express.static(join(uiDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.use(express.static(uiDir, { index: false, maxAge: 0 }));
  router.use((request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path.startsWith('/api/')) {
      next();
      return;
    }
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The kiosk UI is not built. Run `npm run build` (npm start does it for you).');
      return;
    }
    response.setHeader('Cache-Control', 'no-store');
    response.sendFile(index);
  });
  return router;
}
