import type { ReceiptDocument } from '../../devices/receipt-printer/codec/document.ts';
import type { AppointmentView } from '../../api/index.ts';
import { chinaTime, labelled, text } from './receipts.ts';

/** What the kiosk's scanner reads as an appointment code (scan-formats: `tongban:appointment:<id>`). */
export function appointmentScanText(appointmentId: string): string {
  return `tongban:appointment:${appointmentId}`;
}

/**
 * The appointment slip (预约凭证) the receipt printer hands the citizen after booking: the code big
 * and as a QR code that 预约签到 on the attract screen scans on the day, what was booked, when and at
 * which window. Like the other slips it carries no name and no ID number.
 */
export function appointmentSlipDocument(appointment: AppointmentView): ReceiptDocument {
  const until = appointment.end.slice(11, 16);
  return {
    lines: [
      ...text(appointment.hallName, { align: 'center' }),
      ...text('预约凭证', { align: 'center', bold: true, size: 2 }),
      { kind: 'rule' },
      ...text('预约码：', { bold: true }),
      ...text(appointment.id, { bold: true, size: 2 }),
      ...labelled('事项名称', appointment.itemName),
      ...labelled('预约时间', `${chinaTime(appointment.start)}至${until}`),
      ...labelled('办理窗口', `${appointment.window}号窗口`),
      { kind: 'rule' },
      { kind: 'qr', data: appointmentScanText(appointment.id), moduleSize: 6 },
      ...text('预约当天到大厅后，在自助机扫描此码签到取号（预约开始前1小时起可签到）', { align: 'center' }),
      ...text('请携带本人身份证按时到达', { align: 'center' }),
      { kind: 'feed', lines: 3 },
    ],
  };
}
