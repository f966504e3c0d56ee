import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBmp } from './bmp-fixture.ts';
import { readBmp } from './bmp.ts';

const image = fc
  .record({
    width: fc.integer({ min: 1, max: 13 }),
    height: fc.integer({ min: 1, max: 9 }),
    bitsPerPixel: fc.constantFrom(24 as const, 32 as const),
    topDown: fc.boolean(),
  })
  .chain((shape) =>
    fc
      .uint8Array({ minLength: shape.width * shape.height * 3, maxLength: shape.width * shape.height * 3 })
      .map((rgb) => ({ ...shape, rgb })),
  );

describe('BMP reader (the card photo as vendor WLT decoders write it)', () => {
  it('reads back exactly the pixels written, whatever the row padding and row order', () => {
    fc.assert(
      fc.property(image, ({ width, height, bitsPerPixel, topDown, rgb }) => {
        const read = readBmp(encodeBmp(width, height, rgb, { bitsPerPixel, topDown }), { maxSide: 100 });
        expect(read).toEqual({ width, height, rgb });
      }),
    );
  });

  it('refuses what it cannot read safely: cut short, compressed, palette images, oversized, not a BMP', () => {
    const good = encodeBmp(4, 4, new Uint8Array(48).fill(200));
    expect(readBmp(good.subarray(0, good.length - 1), { maxSide: 100 })).toBeNull();
    const compressed = Buffer.from(good);
    compressed.writeUInt32LE(1, 30);
    expect(readBmp(compressed, { maxSide: 100 })).toBeNull();
    const palette = Buffer.from(good);
    palette.writeUInt16LE(8, 28);
    expect(readBmp(palette, { maxSide: 100 })).toBeNull();
    expect(readBmp(good, { maxSide: 3 })).toBeNull();
    expect(readBmp(Buffer.from('not a bitmap at all, just text that is long enough to have a header'), { maxSide: 100 })).toBeNull();
  });

  it('never throws on arbitrary bytes after a BM signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (tail) => {
        readBmp(Buffer.concat([Buffer.from('BM'), tail]), { maxSide: 100 });
      }),
    );
  });
});
