import type { ApplicationState } from '../../../api/index.ts';
import { dayMs, hourMs } from '../durations.ts';

/**
 * Applications move on by themselves in the demo platform: accepted when delivered, in review two
 * hours later, approved and completed by the promised limit (即办件: within the hour). The steps
 * after acceptance, each with the instant it is reached.
 */
export function progressSchedule(acceptedAt: string, promisedLimitDays: number): [ApplicationState, number][] {
  const accepted = Date.parse(acceptedAt);
  const promisedMs = promisedLimitDays * dayMs;
  return promisedLimitDays === 0
    ? [['completed', accepted + hourMs]]
    : [
        ['in-review', accepted + 2 * hourMs],
        ['approved', accepted + promisedMs - 2 * hourMs],
        ['completed', accepted + promisedMs],
      ];
}
