import type { DeviceId, DeviceState } from '../api/index.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import type { Device } from './device.ts';
import { createStatusTracker } from './status-tracker.ts';

/**
 * The part every in-memory fake shares: a device that is ready from the start, whose status a
 * test sets directly, and which remembers whether it was started (so a test can check that the
 * code under test starts and stops its devices).
 */
export interface MemoryDeviceBase<Id extends DeviceId> extends Device {
  readonly id: Id;
  setState(state: DeviceState, reason?: string): void;
  readonly started: boolean;
}

export function createMemoryDeviceBase<Id extends DeviceId>(id: Id, options: { clock?: Pick<Clock, 'now'> } = {}): MemoryDeviceBase<Id> {
  const tracker = createStatusTracker({ id, driver: 'memory', clock: options.clock ?? systemClock, state: 'ready' });
  let started = false;
  return {
    id,
    driver: 'memory',
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    async start() {
      started = true;
    },
    async stop() {
      started = false;
    },
    setState: (state, reason) => tracker.set(state, reason),
    get started() {
      return started;
    },
  };
}
