import type { EventLogger } from '../../log/logger.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { CodeScanner } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { createHidPosAssembler, hidPosUsagePage } from './hid-pos-codec.ts';

/** The slice of node-hid this driver uses, so tests can hand in an in-memory device. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  usagePage?: number;
}
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): void;
}
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

/** node-hid, imported only when a HID POS scanner is configured (DESIGN rule 1). */
export async function nodeHidBackend(): Promise<HidBackend> {
  const hid = await import('node-hid');
  return {
    devices: () => hid.devicesAsync(),
    open: async (path) => {
      const device = await hid.HIDAsync.open(path);
      return {
        on: (event: 'data' | 'error', listener: (...args: never[]) => void) => void device.on(event, listener as (...args: unknown[]) => void),
        close: () => void device.close(),
      } as HidHandle;
    },
  };
}

/**
 * A scanner in HID POS mode: found by vendor/product id among HID interfaces on usage page 0x8C.
 * node-hid has no hot-plug events, so while the scanner is missing the driver looks again every
 * `rescanMs`; a read error is an unplug.
 */
export function createHidPosScanner(options: {
  vendorId: number;
  productId: number;
  rescanMs: number;
  clock: Clock;
  backend: () => Promise<HidBackend>;
  logger?: EventLogger;
}): CodeScanner {
  const { clock, logger } = options;
  const tracker = createStatusTracker({ id: 'scanner', driver: 'hid-pos', clock, state: 'disconnected', reason: 'stopped' });
  const scanListeners = createListeners<string>();
  let running = false;
  let handle: HidHandle | null = null;
  let timer: TimerHandle | null = null;
  let attempt = 0;

  function scheduleLook(ms: number): void {
    if (!running) return;
    timer = clock.setTimeout(() => {
      timer = null;
      void look();
    }, ms);
  }

  async function look(): Promise<void> {
    const myAttempt = ++attempt;
    try {
      const backend = await options.backend();
      const candidates = (await backend.devices()).filter(
        (info) =>
          info.vendorId === options.vendorId &&
          info.productId === options.productId &&
          info.path !== undefined &&
          (info.usagePage === undefined || info.usagePage === hidPosUsagePage),
      );
      const info = candidates[0];
      if (!info?.path) throw new Error('scanner not found');
      const opened = await backend.open(info.path);
      if (!running || myAttempt !== attempt) {
        opened.close();
        return;
      }
      handle = opened;
      const assembler = createHidPosAssembler();
      opened.on('data', (report) => {
        const result = assembler.push(new Uint8Array(report));
        if (result === null) return;
        if (result.ok) scanListeners.emit(result.text);
        else logger?.log('scan-rejected', { reason: result.reason });
      });
      opened.on('error', (error) => {
        if (handle !== opened) return;
        handle = null;
        opened.close();
        logger?.log('serial-link-lost', { device: 'scanner', reason: error.message });
        tracker.set('disconnected', 'port-unavailable');
        scheduleLook(options.rescanMs);
      });
      tracker.set('ready');
    } catch {
      if (!running || myAttempt !== attempt) return;
      tracker.set('disconnected', 'port-unavailable');
      scheduleLook(options.rescanMs);
    }
  }

  return {
    id: 'scanner',
    driver: 'hid-pos',
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    onScan: (listener) => scanListeners.add(listener),
    async start() {
      if (running) return;
      running = true;
      tracker.set('disconnected', 'port-unavailable');
      await look();
    },
    async stop() {
      running = false;
      attempt += 1;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      handle?.close();
      handle = null;
      tracker.set('disconnected', 'stopped');
    },
  };
}
