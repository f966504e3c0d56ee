import type { RatingIndicator } from '@tongban/device-bridge/api';
import type { RatingGrade } from './session.types.ts';

/**
 * The second-level indicators a bad grade asks about, in the contract's order. The contract's list
 * is a zod value the browser bundle must not import, so it is restated here and checked against
 * the contract's type: a contract indicator missing from this list fails tsc.
 */
export const ratingIndicatorChoices = [
  'efficiency',
  'guide-accuracy',
  'convenience',
  'operability',
  'service-level',
] as const satisfies readonly RatingIndicator[];

type MissingIndicators = Exclude<RatingIndicator, (typeof ratingIndicatorChoices)[number]>;
const everyIndicatorListed: MissingIndicators extends never ? true : false = true;
void everyIndicatorListed;

/** 不满意 (2) and 非常不满意 (1) must say what was wrong (GB/T 39734, the contract's badGradeMax). */
export function isBadGrade(grade: RatingGrade): boolean {
  return grade <= 2;
}
