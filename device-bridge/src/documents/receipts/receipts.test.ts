import { describe, expect, it } from 'vitest';
import { applicationReceiptDocument, queueTicketDocument } from './receipts.ts';

const texts = (lines: { kind: string; text?: string }[]) => lines.filter((line) => line.kind === 'text').map((line) => line.text!);
const columns = (text: string) => [...text].reduce((sum, character) => sum + ((character.codePointAt(0) ?? 0) <= 0xff ? 1 : 2), 0);

describe('receipt slips', () => {
  const receipt = {
    kind: 'application' as const,
    caseNumber: 'TB-DEV-0001-20261122-0007',
    caseNumberKind: 'local' as const,
    localNumber: 'TB-DEV-0001-20261122-0007',
    itemName: '困难残疾人生活补贴和重度残疾人护理补贴申请',
    office: '杭州市上城区民政局社会救助和婚姻登记处',
    submittedAt: '2026-11-22T10:05:31+08:00',
    queuedOffline: true,
  };

  it("says a local number is the kiosk's and that an offline application will be sent when the line is back", () => {
    const lines = texts(applicationReceiptDocument(receipt, '通办示例政务服务中心').lines);
    expect(lines).toContain('本机受理编号：');
    expect(lines.join('')).toContain('联网后将自动提交');
    expect(lines.join('')).toContain('2026-11-22 10:05');
    expect(lines.join('')).toContain('杭州市上城区民政局');
  });

  it('names the platform number as 办件编号 once delivered, and says nothing about waiting', () => {
    const lines = texts(
      applicationReceiptDocument({ ...receipt, caseNumber: '3301202611220000012', caseNumberKind: 'platform', queuedOffline: false }, 'x')
        .lines,
    );
    expect(lines).toContain('办件编号：');
    expect(lines).toContain('3301202611220000012');
    expect(lines.join('')).toContain('TB-DEV-0001-20261122-0007'); // the kiosk's number still shown, labelled as such
    expect(lines.join('')).not.toContain('联网后');
  });

  it('says how progress can really be looked up (ID card at the kiosk, the number at a window), and the QR holds the number', () => {
    const document = applicationReceiptDocument(receipt, '通办示例政务服务中心');
    const text = texts(document.lines).join('');
    expect(text).toContain('刷身份证');
    expect(text).toContain('凭编号查询办理进度');
    // nothing reads the QR code as a progress link, so the slip does not promise one
    expect(text).not.toContain('扫码');
    expect(document.lines).toContainEqual(expect.objectContaining({ kind: 'qr', data: receipt.caseNumber }));
  });

  it('never prints a line wider than the 80 mm slip', () => {
    for (const line of applicationReceiptDocument(receipt, '通办示例政务服务中心').lines) {
      if (line.kind === 'text') expect(columns(line.text)).toBeLessThanOrEqual(line.size === 2 ? 24 : 48);
    }
  });

  it('prints the queue number big with the windows that call it and the people ahead', () => {
    const document = queueTicketDocument({
      number: 'A023',
      category: 'social-insurance',
      hallName: '杭州市民中心政务服务大厅',
      windows: ['B12', 'B13'],
      ahead: 4,
      issuedAt: '2026-11-22T10:05:00+08:00',
    });
    expect(document.lines).toContainEqual({ kind: 'text', text: 'A023', align: 'center', bold: true, size: 2 });
    expect(texts(document.lines).join('\n')).toMatch(/前面等候 +4 人/);
    expect(texts(document.lines).join('\n')).toMatch(/办理窗口 +B12号窗口、B13号窗口/);
    expect(texts(document.lines)).toContain('杭州市民中心政务服务大厅');
  });

  it('prints the time in China time whatever offset the platform wrote it with', () => {
    const document = queueTicketDocument({
      number: 'B007',
      category: 'real-estate',
      hallName: 'x',
      windows: ['B12', 'B13'],
      ahead: 0,
      issuedAt: '2026-11-22T02:15:00.000Z',
    });
    expect(texts(document.lines).join('\n')).toMatch(/取号时间 +2026-11-22 10:15/);
  });
});
