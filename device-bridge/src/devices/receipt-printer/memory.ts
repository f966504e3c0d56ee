import type { Clock } from '../../time/clock.ts';
import { PrintFailedError, type ReceiptPrinter } from '../device.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';
import type { ReceiptDocument } from './codec/document.ts';

/** An in-memory receipt printer for unit tests: its status is whatever the test sets; slips are kept. */
export interface MemoryReceiptPrinter extends ReceiptPrinter, MemoryDeviceBase<'receipt-printer'> {
  readonly printed: ReceiptDocument[];
}

export function createMemoryReceiptPrinter(options: { clock?: Pick<Clock, 'now'> } = {}): MemoryReceiptPrinter {
  const base = createMemoryDeviceBase('receipt-printer', options);
  const printed: ReceiptDocument[] = [];
  return Object.assign(base, {
    id: 'receipt-printer' as const,
    printed,
    async print(document: ReceiptDocument) {
      const { state, reason } = base.status();
      if (state !== 'ready' && state !== 'degraded') throw new PrintFailedError(reason ?? state, `receipt printer ${state}`);
      printed.push(document);
    },
  });
}
