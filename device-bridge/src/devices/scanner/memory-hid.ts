import type { HidBackend, HidDeviceInfo, HidHandle } from './hid-pos-scanner.ts';
import { encodeHidPosReports } from './hid-pos-codec.ts';

/**
 * An in-memory HID POS scanner behind the HidBackend interface (tests; the simulator for the HID
 * mode): plug it in and out, show it codes, or send raw reports.
 */
export interface MemoryHidScanner {
  backend: HidBackend;
  plug(): void;
  unplug(): void;
  scan(text: string): void;
  sendReport(report: Uint8Array): void;
}

export function createMemoryHidScanner(info: { vendorId: number; productId: number }): MemoryHidScanner {
  let plugged = false;
  let open: { data: ((report: Buffer) => void)[]; error: ((error: Error) => void)[] } | null = null;
  const device: HidDeviceInfo = { ...info, path: '/dev/hidraw-memory', usagePage: 0x8c };
  return {
    backend: {
      devices: async () => (plugged ? [device] : []),
      async open() {
        if (!plugged) throw new Error('could not open HID device');
        const listeners = { data: [] as ((report: Buffer) => void)[], error: [] as ((error: Error) => void)[] };
        open = listeners;
        const handle: HidHandle = {
          on: (event: 'data' | 'error', listener: (value: never) => void) => {
            (listeners[event] as ((value: never) => void)[]).push(listener);
          },
          close: () => {
            if (open === listeners) open = null;
          },
        } as HidHandle;
        return handle;
      },
    },
    plug() {
      plugged = true;
    },
    unplug() {
      plugged = false;
      const listeners = open;
      open = null;
      for (const listener of listeners?.error ?? []) listener(new Error('could not read from HID device'));
    },
    scan(text) {
      for (const report of encodeHidPosReports(text)) this.sendReport(report);
    },
    sendReport(report) {
      for (const listener of open?.data ?? []) listener(Buffer.from(report));
    },
  };
}
