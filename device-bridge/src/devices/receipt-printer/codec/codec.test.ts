import { describe, expect, it } from 'vitest';
import type { PrinterCondition } from '../../../api/index.ts';
import { encodeQr, encodeReceipt, statusRequest } from './encoder.ts';
import { createEscPosInterpreter, receiptText, type PrintedReceipt } from './interpreter.ts';
import { conditionOf, decodeStatus, encodeStatus, isStatusByte, statusFor } from './status.ts';

function interpreter(condition: PrinterCondition = 'ready') {
  const replies: number[] = [];
  const receipts: PrintedReceipt[] = [];
  const printer = createEscPosInterpreter({
    condition: () => condition,
    reply: (bytes) => replies.push(...bytes),
    onReceipt: (receipt) => receipts.push(receipt),
  });
  return { printer, replies, receipts };
}

describe('ESC/POS encoder', () => {
  it('computes the QR store command length from the UTF-8 byte length (pL pH little-endian, +3)', () => {
    const data = '办件'.repeat(100); // 600 bytes in UTF-8: needs pH
    const bytes = encodeQr(data);
    const store = bytes.indexOf(0x50, 20) - 6; // start of "GS ( k pL pH 1 P"
    expect([...bytes.subarray(store, store + 3)]).toEqual([0x1d, 0x28, 0x6b]);
    const length = bytes[store + 3]! | (bytes[store + 4]! << 8);
    expect(length).toBe(Buffer.byteLength(data) + 3);
    expect(() => encodeQr('')).toThrow(RangeError);
    expect(() => encodeQr('x'.repeat(3000))).toThrow(RangeError);
  });

  it('starts with ESC @ and FS &, ends with feed and partial cut, and writes Chinese in GB18030', () => {
    const bytes = encodeReceipt({ lines: [{ kind: 'text', text: '办件编号' }] });
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect([...bytes.subarray(-4)]).toEqual([0x1d, 0x56, 0x42, 0x00]);
    expect(Buffer.from(bytes).includes(Buffer.from([0xb0, 0xec]))).toBe(true); // 办 in GB18030
  });

  it('never lets text smuggle a command into the stream', () => {
    const { printer, receipts, replies } = interpreter();
    printer.feed(encodeReceipt({ lines: [{ kind: 'text', text: 'a\u001dV\u0042\u0000\u0010\u0004\u0001b' }] }));
    expect(receipts).toHaveLength(1);
    expect(replies).toEqual([]);
  });
});

describe('ESC/POS interpreter (what the simulator prints)', () => {
  it('prints what the encoder wrote: alignment, emphasis, size, Chinese text and the QR payload', () => {
    const { printer, receipts } = interpreter();
    const bytes = encodeReceipt({
      lines: [
        { kind: 'text', text: '排队凭条', align: 'center', bold: true, size: 2 },
        { kind: 'text', text: 'A023', align: 'center', size: 2 },
        { kind: 'qr', data: 'https://track.example/case/330100-2026-000123' },
        { kind: 'text', text: '前面还有 5 人', align: 'right' },
      ],
    });
    // arrives in awkward chunks, as on a serial line
    for (let index = 0; index < bytes.length; index += 7) printer.feed(bytes.subarray(index, index + 7));
    expect(receipts).toHaveLength(1);
    const lines = receipts[0]!.lines;
    expect(lines[0]).toEqual({ kind: 'text', text: '排队凭条', align: 'center', bold: true, size: 2 });
    expect(lines[2]).toMatchObject({ kind: 'qr', data: 'https://track.example/case/330100-2026-000123' });
    expect(receiptText(receipts[0]!)).toContain('前面还有 5 人');
  });

  it('answers DLE EOT 1–4 from its condition, even between other bytes', () => {
    for (const condition of ['ready', 'paper-low', 'paper-out', 'cover-open', 'jam', 'offline'] as const) {
      const { printer, replies } = interpreter(condition);
      printer.feed(Uint8Array.of(...statusRequest(1), ...statusRequest(2), 0x41, ...statusRequest(3), ...statusRequest(4)));
      expect(replies).toHaveLength(4);
      expect(replies.every(isStatusByte)).toBe(true);
      expect(conditionOf(decodeStatus(replies as [number, number, number, number]))).toBe(condition);
    }
  });

  it('refuses bytes that are not status replies', () => {
    expect(() => decodeStatus([0xff, 0x12, 0x12, 0x12])).toThrow(/not a status byte/);
    expect(encodeStatus(statusFor('ready'))).toEqual([0x12, 0x12, 0x12, 0x12]);
  });

  it('marks a receipt incomplete when the paper is out while it prints', () => {
    const { printer, receipts } = interpreter('paper-out');
    printer.feed(encodeReceipt({ lines: [{ kind: 'text', text: 'x' }] }));
    expect(receipts[0]).toMatchObject({ incomplete: true, lines: [] });
  });
});
