import { describe, expect, it } from 'vitest';
import { PrintFailedError, type ReceiptPrinter } from '../devices/device.ts';
import type { ReceiptDocument } from '../devices/receipt-printer/codec/document.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { createReceiptService } from './receipts.ts';

function printerThat(print: (document: ReceiptDocument) => Promise<void>): ReceiptPrinter {
  return { id: 'receipt-printer', print } as unknown as ReceiptPrinter;
}

const application = {
  kind: 'application' as const,
  caseNumber: 'TB-DEV-0001-20261122-0007',
  caseNumberKind: 'local' as const,
  localNumber: 'TB-DEV-0001-20261122-0007',
  itemName: '灵活就业人员参保登记',
  office: '杭州市人力资源和社会保障局',
  submittedAt: '2026-11-22T02:05:31.000Z',
  queuedOffline: true,
};

describe('receipt service', () => {
  it('prints the slip and logs only its kind, never the number on it', async () => {
    const printed: ReceiptDocument[] = [];
    const logger = createMemoryLogger();
    const service = createReceiptService({
      printer: printerThat(async (document) => void printed.push(document)),
      siteName: '通办示例政务服务中心',
      logger,
    });
    expect(await service.printApplicationReceipt(application)).toEqual({ printed: true });
    expect(printed).toHaveLength(1);
    expect(logger.lines.join('')).toContain('"kind":"application"');
    expect(logger.lines.join('')).not.toContain(application.caseNumber);
  });

  it('never throws: a printer out of paper or broken comes back as printed:false with the reason', async () => {
    const logger = createMemoryLogger();
    const paperOut = createReceiptService({
      printer: printerThat(() => Promise.reject(new PrintFailedError('paper-out', 'no paper'))),
      siteName: 'x',
      logger,
    });
    const ticket = {
      number: 'A023',
      category: 'tax' as const,
      hallName: '大厅',
      windows: ['B12', 'B13'],
      ahead: 2,
      issuedAt: '2026-11-22T02:05:00.000Z',
    };
    expect(await paperOut.printQueueTicket(ticket)).toEqual({ printed: false, reason: 'paper-out' });
    const broken = createReceiptService({ printer: printerThat(() => Promise.reject(new Error('EIO'))), siteName: 'x', logger });
    expect(await broken.printApplicationReceipt(application)).toEqual({ printed: false, reason: 'printer-error' });
    expect(logger.lines.filter((line) => line.includes('receipt-failed'))).toHaveLength(2);
  });
});
