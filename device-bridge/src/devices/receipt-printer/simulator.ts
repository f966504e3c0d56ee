import type { PrinterCondition } from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import type { ReceiptPrinter } from '../device.ts';
import { printerStatus } from '../printer-status.ts';
import { createSimulatedLinkDevice } from '../simulated-link.ts';

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
  let condition: PrinterCondition = 'ready';
  const link = createSimulatedLinkDevice('receipt-printer', {
    clock: options.clock,
    linkStatus: (connected) => printerStatus(condition, connected),
  });
  return Object.assign(link, {
    setCondition(next: PrinterCondition) {
      condition = next;
      link.refresh();
    },
    condition: () => condition,
  });
}
