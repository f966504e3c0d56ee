// For tests: the bitmaps a vendor WLT decoder writes, to feed the BMP reader and the command decoder.

/** An uncompressed BMP as vendor WLT decoders write it (rows padded to 4 bytes, bottom-up unless topDown). */
export function encodeBmp(
  width: number,
  height: number,
  rgb: Uint8Array,
  options: { bitsPerPixel?: 24 | 32; topDown?: boolean } = {},
): Buffer {
  const bitsPerPixel = options.bitsPerPixel ?? 24;
  const bytesPerPixel = bitsPerPixel / 8;
  const rowSize = Math.ceil((width * bitsPerPixel) / 32) * 4;
  const file = Buffer.alloc(54 + rowSize * height);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(options.topDown ? -height : height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(bitsPerPixel, 28);
  for (let y = 0; y < height; y++) {
    const row = 54 + (options.topDown ? y : height - 1 - y) * rowSize;
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 3;
      file[row + x * bytesPerPixel] = rgb[from + 2]!;
      file[row + x * bytesPerPixel + 1] = rgb[from + 1]!;
      file[row + x * bytesPerPixel + 2] = rgb[from]!;
    }
  }
  return file;
}
