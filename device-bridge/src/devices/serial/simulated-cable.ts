import { createMemoryLinePair, type MemoryLinePair } from './memory-line.ts';
import type { SerialLine } from './serial-line.ts';

/**
 * The cable between a simulated device and the real driver that talks to it (`npm start`, dev
 * panel): the driver's `open()` gets a fresh in-memory line with the device's protocol simulator
 * attached to the far end; `disconnect()` pulls the cable (both ends fail, as on hardware) and
 * makes further opens fail until `connect()` plugs it back.
 */
export interface SimulatedCable {
  open(): Promise<SerialLine>;
  connect(): void;
  disconnect(): void;
}

export function createSimulatedCable(device: string, attach: (deviceEnd: SerialLine) => void): SimulatedCable {
  let plugged = true;
  let cable: MemoryLinePair | null = null;
  return {
    async open() {
      if (!plugged) throw new Error(`simulated ${device} unplugged`);
      cable = createMemoryLinePair();
      attach(cable.device);
      return cable.host;
    },
    connect() {
      plugged = true;
    },
    disconnect() {
      plugged = false;
      cable?.unplug();
      cable = null;
    },
  };
}
