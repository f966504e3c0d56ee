import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJpegSplitter } from './jpeg-splitter.ts';

async function jpeg(colour: string, width = 64): Promise<Buffer> {
  return sharp({ create: { width, height: 48, channels: 3, background: colour } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="48"><text x="4" y="30">${colour}</text></svg>`) }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A JPEG whose APP1 segment carries a whole thumbnail JPEG (as EXIF does): FF D8 … FF D9 inside. */
function withEmbeddedThumbnail(image: Buffer, thumbnail: Buffer): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0'), thumbnail]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([image.subarray(0, 2), header, payload, image.subarray(2)]);
}

describe('MJPEG stream splitter', () => {
  let red: Buffer;
  let blue: Buffer;
  beforeAll(async () => {
    red = await jpeg('red');
    blue = await jpeg('blue', 80);
  });

  it('returns each frame whole however the stream is chunked', () => {
    const stream = Buffer.concat([red, blue, red]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const splitter = createJpegSplitter();
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const frames: Buffer[] = [];
        let from = 0;
        for (const point of [...points, stream.length]) {
          frames.push(...splitter.push(stream.subarray(from, point)));
          from = point;
        }
        expect(frames.map((frame) => frame.equals(red) || frame.equals(blue))).toEqual([true, true, true]);
        expect(frames[1]!.equals(blue)).toBe(true);
        expect(splitter.pending).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('does not cut a frame at the end marker of an embedded EXIF thumbnail', async () => {
    const framed = withEmbeddedThumbnail(blue, red);
    const frames = createJpegSplitter().push(Buffer.concat([framed, red]));
    expect(frames).toHaveLength(2);
    expect(frames[0]!.equals(framed)).toBe(true);
    expect((await sharp(frames[0]!).metadata()).width).toBe(80);
  });

  it('skips garbage between frames and drops a truncated frame, resynchronising on the next one', () => {
    const truncated = red.subarray(0, red.length - 40);
    const frames = createJpegSplitter().push(Buffer.concat([Buffer.from('noise\xff\x00'), truncated, blue, Buffer.from([1, 2, 3]), red]));
    expect(frames.map((frame) => (frame.equals(blue) ? 'blue' : frame.equals(red) ? 'red' : 'other'))).toEqual(['blue', 'red']);
  });

  it('drops a frame that grows past the size limit instead of buffering it forever', () => {
    const splitter = createJpegSplitter({ maxFrameBytes: 100 });
    expect(splitter.push(red.subarray(0, 300))).toEqual([]);
    expect(splitter.pending).toBeLessThanOrEqual(100);
  });
});
