import type { PrinterCondition } from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import type { ReceiptPrinter } from '../device.ts';
import { printerStatus } from '../printer-status.ts';
import { createStatusTracker } from '../status-tracker.ts';

/**
 * The thermal receipt printer as `npm start` and integration tests see it. For now it reports its
 * condition (paper, cover, jam, offline) and connection the way the A4 printer does; printing
 * arrives with the ESC/POS driver, together with its byte-exact simulator.
 */
export interface SimulatedReceiptPrinter extends ReceiptPrinter {
  setCondition(condition: PrinterCondition): void;
  condition(): PrinterCondition;
  connect(): void;
  disconnect(): void;
}

export function createSimulatedReceiptPrinter(options: { clock: Pick<Clock, 'now'> }): SimulatedReceiptPrinter {
  const tracker = createStatusTracker({
    id: 'receipt-printer',
    driver: 'simulated',
    clock: options.clock,
    state: 'disconnected',
    reason: 'stopped',
  });
  let condition: PrinterCondition = 'ready';
  let connected = true;
  let running = false;

  function updateStatus(): void {
    if (!running) return tracker.set('disconnected', 'stopped');
    const { state, reason } = printerStatus(condition, connected);
    tracker.set(state, reason);
  }

  return {
    id: 'receipt-printer',
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
    setCondition(next) {
      condition = next;
      updateStatus();
    },
    condition: () => condition,
    connect() {
      connected = true;
      updateStatus();
    },
    disconnect() {
      connected = false;
      updateStatus();
    },
  };
}
