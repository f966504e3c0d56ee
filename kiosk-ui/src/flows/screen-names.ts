// Kept free of imports so the browser tests can use the same list.
/** The screen names of the selector contract (`data-screen`); browser tests depend on them. */
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
