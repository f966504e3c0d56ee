import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './codec/encoder.ts';
import { createEscPosInterpreter, type PrintedReceipt } from './codec/interpreter.ts';
import { receiptPng, receiptSvg } from './render-image.ts';

function printed(): PrintedReceipt {
  let receipt: PrintedReceipt | null = null;
  const printer = createEscPosInterpreter({ condition: () => 'ready', reply: () => {}, onReceipt: (done) => (receipt = done) });
  printer.feed(
    encodeReceipt({
      lines: [
        { kind: 'text', text: '排队凭条', align: 'center', size: 2, bold: true },
        { kind: 'text', text: 'A023', align: 'center', size: 2 },
        { kind: 'qr', data: 'https://q.example/A023' },
      ],
    }),
  );
  return receipt!;
}

describe('receipt image', () => {
  it('draws the slip 576 dots wide (80 mm at 203 dpi) with its text and the QR modules', async () => {
    const receipt = printed();
    const svg = receiptSvg(receipt);
    expect(svg).toContain('width="576"');
    expect(svg).toContain('排队凭条');
    expect(svg).toContain('<path d="M');
    const png = await receiptPng(receipt);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(576);
    const dark = data.filter((value) => value < 128).length;
    expect(dark).toBeGreaterThan(1000);
  });
});
