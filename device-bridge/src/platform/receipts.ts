import { serviceCategoryTitles } from '../api/index.ts';
import type { ReceiptPrinter } from '../devices/device.ts';
import type { ReceiptDocument, ReceiptLine } from '../devices/receipt-printer/codec/document.ts';
import type { ApplicationReceiptPrint } from '../outbox/kiosk-services.ts';
import type { PlatformTicket } from './contract.ts';

/** Display width on the 80 mm slip: a CJK character takes two of the 48 columns. */
function width(text: string): number {
  let columns = 0;
  for (const character of text) columns += (character.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return columns;
}

/** Breaks a line at the slip's width (the printer would cut a character in half otherwise). */
function wrap(text: string, columns = 48): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (width(line + character) > columns) {
      lines.push(line);
      line = '';
    }
    line += character;
  }
  if (line) lines.push(line);
  return lines;
}

const text = (value: string, options: Omit<Extract<ReceiptLine, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptLine[] =>
  wrap(value, options.size === 2 ? 24 : 48).map((part) => ({ kind: 'text', text: part, ...options }));

/** 时间 as the hall's clock reads it: 2026-11-22 10:05 */
function clockText(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/**
 * The application receipt (业务申报回执): which number the citizen holds and which kind it is, what
 * was applied for, where it is handled, and — when the platform was unreachable — that it is kept on
 * the kiosk and will be sent when the line is back. No name or ID number on the slip.
 */
export function applicationReceiptDocument(receipt: ApplicationReceiptPrint, siteName: string): ReceiptDocument {
  const local = receipt.caseNumberKind === 'local';
  return {
    lines: [
      ...text('申请受理回执', { align: 'center', bold: true, size: 2 }),
      ...text(siteName, { align: 'center' }),
      { kind: 'rule' },
      ...text(`事项：${receipt.itemName}`),
      ...text(local ? '本机受理编号：' : '办件编号：', { bold: true }),
      ...text(receipt.caseNumber, { bold: true, size: 2 }),
      ...(local
        ? text('这是本机给出的编号。平台办件编号在申请送达后生成，可凭本编号在自助机或窗口查询。')
        : text(`本机受理编号：${receipt.localNumber}`)),
      ...text(`受理部门：${receipt.office}`),
      ...text(`提交时间：${clockText(receipt.submittedAt)}`),
      ...(receipt.queuedOffline
        ? [{ kind: 'rule' } as const, ...text('政务服务平台暂时无法连接。您的申请已安全保存在本机，联网后将自动提交，无需再次办理。', { bold: true })]
        : []),
      { kind: 'qr', data: receipt.caseNumber, moduleSize: 5 },
      ...text('请妥善保管本回执', { align: 'center' }),
      { kind: 'feed', lines: 3 },
    ],
  };
}

/** The queue ticket (排队号): the number big, the category, how many are ahead. */
export function queueTicketDocument(ticket: PlatformTicket): ReceiptDocument {
  return {
    lines: [
      ...text(ticket.hallName, { align: 'center' }),
      ...text(serviceCategoryTitles[ticket.category], { align: 'center', bold: true }),
      ...text(ticket.number, { align: 'center', bold: true, size: 2 }),
      ...text(`您前面还有 ${ticket.ahead} 人`, { align: 'center' }),
      ...text(`取号时间：${clockText(ticket.issuedAt)}`, { align: 'center' }),
      ...text('请留意叫号，过号请重新取号', { align: 'center' }),
      { kind: 'feed', lines: 3 },
    ],
  };
}

/**
 * The context's receipt functions: print on the receipt printer, resolve false (never throw) when
 * the slip could not be printed, so the citizen still gets the number on screen.
 */
export function receiptPrinting(printer: ReceiptPrinter, siteName: string) {
  const print = async (document: ReceiptDocument) => {
    try {
      await printer.print(document);
      return true;
    } catch {
      return false;
    }
  };
  return {
    printApplicationReceipt: (receipt: ApplicationReceiptPrint) => print(applicationReceiptDocument(receipt, siteName)),
    printQueueTicket: (ticket: PlatformTicket) => print(queueTicketDocument(ticket)),
  };
}
