import type { EventLogger } from '../../log/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { CodeScanner } from '../device.ts';
import { createSimulatedCable } from '../serial/simulated-cable.ts';
import type { ScannerSuffix } from './line-codec.ts';
import { checkScanText } from './scan-text.ts';
import { createSerialScanner } from './serial-scanner.ts';
import { createSerialScannerSimulator } from './serial-scanner-simulator.ts';

/**
 * The QR / barcode scanner as `npm start` and integration tests see it: the real USB-CDC driver
 * (serial-scanner.ts: line codec, untrusted-text checks, reconnect) reading the bytes a scanner
 * writes, over an in-memory cable, as the simulated ID reader does with its SAM. A code shown to an
 * unplugged (or stopped) scanner is simply not seen: it is dropped, not delivered later, exactly as
 * with a real imager, so nobody's old code pops up when the cable goes back in.
 */
export interface SimulatedScanner extends CodeScanner {
  /** shows the scanner a code: its bytes and suffix go down the cable */
  scan(data: string): void;
  connect(): void;
  disconnect(): void;
}

export function createSimulatedScanner(options: { clock: Clock; logger?: EventLogger; suffix?: ScannerSuffix }): SimulatedScanner {
  const suffix = options.suffix ?? 'cr';
  const imager = createSerialScannerSimulator({ suffix });
  const cable = createSimulatedCable('scanner', (deviceEnd) => imager.attach(deviceEnd));

  const driver = createSerialScanner({
    driver: 'simulated',
    clock: options.clock,
    suffix,
    logger: options.logger,
    // the cable comes back quickly in simulation; the backoff logic is the real one
    backoff: { initialDelayMs: 50, maxDelayMs: 500 },
    open: cable.open,
  });

  const startDriver = driver.start;
  return Object.assign(driver, {
    /** resolves once the driver has opened the cable, so a bridge that just started reports the scanner ready */
    async start() {
      await startDriver();
      for (let turn = 0; turn < 100 && driver.status().state !== 'ready'; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    scan(data: string) {
      // A real imager never puts its own suffix or other control bytes inside a code; refusing
      // such text here keeps one API call one code (the driver checks the bytes it gets again).
      if (!checkScanText(data).ok) return;
      void imager.scan(data).catch(() => undefined);
    },
    connect: cable.connect,
    disconnect: cable.disconnect,
  });
}
