import express, { type Express } from 'express';
import type { EndpointName } from './api/endpoints.ts';
import { endpointRouter, type AccessGuards, type BridgeHandlers } from './http/endpoint-router.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { hostAndOriginGuard, securityHeaders } from './http/guard.ts';
import { observeErrorCodes } from './http/observe-errors.ts';
import { uiStatic } from './http/ui-static.ts';
import type { EventLogger } from './log/logger.ts';

export interface AppDeps {
  port: number;
  logger: EventLogger;
  /** one handler per endpoint of the table (the simulation ones only when devices are simulated) */
  handlers: BridgeHandlers;
  guards: AccessGuards;
  /** where the built UI is served from */
  uiDir: string;
  /** a JSON answer outside its schema is a 500 (tests), not just a log line */
  strictResponses: boolean;
  /** monitoring: every error code answered, every successful answer by endpoint */
  onErrorCode: (code: string) => void;
  onAnswered: (endpoint: EndpointName, status: number) => void;
}

/** The Express app: guard first, then the endpoints of the table, then the UI, then JSON errors. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(hostAndOriginGuard(deps.port, deps.logger));
  app.use(securityHeaders);
  // Only JSON bodies are parsed: a form post (text/plain, urlencoded) from elsewhere never reaches a route.
  app.use('/api', express.json({ limit: '64kb', strict: true }));
  app.use(observeErrorCodes(deps.onErrorCode));
  app.use(
    endpointRouter(deps.handlers, {
      guards: deps.guards,
      logger: deps.logger,
      strictResponses: deps.strictResponses,
      onAnswered: deps.onAnswered,
    }),
  );
  app.use('/api', apiNotFound);
  app.use(uiStatic(deps.uiDir));
  app.use(errorHandler(deps.logger));
  return app;
}
