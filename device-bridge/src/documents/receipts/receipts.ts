import { serviceCategoryTitles } from '../../api/index.ts';
import type { ReceiptDocument, ReceiptLine } from '../../devices/receipt-printer/codec/document.ts';
import { receiptColumns } from '../../devices/receipt-printer/codec/document.ts';
import { displayWidth } from '../../devices/receipt-printer/codec/interpreter.ts';
import type { PlatformTicket } from '../../platform/contract.ts';
import { formatChinaDate } from '../../platform/china-time.ts';

/**
 * The two slips the 80 mm thermal printer hands a citizen: the application receipt (业务申报回执)
 * and the queue ticket (排队号). Neither carries a name or an ID number: a slip left on the counter
 * must not expose anyone.
 */

/** The application receipt as the bridge prints it after POST /api/applications. */
export interface ApplicationReceiptPrint {
  kind: 'application';
  /** the number the citizen holds: the platform's 办件编号 once delivered, else the kiosk's own */
  caseNumber: string;
  caseNumberKind: 'platform' | 'local';
  localNumber: string;
  itemName: string;
  office: string;
  /** ISO instant of submission */
  submittedAt: string;
  /** the platform was unreachable: the application waits in the kiosk's outbox */
  queuedOffline: boolean;
}

/** Breaks text at the slip's width (the printer would cut a character in half otherwise). */
function wrap(value: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of value) {
    if (displayWidth(line + character) > columns) {
      lines.push(line);
      line = '';
    }
    line += character;
  }
  if (line) lines.push(line);
  return lines;
}

export const text = (value: string, options: Omit<Extract<ReceiptLine, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptLine[] =>
  wrap(value, options.size === 2 ? receiptColumns / 2 : receiptColumns).map((part) => ({ kind: 'text', text: part, ...options }));

/** "label ........ value" on one line when it fits, else the label and the value wrapped below it. */
export function labelled(label: string, value: string): ReceiptLine[] {
  const gap = receiptColumns - displayWidth(label) - displayWidth(value);
  if (gap >= 1) return [{ kind: 'text', text: `${label}${' '.repeat(gap)}${value}` }];
  return [...text(label), ...text(value)];
}

/** 时间 as the hall's clock reads it (China time, whatever offset the instant was written with): 2026-11-22 10:05 */
export function chinaTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso.replace('T', ' ').slice(0, 16);
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return `${formatChinaDate(instant)} ${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * The application receipt: which number the citizen holds and WHICH KIND it is (a local number
 * must not be mistaken for the platform's 办件编号), what was applied for, where it is handled and —
 * when the platform was unreachable — that it is kept on the kiosk and sent when the line is back.
 * The QR code carries the bare number, for a window's scanner instead of typing it; the kiosk itself
 * shows progress to the citizen after the ID card, so the slip says exactly that and no more.
 */
export function applicationReceiptDocument(receipt: ApplicationReceiptPrint, siteName: string): ReceiptDocument {
  const local = receipt.caseNumberKind === 'local';
  return {
    lines: [
      ...text(siteName, { align: 'center' }),
      ...text('申请受理回执', { align: 'center', bold: true, size: 2 }),
      { kind: 'rule' },
      ...text(local ? '本机受理编号：' : '办件编号：', { bold: true }),
      ...text(receipt.caseNumber, { bold: true, size: 2 }),
      ...(local
        ? text('这是本机给出的编号。平台办件编号在申请送达后生成，可凭本编号在自助机或窗口查询。')
        : labelled('本机受理编号', receipt.localNumber)),
      ...labelled('事项名称', receipt.itemName),
      ...labelled('受理部门', receipt.office),
      ...labelled('提交时间', chinaTime(receipt.submittedAt)),
      ...(receipt.queuedOffline
        ? [
            { kind: 'rule' } as const,
            ...text('政务服务平台暂时无法连接。您的申请已安全保存在本机，联网后将自动提交，无需再次办理。', { bold: true }),
          ]
        : []),
      { kind: 'rule' },
      { kind: 'qr', data: receipt.caseNumber, moduleSize: 5 },
      ...text('在自助机刷身份证、或到窗口凭编号查询办理进度', { align: 'center' }),
      ...text('请妥善保管本回执', { align: 'center' }),
      { kind: 'feed', lines: 3 },
    ],
  };
}

/** The queue ticket: the number big, the business it is for, the hall and windows, how many are ahead, when. */
export function queueTicketDocument(ticket: PlatformTicket): ReceiptDocument {
  return {
    lines: [
      ...text(ticket.hallName, { align: 'center' }),
      ...text(serviceCategoryTitles[ticket.category], { align: 'center', bold: true }),
      ...text(ticket.number, { align: 'center', bold: true, size: 2 }),
      { kind: 'rule' },
      ...(ticket.windows.length > 0 ? labelled('办理窗口', ticket.windows.map((window) => `${window}号窗口`).join('、')) : []),
      ...labelled('前面等候', `${ticket.ahead} 人`),
      ...labelled('取号时间', chinaTime(ticket.issuedAt)),
      ...text('请留意叫号，过号请重新取号', { align: 'center' }),
      { kind: 'feed', lines: 3 },
    ],
  };
}
