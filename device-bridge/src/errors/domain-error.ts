import type { ErrorCode } from '../api/errors.ts';

/** Facts an answer may need beyond the code (the HTTP layer turns retryAfterSeconds into Retry-After). */
export interface DomainErrorFacts {
  /** when trying again makes sense, in seconds from now */
  retryAfterSeconds?: number;
}

/**
 * Something a citizen, technician or caller asked for that the kiosk will not or cannot do, named
 * by a stable code from the API's error list. Services throw it; only the HTTP layer decides the
 * status and the wording (http/error-answers.ts). `detail` is a short technical fact for whoever
 * reads the raw answer (which field, which file), never screen wording and never personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly facts: DomainErrorFacts = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}

/** No citizen is identified (the card was never placed, or the visit ended meanwhile). */
export const noSession = () => new DomainError('no-session');
