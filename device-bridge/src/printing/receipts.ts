import type { ReceiptPrinter } from '../devices/device.ts';
import { PrintFailedError } from '../devices/device.ts';
import { receiptDocument, type ReceiptRequest } from '../documents/receipts/receipts.ts';
import type { EventLogger } from '../log/logger.ts';

export type ReceiptResult = { printed: true } | { printed: false; reason: string };

/**
 * printReceipt for the features that hand the citizen a slip (application receipt, queue ticket).
 * Never throws: a slip that cannot print must not undo the application or the queue number it
 * belongs to; the caller tells the citizen (the number is on screen anyway).
 */
export function createReceiptService(deps: { printer: ReceiptPrinter; siteName: string; logger: EventLogger }) {
  return {
    async printReceipt(request: ReceiptRequest): Promise<ReceiptResult> {
      try {
        await deps.printer.print(receiptDocument(request, deps.siteName));
        deps.logger.log('receipt-printed', { kind: request.kind });
        return { printed: true };
      } catch (error) {
        const reason = error instanceof PrintFailedError ? error.reason : 'printer-error';
        deps.logger.log('receipt-failed', { kind: request.kind, reason });
        return { printed: false, reason };
      }
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
