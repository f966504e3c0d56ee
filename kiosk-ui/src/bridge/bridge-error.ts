import type { ErrorCode } from '@tongban/device-bridge/api';

/**
 * Codes a request can fail with: the bridge's stable codes, plus two the browser sees on its own —
 * the bridge could not be reached at all, or it answered with something that is not the contract.
 */
export type BridgeErrorCode = ErrorCode | 'unreachable' | 'bad-response';

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    /** HTTP status, 0 when no response arrived */
    readonly status: number,
    /** when the bridge said to try again (Retry-After), in seconds */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** Reads `{ error: { code, message } }`; anything else becomes `bad-response` so nothing is guessed. */
export function bridgeErrorFromBody(status: number, body: unknown, retryAfter: string | null = null): BridgeError {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  if (isErrorBody(body)) return new BridgeError(body.error.code as ErrorCode, body.error.message, status, seconds);
  return new BridgeError('bad-response', `HTTP ${status} without an error body`, status);
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
