import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock.ts';

describe('manual clock', () => {
  it('fires due timers in time order and stamps now() at each timer', () => {
    const clock = createManualClock(new Date('2025-01-01T00:00:00.000Z'));
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now().toISOString()}`), 200);
    clock.setTimeout(() => fired.push(`a@${clock.now().toISOString()}`), 100);
    clock.setTimeout(() => fired.push('late'), 1000);
    clock.advance(500);
    expect(fired).toEqual(['a@2025-01-01T00:00:00.100Z', 'b@2025-01-01T00:00:00.200Z']);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.500Z');
    expect(clock.pendingTimers()).toBe(1);
  });

  it('fires timers set by a firing timer when they fall within the window', () => {
    const clock = createManualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(1);
      clock.setTimeout(() => fired.push(2), 100);
    }, 100);
    clock.advance(200);
    expect(fired).toEqual([1, 2]);
  });

  it('does not fire a cleared timer', () => {
    const clock = createManualClock();
    let fired = false;
    const handle = clock.setTimeout(() => (fired = true), 10);
    clock.clearTimeout(handle);
    clock.advance(100);
    expect(fired).toBe(false);
  });
});
