import type { Clock } from '../../time/clock.ts';
import type { ReceiptPrinter } from '../device.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';

/** An in-memory receipt printer for unit tests: its status is whatever the test sets. */
export interface MemoryReceiptPrinter extends ReceiptPrinter, MemoryDeviceBase<'receipt-printer'> {}

export function createMemoryReceiptPrinter(options: { clock?: Pick<Clock, 'now'> } = {}): MemoryReceiptPrinter {
  return createMemoryDeviceBase('receipt-printer', options);
}
