import type { DeviceId, DeviceState, DeviceStatus } from '../api/index.ts';
import type { Clock } from '../time/clock.ts';
import { createListeners } from './listeners.ts';

/**
 * Holds one device's public status. Every driver, simulator and fake uses it so that `since` is
 * always stamped from the injected clock and listeners hear about a change exactly once: setting
 * the same state and reason again is not a change (a poll loop may report "ready" every second).
 */
export interface StatusTracker {
  current(): DeviceStatus;
  /** records the state; notifies listeners only if state or reason differ from the current ones */
  set(state: DeviceState, reason?: string): void;
  onStatus(listener: (status: DeviceStatus) => void): () => void;
}

export function createStatusTracker(options: {
  id: DeviceId;
  driver: string;
  clock: Pick<Clock, 'now'>;
  state: DeviceState;
  reason?: string;
}): StatusTracker {
  const { id, driver, clock } = options;
  const listeners = createListeners<DeviceStatus>();
  let status = build(options.state, options.reason);

  function build(state: DeviceState, reason: string | undefined): DeviceStatus {
    const since = clock.now().toISOString();
    // Leave `reason` out rather than undefined so the status serialises and compares cleanly.
    return reason === undefined ? { id, state, driver, since } : { id, state, reason, driver, since };
  }

  return {
    current: () => ({ ...status }),
    set(state, reason) {
      if (status.state === state && status.reason === reason) return;
      status = build(state, reason);
      listeners.emit({ ...status });
    },
    onStatus: (listener) => listeners.add(listener),
  };
}
