import type {
  Capabilities,
  CertificatePreview,
  CertificateType,
  CertificateTypeInfo,
  KioskEvent,
  PrintJobView,
  RatingRequest,
  SessionEndReason,
  SessionView,
} from '@tongban/device-bridge/api';

export type CardRejectionReason = Extract<KioskEvent, { type: 'card-rejected' }>['reason'];
export type RatingGrade = RatingRequest['grade'];

/** What the kiosk can do and how it is set up: no personal data, kept across sessions. */
export interface KioskStatus {
  capabilities: Capabilities;
  siteName: string;
  helpPhone: string;
  idleTimeoutSeconds: number;
  countdownSeconds: number;
  /** certificate types the bridge offers, with the 事项编码 a rating must carry */
  services: CertificateTypeInfo[];
}

/**
 * Why the error screen is shown: a bridge error code, or a print job that ended in `failed`.
 * Kept as a plain string so the flow does not depend on the HTTP client.
 */
export type FailureCode = string;

export type RatingOutcome = 'saved' | 'failed' | 'skipped';

export interface SessionContext {
  kiosk: KioskStatus;
  /** the identified citizen, masked by the bridge; null outside a session */
  session: SessionView | null;
  service: CertificateType | null;
  preview: CertificatePreview | null;
  job: PrintJobView | null;
  rejection: CardRejectionReason | null;
  failure: FailureCode | null;
  /** seconds left on the idle countdown overlay */
  countdownRemaining: number;
  /** what happened to the rating, for the goodbye screen's wording */
  ratingOutcome: RatingOutcome | null;
}

export type SessionEvent =
  /** health (and certificate list) fetched or refreshed */
  | { type: 'KIOSK_STATUS'; status: KioskStatus }
  /** the bridge cannot be reached at all */
  | { type: 'BRIDGE_UNREACHABLE' }
  | { type: 'CARD_READING' }
  | { type: 'CARD_REJECTED'; reason: CardRejectionReason }
  | { type: 'SESSION_STARTED'; session: SessionView }
  /** the bridge's view of the session on (re)connect (`hello`) */
  | { type: 'SESSION_SYNC'; session: SessionView | null }
  | { type: 'SESSION_ENDED'; reason: SessionEndReason }
  | { type: 'JOB'; job: PrintJobView }
  /** any touch or key press: resets the idle timer */
  | { type: 'USER_ACTIVITY' }
  | { type: 'CONTINUE' }
  | { type: 'SELECT_SERVICE'; service: CertificateType }
  | { type: 'PRINT' }
  | { type: 'BACK' }
  | { type: 'DONE' }
  | { type: 'EXIT' }
  | { type: 'MORE_TIME' }
  | { type: 'RATE'; grade: RatingGrade }
  | { type: 'SKIP_RATING' }
  /** raised internally: printing pauses the idle timer, leaving printing resumes it */
  | { type: 'IDLE_SUSPEND' }
  | { type: 'IDLE_RESUME' };
