// The real SAM driver against a hostile SAM (random, mutated, truncated, duplicated, missing
// answers, the cable pulled now and then): no unhandled exception, every `reading` ends once,
// never a citizen with a bad number, and it recovers by itself once a sane SAM is back.
import { describe, expect, it } from 'vitest';
import { fuzzSamDriver } from '../fuzz/sam-driver-fuzz.ts';

describe('SAM driver against a hostile SAM (fuzz)', () => {
  it.each([1, 2, 3])('seed %i', async (seed) => {
    const outcome = await fuzzSamDriver(seed, 1_500);
    expect(outcome.problems).toEqual([]);
    expect(outcome.requests).toBeGreaterThan(50);
  });
});
