import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../api/index.ts';
import type { EventLogger } from '../log/logger.ts';
import { HttpError } from './http-error.ts';
import { PlatformRejection, PlatformUnavailable } from '../platform/contract.ts';
import { platformHttpError } from '../platform/platform-http-error.ts';

function send(response: Parameters<RequestHandler>[1], status: number, body: ErrorBody): void {
  response.status(status).json(body);
}

export const apiNotFound: RequestHandler = (request, response) => {
  send(response, 404, { error: { code: 'not-found', message: `There is no ${request.method} ${request.path}.` } });
};

/**
 * Every failure leaves as `{ error: { code, message } }`. Unexpected errors are logged with their
 * message only (a stack could hold request data) and the client gets a stable "internal" code.
 */
export function errorHandler(logger: EventLogger): ErrorRequestHandler {
  return (thrown: unknown, request, response, next) => {
    if (response.headersSent) {
      next(thrown);
      return;
    }
    // the platform unreachable or refusing: 503 platform-unavailable with the reason, or the refusal's own code
    let error = thrown;
    if (thrown instanceof PlatformUnavailable || thrown instanceof PlatformRejection) {
      logger.log('platform-error', { path: request.path, kind: thrown.name, message: thrown.message });
      error = platformHttpError(thrown);
    }
    if (error instanceof HttpError) {
      if (error.code === 'bad-request') logger.log('request-invalid', { path: request.path });
      send(response, error.status, { error: { code: error.code, message: error.message } });
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 400 || status === 413 || status === 415) {
      // body-parser: malformed JSON, too large, wrong charset
      logger.log('request-invalid', { path: request.path, status });
      const message =
        status === 413
          ? 'The request body is too large.'
          : 'The request body is not valid JSON. Send Content-Type: application/json with a JSON object.';
      send(response, status, { error: { code: 'bad-request', message } });
      return;
    }
    logger.log('request-failed', { method: request.method, path: request.path, message: (error as Error)?.message });
    send(response, 500, {
      error: { code: 'internal', message: 'Something went wrong in the kiosk. Please try again or ask staff.' },
    });
  };
}
