import type { DeviceId } from '../api/index.ts';
import type { Clock } from '../time/clock.ts';
import type { Device } from './device.ts';
import { createStatusTracker } from './status-tracker.ts';

/**
 * A simulated device whose only state is its link: started or stopped by the bridge, cable in or
 * out. The scanner and the cameras are exactly this (plus, for the scanner, codes); real drivers
 * will add what their hardware reports.
 * Like a real driver, a simulator reports `disconnected` (reason `stopped`) until `start()`.
 */
export interface SimulatedLinkDevice<Id extends DeviceId> extends Device {
  readonly id: Id;
  connect(): void;
  disconnect(): void;
  /** started and plugged in: the device would see and deliver input now */
  isLive(): boolean;
}

export function createSimulatedLinkDevice<Id extends DeviceId>(id: Id, options: { clock: Pick<Clock, 'now'> }): SimulatedLinkDevice<Id> {
  const tracker = createStatusTracker({ id, driver: 'simulated', clock: options.clock, state: 'disconnected', reason: 'stopped' });
  let connected = true;
  let running = false;

  function updateStatus(): void {
    if (!running) tracker.set('disconnected', 'stopped');
    else if (!connected) tracker.set('disconnected');
    else tracker.set('ready');
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
  };
}
