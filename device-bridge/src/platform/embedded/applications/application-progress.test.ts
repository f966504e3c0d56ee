import { describe, expect, it } from 'vitest';
import { progressSchedule } from './application-progress.ts';

const acceptedAt = '2026-11-23T10:00:00.000+08:00';
const at = (iso: string) => Date.parse(iso);

describe('demo progress of an application', () => {
  it('completes an immediate item (即办件) within the hour of acceptance', () => {
    expect(progressSchedule(acceptedAt, 0)).toEqual([['completed', at('2026-11-23T11:00:00+08:00')]]);
  });

  it('reviews a promised item two hours after acceptance and completes it at the promised limit', () => {
    expect(progressSchedule(acceptedAt, 5)).toEqual([
      ['in-review', at('2026-11-23T12:00:00+08:00')],
      ['approved', at('2026-11-28T08:00:00+08:00')],
      ['completed', at('2026-11-28T10:00:00+08:00')],
    ]);
  });
});
