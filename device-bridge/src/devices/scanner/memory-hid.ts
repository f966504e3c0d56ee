import type { HidBackend, HidDeviceInfo, HidHandle } from './hid-pos-scanner.ts';
import { encodeHidPosReports, hidPosEnableReport, hidPosUsagePage } from './hid-pos-codec.ts';

/**
 * An in-memory HID POS scanner behind the HidBackend interface (tests; the simulator for the HID
 * mode): plug it in and out, show it codes, or send raw reports. Like a real scanner it can offer
 * more than one interface (a keyboard one besides HID POS), and like a Honeywell or Youjie one it
 * can stay silent until it gets feature report 0xFE = [0x01] (`needsEnable`).
 */
export interface MemoryHidScanner {
  backend: HidBackend;
  plug(): void;
  unplug(): void;
  scan(text: string): void;
  sendReport(report: Uint8Array): void;
  /** feature reports received, report ID first */
  featureReports(): number[][];
  /** which interface (path) is open, if any */
  openPath(): string | null;
}

export interface MemoryHidOptions {
  vendorId: number;
  productId: number;
  /** the interfaces it lists; default one HID POS interface */
  interfaces?: Array<{ path: string; usagePage?: number }>;
  /** scans are dropped until the enable feature report arrives (Honeywell / Youjie) */
  needsEnable?: boolean;
  /** the device refuses feature reports */
  rejectFeatureReports?: boolean;
}

export const memoryHidPosPath = '/dev/hidraw-memory';

export function createMemoryHidScanner(options: MemoryHidOptions): MemoryHidScanner {
  const { vendorId, productId } = options;
  const interfaces = options.interfaces ?? [{ path: memoryHidPosPath, usagePage: hidPosUsagePage }];
  let plugged = false;
  let enabled = false;
  const received: number[][] = [];
  let open: { path: string; data: ((report: Buffer) => void)[]; error: ((error: Error) => void)[] } | null = null;
  const posPath = interfaces.find((entry) => entry.usagePage === hidPosUsagePage || entry.usagePage === undefined)?.path;

  return {
    backend: {
      devices: async (): Promise<HidDeviceInfo[]> => (plugged ? interfaces.map((entry) => ({ vendorId, productId, ...entry })) : []),
      async open(path) {
        if (!plugged || !interfaces.some((entry) => entry.path === path)) throw new Error('could not open HID device');
        const listeners = { path, data: [] as ((report: Buffer) => void)[], error: [] as ((error: Error) => void)[] };
        open = listeners;
        const handle: HidHandle = {
          on: (event: 'data' | 'error', listener: (value: never) => void) => {
            (listeners[event] as ((value: never) => void)[]).push(listener);
          },
          async sendFeatureReport(report) {
            if (open !== listeners) throw new Error('could not send feature report: device closed');
            if (options.rejectFeatureReports) throw new Error('could not send feature report');
            received.push([...report]);
            if (report.length === hidPosEnableReport.length && report.every((byte, i) => byte === hidPosEnableReport[i])) enabled = true;
            return report.length;
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
      // a scanner that lost power forgets it was enabled
      enabled = false;
      const listeners = open;
      open = null;
      for (const listener of listeners?.error ?? []) listener(new Error('could not read from HID device'));
    },
    scan(text) {
      if (options.needsEnable && !enabled) return;
      for (const report of encodeHidPosReports(text)) this.sendReport(report);
    },
    sendReport(report) {
      // input reports come only on the HID POS interface
      if (open?.path !== posPath) return;
      for (const listener of open?.data ?? []) listener(Buffer.from(report));
    },
    featureReports: () => received.map((report) => [...report]),
    openPath: () => open?.path ?? null,
  };
}
