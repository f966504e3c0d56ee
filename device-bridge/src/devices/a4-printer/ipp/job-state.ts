import type { PrinterCondition } from '../../../api/index.ts';

/** IPP job-state (RFC 8011 §5.3.7). */
export const ippJobStates = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
} as const;
export type IppJobState = (typeof ippJobStates)[keyof typeof ippJobStates];

export function ippJobState(value: unknown): IppJobState | null {
  return typeof value === 'number' && value in ippJobStates ? ippJobStates[value as keyof typeof ippJobStates] : null;
}

export function isTerminal(state: IppJobState): boolean {
  return state === 'canceled' || state === 'aborted' || state === 'completed';
}

/**
 * printer-state-reasons keywords (RFC 8011 §5.4.12, PWG 5100.9) → the kiosk's printer condition.
 * Suffixes -report/-warning/-error say how bad; "-error" stops printing. The worst wins, in the
 * order a technician must act: offline, jam, door/cover, paper out, then warnings.
 */
export function conditionFromReasons(reasons: readonly string[]): PrinterCondition {
  const base = (reason: string) => reason.replace(/-(report|warning|error)$/, '');
  const has = (...names: string[]) => reasons.some((reason) => names.includes(base(reason)));
  if (has('offline', 'shutdown', 'connecting-to-device', 'timed-out', 'paused')) return 'offline';
  if (has('media-jam', 'input-tray-missing', 'marker-supply-missing')) return 'jam';
  if (has('door-open', 'cover-open', 'interlock-open')) return 'cover-open';
  if (has('media-empty', 'media-needed')) return 'paper-out';
  if (has('media-low', 'toner-low', 'marker-supply-low')) return 'paper-low';
  if (reasons.some((reason) => reason.endsWith('-error') && base(reason) !== 'none')) return 'offline';
  return 'ready';
}
