import type { Clock, TimerHandle } from '../../time/clock.ts';

/**
 * A clock that only moves when a test says so, so device tests script hardware timing without
 * sleeping (vxsuite's simulated clock). Test-only: nothing in production imports this file.
 */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by ms, firing every timer that falls due on the way in due-time order
   * (ties in the order they were set). Timers set by a firing timer also fire if they fall due
   * within the window, exactly as they would with real time.
   */
  advance(ms: number): void;
  /** how many timers are waiting */
  pendingTimers(): number;
}

interface PendingTimer {
  dueAt: number;
  order: number;
  callback: () => void;
}

export function createManualClock(start: Date = new Date('2025-03-01T09:00:00.000Z')): ManualClock {
  let nowMs = start.getTime();
  let nextOrder = 0;
  const timers = new Map<number, PendingTimer>();

  function nextDue(limit: number): [number, PendingTimer] | undefined {
    let found: [number, PendingTimer] | undefined;
    for (const entry of timers) {
      const timer = entry[1];
      if (timer.dueAt > limit) continue;
      if (!found || timer.dueAt < found[1].dueAt || (timer.dueAt === found[1].dueAt && timer.order < found[1].order)) {
        found = entry;
      }
    }
    return found;
  }

  return {
    now: () => new Date(nowMs),
    setTimeout(callback, ms) {
      const order = nextOrder++;
      timers.set(order, { dueAt: nowMs + Math.max(0, ms), order, callback });
      return order as unknown as TimerHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle as unknown as number);
    },
    advance(ms) {
      if (!(ms >= 0)) throw new Error(`advance expects a non-negative number of ms, got ${ms}`);
      const target = nowMs + ms;
      for (let due = nextDue(target); due; due = nextDue(target)) {
        const [key, timer] = due;
        timers.delete(key);
        nowMs = timer.dueAt;
        timer.callback();
      }
      nowMs = target;
    },
    pendingTimers: () => timers.size,
  };
}
