import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseSignaturePng, signatureDataUrlPrefix } from './signature-png.ts';

const pngOf = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } } })
    .png()
    .toBuffer();
const dataUrl = (bytes: Buffer) => `${signatureDataUrlPrefix}${bytes.toString('base64')}`;
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'accepted';
};

describe('signature PNG check', () => {
  it('accepts a pad-sized PNG and reports its size', async () => {
    const png = await pngOf(1200, 400);
    const parsed = parseSignaturePng(dataUrl(png));
    expect([parsed.width, parsed.height]).toEqual([1200, 400]);
    expect(parsed.png.equals(png)).toBe(true);
  });

  it('refuses what is not a PNG even when labelled as one (a JPEG, text, truncated bytes)', async () => {
    const jpeg = await sharp({ create: { width: 600, height: 200, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    expect(codeOf(() => parseSignaturePng(dataUrl(jpeg)))).toBe('signature-invalid');
    expect(codeOf(() => parseSignaturePng(dataUrl(Buffer.from('<svg onload=alert(1)>'))))).toBe('signature-invalid');
    const png = await pngOf(600, 200);
    expect(codeOf(() => parseSignaturePng(dataUrl(png.subarray(0, png.length - 20))))).toBe('signature-invalid');
    expect(codeOf(() => parseSignaturePng('data:image/jpeg;base64,AAAA'))).toBe('signature-invalid');
  });

  it('refuses sizes no signature pad makes (a 1×1 pixel, a poster)', async () => {
    expect(codeOf(() => parseSignaturePng(dataUrl(Buffer.alloc(0))))).toBe('signature-invalid');
    expect(codeOf(() => parseSignaturePng(dataUrl(Buffer.from('iVBORw0KGgo=', 'base64'))))).toBe('signature-invalid');
    const tiny = await pngOf(1, 1);
    expect(codeOf(() => parseSignaturePng(dataUrl(tiny)))).toBe('signature-invalid');
    const poster = await pngOf(8000, 100);
    expect(codeOf(() => parseSignaturePng(dataUrl(poster)))).toBe('signature-invalid');
  });
});
