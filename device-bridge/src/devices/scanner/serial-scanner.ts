import type { EventLogger } from '../../log/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { CodeScanner } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createReconnectingLine, type BackoffOptions } from '../serial/reconnecting-line.ts';
import type { SerialLineOpener } from '../serial/serial-line.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { createLineDecoder, type ScannerSuffix } from './line-codec.ts';

/**
 * A QR/barcode scanner in USB-CDC mode (/dev/ttyACM*): each code arrives as text followed by the
 * configured suffix. The link reconnects by itself when the scanner is unplugged and returns;
 * a code half-received when the line drops is discarded, never glued to the next one.
 */
export function createSerialScanner(options: {
  driver: string;
  open: SerialLineOpener;
  clock: Clock;
  suffix: ScannerSuffix;
  backoff?: BackoffOptions;
  logger?: EventLogger;
  tap?: (direction: 'tx' | 'rx', bytes: Uint8Array) => void;
}): CodeScanner {
  const { clock, logger } = options;
  const tracker = createStatusTracker({ id: 'scanner', driver: options.driver, clock, state: 'disconnected', reason: 'stopped' });
  const scanListeners = createListeners<string>();
  const link = createReconnectingLine({ open: options.open, clock, backoff: options.backoff });
  let running = false;

  link.onState((state) => {
    if (!running) return;
    if (state.kind === 'open') {
      const decoder = createLineDecoder(options.suffix);
      state.line.onData((chunk) => {
        options.tap?.('rx', chunk);
        for (const result of decoder.push(chunk)) {
          if (result.ok) scanListeners.emit(result.text);
          else logger?.log('scan-rejected', { reason: result.reason });
        }
      });
      logger?.log('serial-link-open', { device: 'scanner' });
      tracker.set('ready');
    } else if (state.kind === 'waiting') {
      if (tracker.current().state === 'ready') logger?.log('serial-link-lost', { device: 'scanner', reason: state.error.message });
      tracker.set('disconnected', 'port-unavailable');
    }
  });

  return {
    id: 'scanner',
    driver: options.driver,
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    onScan: (listener) => scanListeners.add(listener),
    async start() {
      if (running) return;
      running = true;
      tracker.set('disconnected', 'port-unavailable');
      link.start();
    },
    async stop() {
      running = false;
      await link.stop();
      tracker.set('disconnected', 'stopped');
    },
  };
}
