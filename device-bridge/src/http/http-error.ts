import type { ErrorCode } from '../api/index.ts';

/** An error a route throws on purpose; the error handler turns it into the JSON error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const noSession = () =>
  new HttpError(404, 'no-session', 'No citizen is identified. Place the ID card on the reader to start. / 请先放置身份证。');
