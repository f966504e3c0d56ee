/**
 * The one catalogue of log events (vxsuite's log-event catalogue, architecture rule 7). Every log line
 * carries one of these ids in `event`, so operators can search and alert on stable names.
 * Add new events here; never log free-form personal data: fields go through privacy/mask.ts.
 */
export const logEvents = {
  'bridge-starting': { level: 'info', message: 'device bridge starting' },
  'bridge-listening': { level: 'info', message: 'device bridge listening' },
  'bridge-stopping': { level: 'info', message: 'device bridge stopping' },
  'config-invalid': { level: 'fatal', message: 'configuration is invalid' },
  'store-opened': { level: 'info', message: 'SQLite store opened' },
  'store-migrated': { level: 'info', message: 'SQLite migration applied' },
  'device-status-changed': { level: 'info', message: 'device status changed' },
  'device-error': { level: 'warn', message: 'device reported an error' },
  'card-read': { level: 'info', message: 'ID card read' },
  'card-rejected': { level: 'warn', message: 'ID card rejected' },
  'session-started': { level: 'info', message: 'session started' },
  'session-ended': { level: 'info', message: 'session ended and wiped' },
  'scan-received': { level: 'info', message: 'code scanned' },
  'certificate-rendered': { level: 'info', message: 'certificate rendered' },
  'print-job-stored': { level: 'info', message: 'print job stored' },
  'print-job-state': { level: 'info', message: 'print job changed state' },
  'print-job-failed': { level: 'error', message: 'print job failed' },
  // receipts: kind only, never what the slip says
  'receipt-printed': { level: 'info', message: 'receipt slip printed' },
  'receipt-failed': { level: 'warn', message: 'receipt slip could not be printed' },
  'printing-disabled': { level: 'warn', message: 'certificate printing disabled until the printer has paper again' },
  'printing-enabled': { level: 'info', message: 'certificate printing enabled again' },
  'rating-stored': { level: 'info', message: 'rating stored' },
  'staff-called': { level: 'warn', message: 'citizen called staff' },
  'platform-error': { level: 'warn', message: 'platform request failed' },
  'request-rejected': { level: 'warn', message: 'request rejected by the host/origin guard' },
  'request-invalid': { level: 'info', message: 'request body failed validation' },
  'response-invalid': { level: 'error', message: 'an answer did not match the API contract (field paths only)' },
  'request-failed': { level: 'error', message: 'request failed unexpectedly' },
  'sim-control': { level: 'info', message: 'simulation control used' },
  // fleet link
  'fleet-connected': { level: 'info', message: 'connected to the fleet MQTT broker' },
  'fleet-disconnected': { level: 'warn', message: 'fleet MQTT connection lost' },
  'fleet-command': { level: 'info', message: 'remote command handled' },
  'fleet-publish-failed': { level: 'warn', message: 'fleet MQTT publish failed' },
  // ID reader and scanner drivers: machine reasons only, never card or code contents
  'id-reader-sam-identified': { level: 'info', message: 'ID card reader SAM answered its status and id' },
  'id-reader-sam-fault': { level: 'warn', message: 'ID card reader SAM is not usable' },
  'id-reader-read-failed': { level: 'warn', message: 'ID card could not be read' },
  'id-reader-line-problem': { level: 'warn', message: 'ID card reader line delivered malformed or no data' },
  'id-reader-select-after-read': {
    level: 'info',
    message: 'ID card reader: SAM status of the first select after a read (removal is detected by select failing; confirm on hardware)',
  },
  'serial-link-lost': { level: 'warn', message: 'serial device link lost; reconnecting' },
  'serial-link-open': { level: 'info', message: 'serial device link open' },
  'traffic-recording-enabled': { level: 'warn', message: 'raw device traffic is being recorded: the file holds personal data' },
  'scan-rejected': { level: 'warn', message: 'scanned code rejected (too long or control characters)' },
  // platform services and outbox: numbers and codes only, never identity
  'application-stored': { level: 'info', message: 'application stored with its outbox row' },
  'appointment-booked': { level: 'info', message: 'appointment booked' },
  'appointment-cancelled': { level: 'info', message: 'appointment cancelled' },
  'queue-number-taken': { level: 'info', message: 'queue number taken' },
  'appointment-checked-in': { level: 'info', message: 'appointment checked in at the kiosk (预约签到), queue number taken' },
  'outbox-delivered': { level: 'info', message: 'outbox row delivered to the platform' },
  'outbox-retry': { level: 'warn', message: 'outbox delivery failed; will retry' },
  'outbox-refused': { level: 'error', message: 'platform refused an outbox row; it will not be retried' },
  // cameras, document capture and face check: decisions and counts only, never a face or a page
  'face-consent-given': { level: 'info', message: 'citizen gave separate consent to the face check' },
  'face-check-result': { level: 'info', message: 'face check decided' },
  'face-model-failed': { level: 'error', message: 'face model could not load or run; the face check is not offered' },
  'staff-confirmed': { level: 'info', message: 'staff confirmed the citizen in person' },
  'staff-code-rejected': { level: 'warn', message: 'wrong staff code entered at the kiosk' },
  'e-id-confirmed': { level: 'info', message: 'mobile e-ID code matched the card' },
  'e-id-rejected': { level: 'warn', message: 'mobile e-ID code did not match the card' },
  'e-id-login': { level: 'info', message: 'mobile e-ID login code accepted by the verifier; session opened' },
  'e-id-unavailable': { level: 'error', message: 'the e-ID verifier could not be asked' },
  'face-photo-decode-failed': { level: 'warn', message: 'card photo decoder gave no usable photo; no face check for this card' },
  'identity-verification-unavailable': {
    level: 'warn',
    message:
      'no way to confirm a person at 实人 level is set up (face photo decoder, e-ID verifier, staff code): applications must go to a staffed window',
  },
  'material-page-captured': { level: 'info', message: 'document page captured and compressed' },
  'material-page-failed': { level: 'warn', message: 'document camera still could not be processed; the citizen is asked to take it again' },
  'materials-wiped': { level: 'info', message: 'captured pages wiped' },
} as const satisfies Record<string, { level: 'debug' | 'info' | 'warn' | 'error' | 'fatal'; message: string }>;

export type LogEventId = keyof typeof logEvents;
