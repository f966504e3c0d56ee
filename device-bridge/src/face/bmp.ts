/**
 * Reads an uncompressed Windows bitmap (what libwlt2bmp / WltRS-style decoders write for the ID
 * card photo: 102 × 126, 24 bits) into RGB pixels. Pure, and strict: device bytes are untrusted, so
 * anything but 24/32-bit BI_RGB with every row present is refused (null) rather than guessed at.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 bytes, top row first */
  rgb: Uint8Array;
}

export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

export function readBmp(bytes: Uint8Array, limits: { maxSide: number }): RgbImage | null {
  if (!isBmp(bytes) || bytes.length < 54) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const width = view.getInt32(18, true);
  const signedHeight = view.getInt32(22, true);
  const planes = view.getUint16(26, true);
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  if (headerSize < 40 || planes !== 1 || compression !== 0 || (bitsPerPixel !== 24 && bitsPerPixel !== 32)) return null;
  const height = Math.abs(signedHeight);
  if (width < 1 || height < 1 || width > limits.maxSide || height > limits.maxSide) return null;
  const bytesPerPixel = bitsPerPixel / 8;
  const rowSize = Math.ceil((width * bitsPerPixel) / 32) * 4;
  if (pixelOffset < 14 + headerSize || pixelOffset + rowSize * height > bytes.length) return null;
  const rgb = new Uint8Array(width * height * 3);
  // positive height: the rows are stored bottom-up
  const bottomUp = signedHeight > 0;
  for (let y = 0; y < height; y++) {
    const source = pixelOffset + (bottomUp ? height - 1 - y : y) * rowSize;
    for (let x = 0; x < width; x++) {
      const from = source + x * bytesPerPixel;
      const to = (y * width + x) * 3;
      rgb[to] = bytes[from + 2]!;
      rgb[to + 1] = bytes[from + 1]!;
      rgb[to + 2] = bytes[from]!;
    }
  }
  return { width, height, rgb };
}
