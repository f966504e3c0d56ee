import type { EventLogger } from '../../log/logger.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { CodeScanner } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { createHidPosAssembler, hidPosEnableReport, hidPosUsagePage, needsEnableReport } from './hid-pos-codec.ts';

/** The slice of node-hid this driver uses, so tests can hand in an in-memory device. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  /** reported by the hidraw backend (Linux default); absent where the backend cannot tell */
  usagePage?: number;
}
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  /** the report ID first, as node-hid takes it */
  sendFeatureReport(report: number[]): Promise<number>;
  close(): void;
}
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

/** node-hid, imported only when a HID POS scanner is configured (architecture rule 1). */
export async function nodeHidBackend(): Promise<HidBackend> {
  const hid = await import('node-hid');
  return {
    devices: () => hid.devicesAsync(),
    open: async (path) => {
      const device = await hid.HIDAsync.open(path);
      return {
        on: (event: 'data' | 'error', listener: (...args: never[]) => void) =>
          void device.on(event, listener as (...args: unknown[]) => void),
        sendFeatureReport: (report: number[]) => device.sendFeatureReport(report),
        close: () => void device.close(),
      } as HidHandle;
    },
  };
}

/**
 * Which of a device's HID interfaces is its HID POS one. A scanner often also offers a keyboard
 * interface (usage page 0x01) that must never be opened: when the backend reports usage pages,
 * only page 0x8C qualifies. A backend that reports none cannot tell them apart, so only a device
 * with a single interface is taken.
 */
export function hidPosInterface(
  candidates: HidDeviceInfo[],
): HidDeviceInfo | { problem: 'not-found' | 'no-pos-interface' | 'interface-unknown' } {
  const withPath = candidates.filter((info) => info.path !== undefined);
  if (withPath.length === 0) return { problem: 'not-found' };
  if (withPath.some((info) => info.usagePage !== undefined)) {
    return withPath.find((info) => info.usagePage === hidPosUsagePage) ?? { problem: 'no-pos-interface' };
  }
  return withPath.length === 1 ? withPath[0]! : { problem: 'interface-unknown' };
}

/**
 * A scanner in HID POS mode: found by vendor/product id among HID interfaces on usage page 0x8C.
 * node-hid has no hot-plug events, so while the scanner is missing the driver looks again every
 * `rescanMs`; a read error is an unplug. Honeywell and Youjie scanners send nothing until told to
 * by feature report 0xFE = [0x01]; the driver sends it after opening (`enableFeatureReport`).
 */
export function createHidPosScanner(options: {
  vendorId: number;
  productId: number;
  rescanMs: number;
  /** absent: on for the vendors that need it (hid-pos-codec.ts needsEnableReport) */
  enableFeatureReport?: boolean;
  clock: Clock;
  backend: () => Promise<HidBackend>;
  logger?: EventLogger;
}): CodeScanner {
  const { clock, logger } = options;
  const enable = options.enableFeatureReport ?? needsEnableReport(options.vendorId);
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

  /** the last reason logged for not opening, so a missing scanner is logged once, not every rescan */
  let lastProblem: string | null = null;

  async function look(): Promise<void> {
    const myAttempt = ++attempt;
    try {
      const backend = await options.backend();
      const found = hidPosInterface(
        (await backend.devices()).filter((info) => info.vendorId === options.vendorId && info.productId === options.productId),
      );
      if ('problem' in found) throw new Error(found.problem);
      const opened = await backend.open(found.path!);
      if (!running || myAttempt !== attempt) {
        opened.close();
        return;
      }
      if (enable) {
        try {
          await opened.sendFeatureReport([...hidPosEnableReport]);
        } catch (error) {
          opened.close();
          throw new Error(`enable-report-failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        if (!running || myAttempt !== attempt) {
          opened.close();
          return;
        }
      }
      lastProblem = null;
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
    } catch (error) {
      if (!running || myAttempt !== attempt) return;
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== lastProblem) logger?.log('device-error', { device: 'scanner', reason: problem });
      lastProblem = problem;
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
