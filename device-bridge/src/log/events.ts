/**
 * The one catalogue of log events (vxsuite's log-event catalogue, DESIGN rule 7). Every log line
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
  'rating-stored': { level: 'info', message: 'rating stored' },
  'staff-called': { level: 'warn', message: 'citizen called staff' },
  'platform-error': { level: 'warn', message: 'platform request failed' },
  'request-rejected': { level: 'warn', message: 'request rejected by the host/origin guard' },
  'request-invalid': { level: 'info', message: 'request body failed validation' },
  'request-failed': { level: 'error', message: 'request failed unexpectedly' },
  'sim-control': { level: 'info', message: 'simulation control used' },
} as const satisfies Record<string, { level: 'debug' | 'info' | 'warn' | 'error' | 'fatal'; message: string }>;

export type LogEventId = keyof typeof logEvents;
