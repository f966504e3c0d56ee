import type { RequestHandler } from 'express';

/** Error codes are stable lower-case words (api/errors.ts); anything else is bucketed so a label never carries free text. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && /^[a-z][a-z0-9-]{0,40}$/.test(code) ? code : 'other';
}

/**
 * Watches every API answer for an error body and reports its stable code, so monitoring counts
 * errors without any route knowing about metrics. Mounted before the routes.
 */
export function observeErrorCodes(onErrorCode: (code: string) => void): RequestHandler {
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
    response.on('finish', () => {
      if (errorCode !== null) onErrorCode(errorCode);
    });
    next();
  };
}
