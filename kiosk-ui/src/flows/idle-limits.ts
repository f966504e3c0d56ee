import type { ScreenName } from './screen-names.ts';

/**
 * How long each step may sit untouched before the "more time?" countdown appears, as a factor of
 * the site's configured idle timeout (health.session.idleTimeoutSeconds). Data, not code: a step
 * where people read or write gets longer, a step with one obvious button gets less. `null` means
 * the step never times out by itself (the session is not open, or a device job is running).
 */
export const idleLimitFactors: Record<ScreenName, number | null> = {
  attract: null,
  'card-reading': null,
  'card-rejected': null,
  'out-of-service': null,
  greeting: 1,
  menu: 1,
  // reading a guide takes time
  guides: 2,
  // one's own records and case timelines are read line by line
  records: 1.5,
  progress: 1.5,
  // filling a form on an on-screen keyboard is slow for anyone
  apply: 2,
  queue: 1,
  appointment: 1.5,
  // the citizen reads their own records line by line
  'certificate-preview': 1.5,
  // the print job keeps the session; the idle watch is suspended while printing
  printing: null,
  'take-document': 1,
  // a rating is voluntary: nobody should wait long for a walked-away citizen's session to close
  rating: 0.5,
  goodbye: null,
  error: 1,
};

/** Seconds a step may stay idle, never less than the countdown that follows it. */
export function idleLimitSeconds(screen: ScreenName, configuredSeconds: number, countdownSeconds: number): number {
  const factor = idleLimitFactors[screen] ?? 1;
  return Math.max(Math.round(configuredSeconds * factor), countdownSeconds);
}
