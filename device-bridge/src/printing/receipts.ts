import type { ReceiptPrinter } from '../devices/device.ts';
import { PrintFailedError } from '../devices/device.ts';
import type { ReceiptDocument } from '../devices/receipt-printer/codec/document.ts';
import { applicationReceiptDocument, queueTicketDocument, type ApplicationReceiptPrint } from '../documents/receipts/receipts.ts';
import { appointmentSlipDocument } from '../documents/receipts/appointment-slip.ts';
import type { AppointmentView } from '../api/index.ts';
import type { EventLogger } from '../log/logger.ts';
import type { PlatformTicket } from '../platform/contract.ts';

export type ReceiptResult = { printed: true } | { printed: false; reason: string };

/**
 * The slips the application and queue routes hand the citizen. Never throws: a slip that cannot
 * print must not undo the application or the queue number it belongs to; the caller tells the
 * citizen (the number is on screen anyway). Logs the kind and the reason only, never the slip's text.
 */
export function createReceiptService(deps: { printer: ReceiptPrinter; siteName: string; logger: EventLogger }) {
  async function print(kind: 'application' | 'queue-ticket' | 'appointment-slip', document: ReceiptDocument): Promise<ReceiptResult> {
    try {
      await deps.printer.print(document);
      deps.logger.log('receipt-printed', { kind });
      return { printed: true };
    } catch (error) {
      const reason = error instanceof PrintFailedError ? error.reason : 'printer-error';
      deps.logger.log('receipt-failed', { kind, reason });
      return { printed: false, reason };
    }
  }
  return {
    printApplicationReceipt: (receipt: ApplicationReceiptPrint) => print('application', applicationReceiptDocument(receipt, deps.siteName)),
    printQueueTicket: (ticket: PlatformTicket) => print('queue-ticket', queueTicketDocument(ticket)),
    printAppointmentSlip: (appointment: AppointmentView) => print('appointment-slip', appointmentSlipDocument(appointment)),
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
