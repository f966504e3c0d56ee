// Kept free of imports (and of zod) so the kiosk bundle, the bridge and the browser tests share it.
/** The kiosk UI's screen names (`data-screen`, the selector contract); browser tests depend on them. */
export const screenNames = [
  'attract',
  'card-reading',
  'card-rejected',
  'greeting',
  'menu',
  'guides',
  'records',
  'progress',
  'apply',
  'queue',
  'appointment',
  'certificate-preview',
  'printing',
  'take-document',
  'rating',
  'goodbye',
  'out-of-service',
  'error',
] as const;
export type ScreenName = (typeof screenNames)[number];

/**
 * The `screen` label of kiosk_staff_calls_total: one of the UI's screens, anything else `other`, so
 * the label set stays fixed whatever a client sends (no open-ended labels).
 */
export function staffCallScreenLabel(screen: string): ScreenName | 'other' {
  return (screenNames as readonly string[]).includes(screen) ? (screen as ScreenName) : 'other';
}
