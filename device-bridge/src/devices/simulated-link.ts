import type { DeviceId, DeviceState } from '../api/index.ts';
import type { Clock } from '../time/clock.ts';
import type { Device } from './device.ts';
import { createStatusTracker } from './status-tracker.ts';

/**
 * A simulated device whose only state is its link: started or stopped by the bridge, cable in or
 * out. The simulated cameras are exactly this; real drivers add what their hardware reports.
 * Like a real driver, a simulator reports `disconnected` (reason `stopped`) until `start()`.
 */
export interface SimulatedLinkDevice<Id extends DeviceId> extends Device {
  readonly id: Id;
  connect(): void;
  disconnect(): void;
  /** started and plugged in: the device would see and deliver input now */
  isLive(): boolean;
  /** recomputes the status after something `linkStatus` reads has changed */
  refresh(): void;
}

export interface SimulatedLinkOptions {
  clock: Pick<Clock, 'now'>;
  /** the status while started; by default ready when plugged in, disconnected when not */
  linkStatus?: (connected: boolean) => { state: DeviceState; reason?: string };
}

const plainLink = (connected: boolean): { state: DeviceState; reason?: string } => ({
  state: connected ? 'ready' : 'disconnected',
});

export function createSimulatedLinkDevice<Id extends DeviceId>(id: Id, options: SimulatedLinkOptions): SimulatedLinkDevice<Id> {
  const linkStatus: NonNullable<SimulatedLinkOptions['linkStatus']> = options.linkStatus ?? plainLink;
  const tracker = createStatusTracker({ id, driver: 'simulated', clock: options.clock, state: 'disconnected', reason: 'stopped' });
  let connected = true;
  let running = false;

  function updateStatus(): void {
    if (!running) return tracker.set('disconnected', 'stopped');
    const { state, reason } = linkStatus(connected);
    tracker.set(state, reason);
  }

  return {
    id,
    driver: 'simulated',
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    async start() {
      running = true;
      updateStatus();
    },
    async stop() {
      running = false;
      updateStatus();
    },
    connect() {
      connected = true;
      updateStatus();
    },
    disconnect() {
      connected = false;
      updateStatus();
    },
    isLive: () => running && connected,
    refresh: updateStatus,
  };
}
