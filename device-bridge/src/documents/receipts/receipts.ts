import { z } from 'zod';
import type { ReceiptDocument, ReceiptLine } from '../../devices/receipt-printer/codec/document.ts';
import { receiptColumns } from '../../devices/receipt-printer/codec/document.ts';
import { displayWidth } from '../../devices/receipt-printer/codec/interpreter.ts';
import { formatChinaDate } from '../../platform/china-time.ts';

/**
 * The slips other features print on the 80 mm thermal printer. Both carry no personal data beyond
 * what the citizen needs to keep (a masked name at most): a slip left on the counter must not
 * expose anyone.
 */
export const applicationReceiptSchema = z
  .object({
    kind: z.literal('application'),
    /** 办件编号 */
    caseNumber: z.string().min(1).max(64),
    /** 事项名称 */
    itemName: z.string().min(1).max(100),
    /** ISO instant of submission */
    submittedAt: z.iso.datetime(),
    /** where the citizen follows progress: encoded in the QR code */
    trackingUrl: z.url().max(500),
    holderMaskedName: z.string().max(20).optional(),
    /** 承诺时限 in working days, when the item has one */
    promisedDays: z.number().int().positive().max(365).optional(),
  })
  .strict();

export const queueTicketSchema = z
  .object({
    kind: z.literal('queue-ticket'),
    /** e.g. A023 */
    number: z.string().regex(/^[A-Z]{0,2}\d{1,4}$/),
    /** the business the number is for, e.g. 社保业务 */
    category: z.string().min(1).max(40),
    /** windows that serve it, e.g. 3–5号窗口 */
    window: z.string().min(1).max(40),
    /** people waiting before this number */
    waiting: z.number().int().nonnegative().max(9999),
    hallName: z.string().min(1).max(60),
    takenAt: z.iso.datetime(),
    /** optional: a page to watch the queue on a phone */
    trackingUrl: z.url().max(500).optional(),
  })
  .strict();

export const receiptRequestSchema = z.discriminatedUnion('kind', [applicationReceiptSchema, queueTicketSchema]);
export type ReceiptRequest = z.infer<typeof receiptRequestSchema>;

function chinaTime(iso: string): string {
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return `${formatChinaDate(instant)} ${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/** "label ........ value" on one 48-column line when it fits, else two lines. */
function labelled(label: string, value: string): ReceiptLine[] {
  const gap = receiptColumns - displayWidth(label) - displayWidth(value);
  if (gap >= 1) return [{ kind: 'text', text: `${label}${' '.repeat(gap)}${value}` }];
  return [{ kind: 'text', text: label }, { kind: 'text', text: value, align: 'right' }];
}

export function receiptDocument(request: ReceiptRequest, siteName: string): ReceiptDocument {
  if (request.kind === 'application') {
    return {
      lines: [
        { kind: 'text', text: siteName, align: 'center' },
        { kind: 'text', text: '受理回执', align: 'center', bold: true, size: 2 },
        { kind: 'rule' },
        ...labelled('办件编号', request.caseNumber),
        ...labelled('事项名称', request.itemName),
        ...(request.holderMaskedName ? labelled('申请人', request.holderMaskedName) : []),
        ...labelled('提交时间', chinaTime(request.submittedAt)),
        ...(request.promisedDays ? labelled('承诺时限', `${request.promisedDays}个工作日`) : []),
        { kind: 'rule' },
        { kind: 'qr', data: request.trackingUrl },
        { kind: 'text', text: '扫码或凭办件编号查询办理进度', align: 'center' },
        { kind: 'text', text: '请妥善保管本回执', align: 'center' },
      ],
    };
  }
  return {
    lines: [
      { kind: 'text', text: request.hallName, align: 'center' },
      { kind: 'text', text: request.category, align: 'center' },
      { kind: 'text', text: request.number, align: 'center', bold: true, size: 2 },
      { kind: 'rule' },
      ...labelled('办理窗口', request.window),
      ...labelled('前面等候', `${request.waiting} 人`),
      ...labelled('取号时间', chinaTime(request.takenAt)),
      ...(request.trackingUrl ? [{ kind: 'qr', data: request.trackingUrl } as ReceiptLine, { kind: 'text', text: '扫码查看排队进度', align: 'center' } as ReceiptLine] : []),
      { kind: 'text', text: '过号请重新取号', align: 'center' },
    ],
  };
}
