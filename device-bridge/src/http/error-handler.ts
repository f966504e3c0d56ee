import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../api/errors.ts';
import { DomainError, type DomainErrorFacts } from '../errors/domain-error.ts';
import type { EventLogger } from '../log/logger.ts';
import { PlatformRejection, PlatformUnavailable } from '../platform/contract.ts';
import { domainErrorOfPlatform } from '../platform/platform-errors.ts';
import { errorAnswerOf } from './error-answers.ts';

function answer(response: Response, code: ErrorCode, detail?: string, facts?: DomainErrorFacts): void {
  const { status, headers, body } = errorAnswerOf(code, detail, facts);
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(status).json(body);
}

export const apiNotFound: RequestHandler = (request, response) => {
  answer(response, 'not-found', `no ${request.method} ${request.baseUrl}${request.path}`);
};

/**
 * Every failure leaves as `{ error: { code, message } }`, with the status and wording of
 * error-answers.ts. Unexpected errors are logged with their message only (a stack could hold
 * request data) and the client gets a stable "internal" code.
 */
export function errorHandler(logger: EventLogger): ErrorRequestHandler {
  return (thrown: unknown, request, response, next) => {
    if (response.headersSent) {
      next(thrown);
      return;
    }
    let error = thrown;
    // the platform unreachable or refusing: platform-unavailable with the reason, or the refusal's own code
    if (thrown instanceof PlatformUnavailable || thrown instanceof PlatformRejection) {
      logger.log('platform-error', { path: request.path, kind: thrown.name, message: thrown.message });
      error = domainErrorOfPlatform(thrown);
    }
    if (error instanceof DomainError) {
      if (error.code === 'bad-request') logger.log('request-invalid', { path: request.path });
      answer(response, error.code, error.detail, error.facts);
      return;
    }
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413 || status === 415) {
      // body-parser: malformed JSON, too large, wrong charset
      logger.log('request-invalid', { path: request.path, status });
      const detail =
        status === 413 ? 'the body is too large' : 'the body is not valid JSON; send Content-Type: application/json with a JSON object';
      const { body } = errorAnswerOf('bad-request', detail);
      response.status(status).json(body);
      return;
    }
    logger.log('request-failed', { method: request.method, path: request.path, message: (error as Error)?.message });
    answer(response, 'internal');
  };
}
