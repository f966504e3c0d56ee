import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../devices/receipt-printer/codec/interpreter.ts';
import { classifyScan } from '../../devices/scanner/classify-scan.ts';
import { appointmentSlipDocument } from './appointment-slip.ts';

const appointment = {
  id: 'YY3F9A0C1D2E4B',
  itemCode: '330100-HJ-00501-000',
  itemName: '居民身份证换领',
  hallName: '杭州市民中心政务服务大厅',
  window: 'A01',
  start: '2026-11-23T09:30:00+08:00',
  end: '2026-11-23T10:00:00+08:00',
  state: 'booked' as const,
};

describe('appointment slip (预约凭证)', () => {
  const { lines } = appointmentSlipDocument(appointment);
  const text = lines.flatMap((line) => (line.kind === 'text' ? [line.text] : [])).join('\n');

  it('carries the code as text and as a QR code that 预约签到 reads as this appointment', () => {
    expect(text).toContain(appointment.id);
    const qr = lines.find((line) => line.kind === 'qr');
    expect(qr && classifyScan(qr.data, { verificationBaseUrl: 'http://127.0.0.1:8090/verify' })).toEqual({
      kind: 'appointment',
      appointmentId: appointment.id,
    });
  });

  it('says what, when (China time) and at which window, and how to check in', () => {
    expect(text).toContain('居民身份证换领');
    expect(text).toContain('2026-11-23 09:30至10:00');
    expect(text).toContain('A01号窗口');
    expect(text).toContain('签到取号');
  });

  it('fits the 80 mm slip', () => {
    for (const line of lines) if (line.kind === 'text') expect(displayWidth(line.text)).toBeLessThanOrEqual(line.size === 2 ? 24 : 48);
  });
});
