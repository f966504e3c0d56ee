import type { PrinterCondition } from '../../api/index.ts';
import type { SerialLine } from '../serial/serial-line.ts';
import { createEscPosInterpreter, type PrintedReceipt } from './codec/interpreter.ts';

/**
 * The printer end of the line: an ESC/POS interpreter on a SerialLine (an in-memory cable for
 * `npm start`, the device side of a socat pty in integration tests). Answers DLE EOT from its
 * condition and keeps every slip it printed, to read as text (and show in the dev panel).
 */
export function attachEscPosSimulator(line: SerialLine, initial: PrinterCondition = 'ready') {
  let condition = initial;
  const receipts: PrintedReceipt[] = [];
  const listeners = new Set<(receipt: PrintedReceipt) => void>();
  const interpreter = createEscPosInterpreter({
    condition: () => condition,
    reply: (bytes) => void line.write(bytes).catch(() => undefined),
    onReceipt: (receipt) => {
      receipts.push(receipt);
      if (receipts.length > 50) receipts.shift(); // a kiosk day's worth for the dev panel, not more
      for (const listener of listeners) listener(receipt);
    },
  });
  const unsubscribe = line.onData((chunk) => interpreter.feed(chunk));
  return {
    setCondition(next: PrinterCondition) {
      condition = next;
    },
    condition: () => condition,
    receipts: () => [...receipts],
    onReceipt(listener: (receipt: PrintedReceipt) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    detach() {
      unsubscribe();
    },
  };
}

export type EscPosSimulator = ReturnType<typeof attachEscPosSimulator>;
