import type { ErrorCode } from '../api/errors.ts';
import { DomainError } from '../errors/domain-error.ts';
import { PlatformRejection, PlatformUnavailable, type PlatformErrorCode } from './contract.ts';

/** The platform's refusal codes in the kiosk's own terms (a code the kiosk does not know: unavailable). */
const kioskCodeOf: Partial<Record<PlatformErrorCode, ErrorCode>> = {
  'item-not-found': 'item-not-found',
  'item-not-applicable': 'item-not-applicable',
  'slot-not-found': 'not-found',
  'slot-full': 'slot-full',
  'appointment-not-found': 'appointment-not-found',
  'appointment-not-today': 'appointment-not-today',
  'appointment-too-early': 'appointment-too-early',
  'appointment-too-late': 'appointment-too-late',
  'appointment-checked-in': 'appointment-checked-in',
  'queue-ticket-exists': 'queue-ticket-exists',
  'identity-mismatch': 'record-not-found',
  'ticket-not-found': 'not-found',
};

/**
 * What the platform said, as the kiosk's domain error: an unreachable platform is
 * platform-unavailable with the reason (the UI shows the service as unavailable, not broken); a
 * refusal keeps its meaning. Anything else passes through unchanged.
 */
export function domainErrorOfPlatform(error: unknown): unknown {
  if (error instanceof PlatformUnavailable) return new DomainError('platform-unavailable', error.message);
  if (error instanceof PlatformRejection) {
    const code = kioskCodeOf[error.code];
    return new DomainError(code ?? 'platform-unavailable', code ? error.message : `the platform refused the request: ${error.message}`);
  }
  return error;
}
