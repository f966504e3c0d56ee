import type { PrinterCondition } from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import type { ReceiptPrinter } from '../device.ts';
import { createSimulatedCable } from '../serial/simulated-cable.ts';
import type { PrintedReceipt } from './codec/interpreter.ts';
import { createEscPosReceiptPrinter } from './escpos-printer.ts';
import { attachEscPosSimulator, type EscPosSimulator } from './escpos-simulator.ts';

/**
 * The thermal receipt printer as `npm start` sees it: the REAL ESC/POS driver on one end of an
 * in-memory cable, the ESC/POS simulator on the other, so every slip goes through the encoder,
 * the status queries and the byte parser exactly as on hardware. Unplugging drops the cable; the
 * driver's reconnect loop finds it again when plugged back.
 */
export interface SimulatedReceiptPrinter extends ReceiptPrinter {
  setCondition(condition: PrinterCondition): void;
  condition(): PrinterCondition;
  connect(): void;
  disconnect(): void;
  /** slips printed so far (newest last, at most 50) */
  receipts(): PrintedReceipt[];
}

export function createSimulatedReceiptPrinter(options: { clock: Clock; pollMs?: number }): SimulatedReceiptPrinter {
  let condition: PrinterCondition = 'ready';
  let simulator: EscPosSimulator | null = null;
  const printed: PrintedReceipt[] = [];
  const cable = createSimulatedCable('receipt printer', (deviceEnd) => {
    simulator = attachEscPosSimulator(deviceEnd, condition);
    simulator.onReceipt((receipt) => {
      printed.push(receipt);
      if (printed.length > 50) printed.shift();
    });
  });
  const driver = createEscPosReceiptPrinter({
    open: cable.open,
    clock: options.clock,
    driver: 'simulated',
    pollMs: options.pollMs ?? 1000,
    replyTimeoutMs: 500,
  });
  const startDriver = driver.start.bind(driver);
  return Object.assign(driver, {
    /** resolves once the first status reply is in, like a printer that is on when the kiosk boots */
    async start() {
      await startDriver();
      for (let tick = 0; tick < 100 && driver.status().reason === 'stopped'; tick++) await new Promise((resolve) => setImmediate(resolve));
      for (let tick = 0; tick < 100 && driver.status().state === 'disconnected'; tick++) {
        await driver.refresh();
        if (driver.status().state === 'disconnected') await new Promise((resolve) => setImmediate(resolve));
      }
    },
    setCondition(next: PrinterCondition) {
      condition = next;
      simulator?.setCondition(next);
      void driver.refresh();
    },
    condition: () => condition,
    connect: cable.connect,
    disconnect() {
      cable.disconnect();
      simulator = null;
    },
    receipts: () => [...printed],
  });
}
