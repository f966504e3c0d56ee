import { DomainError } from '../errors/domain-error.ts';

/** A data URL the signature pad makes with canvas.toDataURL('image/png'). */
export const signatureDataUrlPrefix = 'data:image/png;base64,';

/**
 * Limits for a handwritten signature picture. A pad is a strip a few hundred CSS pixels wide drawn
 * at device resolution (up to 3×), so anything outside these bounds is not a signature pad's canvas.
 */
export const signatureLimits = {
  minWidth: 100,
  maxWidth: 4000,
  minHeight: 40,
  maxHeight: 2000,
  /** bytes of PNG: a real signature is ~10–80 KB */
  maxBytes: 300_000,
} as const;

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface SignaturePng {
  png: Buffer;
  width: number;
  height: number;
}

const invalid = (why: string) => new DomainError('signature-invalid', `signature: ${why}`);

/**
 * Decodes and checks a signature data URL: it must really be a PNG (magic bytes, then the IHDR chunk
 * first, as the PNG specification requires) of sane dimensions. The bytes come from a browser and
 * are untrusted; only the header is read, the image is never rendered here.
 */
export function parseSignaturePng(dataUrl: string): SignaturePng {
  if (!dataUrl.startsWith(signatureDataUrlPrefix)) throw invalid('not a PNG data URL');
  const base64 = dataUrl.slice(signatureDataUrlPrefix.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) throw invalid('not valid base64');
  const png = Buffer.from(base64, 'base64');
  if (png.length > signatureLimits.maxBytes) throw invalid(`larger than ${signatureLimits.maxBytes} bytes`);
  // 8 magic + 4 length + 4 "IHDR" + 13 data + 4 CRC
  if (png.length < 33 || !png.subarray(0, 8).equals(pngMagic)) throw invalid('not a PNG image');
  if (png.readUInt32BE(8) !== 13 || png.toString('latin1', 12, 16) !== 'IHDR') throw invalid('PNG header chunk missing');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const { minWidth, maxWidth, minHeight, maxHeight } = signatureLimits;
  if (width < minWidth || width > maxWidth || height < minHeight || height > maxHeight) {
    throw invalid(`${width}×${height} px is not the size of a signature pad`);
  }
  if (png.toString('latin1', png.length - 8, png.length - 4) !== 'IEND') throw invalid('PNG image is truncated');
  return { png, width, height };
}
