import type { LanguageTag } from '../i18n/language-tag.ts';
import type { ScreenName } from './screen-names.ts';
import type { VisitSettings } from './visit-settings.ts';
import type {
  Capabilities,
  CertificateType,
  CertificateTypeInfo,
  KioskEvent,
  PrintJobView,
  RatingIndicator,
  RatingRequest,
  SessionEndReason,
  SessionView,
} from '@tongban/device-bridge/api';

export type CardRejectionReason = Extract<KioskEvent, { type: 'card-rejected' }>['reason'];
export type RatingGrade = RatingRequest['grade'];
export type { RatingIndicator };

/** The rating being given: nothing is chosen until the citizen chooses (no suggested grade). */
export interface RatingDraft {
  grade: RatingGrade | null;
  /** what went wrong, asked only for a bad grade */
  indicators: RatingIndicator[];
}

/** What the kiosk can do and how it is set up: no personal data, kept across sessions. */
export interface KioskStatus {
  capabilities: Capabilities;
  siteName: string;
  helpPhone: string;
  idleTimeoutSeconds: number;
  countdownSeconds: number;
  /** the document camera (高拍仪) is ready: applications needing photographed materials can be taken */
  documentCameraReady: boolean;
  /**
   * The government service platform answers: false once a call found it unreachable (health
   * `platform.reachable`), until a call gets through again. Unknown counts as reachable: the
   * journey's own screen says so if the first call fails.
   */
  platformReachable: boolean;
  /** certificate types the bridge offers, with the 事项编码 a rating must carry */
  services: CertificateTypeInfo[];
  /** the languages this site offers (config kiosk.languages); absent: every language the UI has */
  languages?: readonly string[];
}

export type RatingOutcome = 'saved' | 'failed' | 'skipped';

export interface SessionContext {
  kiosk: KioskStatus;
  /** the identified citizen, masked by the bridge; null outside a session */
  session: SessionView | null;
  /** the certificate chosen to print (menu or record), handed to the print journey */
  service: CertificateType | null;
  rejection: CardRejectionReason | null;
  /** seconds left on the idle countdown overlay */
  countdownRemaining: number;
  /** what happened to the rating, for the goodbye screen's wording */
  ratingOutcome: RatingOutcome | null;
  rating: RatingDraft;
  /** the case the rating is about (一次一评): set when a print or an application completes */
  ratingCase: { serviceCode: string; caseId: string } | null;
  /** the step on screen: its own idle limit (idle-limits.ts), and which of the print journey's screens is up */
  step: ScreenName;
  /** ≥ 1: multiplies every wait for a person; follows the display mode (elder mode is slower) from when it changes */
  pacing: number;
  /** language, display mode and help as this visit set them; back to the defaults when a visit is over */
  visit: VisitSettings;
}

export type SessionEvent =
  /** health (and certificate list) fetched or refreshed */
  | { type: 'KIOSK_STATUS'; status: KioskStatus }
  /** the bridge cannot be reached at all */
  | { type: 'BRIDGE_UNREACHABLE' }
  /** raised when the display mode changed: 1 normally, 1.5 in elder mode (a11y/display-mode.ts pacingFactor) */
  | { type: 'SET_PACING'; factor: number }
  /** the language switch */
  | { type: 'SET_LANGUAGE'; language: LanguageTag }
  /** the 关爱模式 switch: an explicit choice, which wins over the citizen's age */
  | { type: 'SET_ELDER'; elder: boolean }
  /** the high-contrast switch */
  | { type: 'SET_HIGH_CONTRAST'; highContrast: boolean }
  /** call staff: the dialog opens (and sends the call); closing it */
  | { type: 'OPEN_HELP' }
  | { type: 'CLOSE_HELP' }
  | { type: 'CARD_READING' }
  | { type: 'CARD_REJECTED'; reason: CardRejectionReason }
  | { type: 'SESSION_STARTED'; session: SessionView }
  /** the bridge's view of the session on (re)connect (`hello`) */
  | { type: 'SESSION_SYNC'; session: SessionView | null }
  | { type: 'SESSION_ENDED'; reason: SessionEndReason }
  /** a print job changed (bridge event): passed on to the print journey */
  | { type: 'JOB'; job: PrintJobView }
  /** any touch or key press: resets the idle timer */
  | { type: 'USER_ACTIVITY' }
  | { type: 'CONTINUE' }
  | { type: 'SELECT_SERVICE'; service: CertificateType }
  /** 办事指南: from attract (no card needed) or from the menu */
  | { type: 'OPEN_GUIDES' }
  /** 预约签到: an appointment code (`tongban:appointment:<id>`) was scanned */
  | { type: 'APPOINTMENT_SCANNED'; appointmentId: string }
  /** 查询我的记录 and 办件进度, from the menu */
  | { type: 'OPEN_RECORDS' }
  | { type: 'OPEN_PROGRESS' }
  /** 申请办理, from the menu */
  | { type: 'OPEN_APPLY' }
  /** 取号, from the menu */
  | { type: 'OPEN_QUEUE' }
  /** 预约, from the menu */
  | { type: 'OPEN_APPOINTMENT' }
  | { type: 'BACK' }
  | { type: 'DONE' }
  | { type: 'EXIT' }
  | { type: 'MORE_TIME' }
  | { type: 'RATE'; grade: RatingGrade }
  /** a bad grade asks what went wrong: each indicator toggles on or off */
  | { type: 'TOGGLE_INDICATOR'; indicator: RatingIndicator }
  | { type: 'SUBMIT_RATING' }
  | { type: 'SKIP_RATING' }
  /** raised internally: printing pauses the idle timer, leaving printing resumes it */
  | { type: 'IDLE_SUSPEND' }
  | { type: 'IDLE_RESUME' }
  /** raised internally when a new step appears: its own idle limit starts */
  | { type: 'STEP_CHANGED' };
