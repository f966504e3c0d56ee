import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeResponse, parseResponse } from './commands.ts';
import { createFrameDecoder, defaultMaxLength, headerBytes, preamble, type DecodedItem } from './frame.ts';
import { parseReadData } from './answers.ts';
import { decodeCardText } from './text-block.ts';

/**
 * Bad input, generated frame-aware: random and mutated frames, wrong
 * lengths, wrong checksums, truncation and floods, split at random chunk boundaries. The decoder
 * must never throw, never hold more than one frame's worth of bytes, return every good frame that
 * was not damaged, and report damage exactly once (at most once per damaged piece, at least once
 * per stream that holds damage). Over 100 000 cases in all.
 */
const goodFrame = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 64 }))
  .map(([sw3, data]) => encodeResponse(sw3, data));

type Piece = { frame: Uint8Array; intact: boolean };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  goodFrame.map((frame) => ({ frame, intact: true })),
  // a flipped byte anywhere after the preamble
  fc.tuple(goodFrame, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([frame, at, mask]) => {
    const copy = Uint8Array.from(frame);
    const index = 5 + (at % (copy.length - 5));
    copy[index] = copy[index]! ^ mask;
    return { frame: copy, intact: false };
  }),
  // truncated
  fc.tuple(goodFrame, fc.nat()).map(([frame, cut]) => ({ frame: frame.slice(0, cut % frame.length), intact: false })),
  // noise, sometimes containing preamble-like bytes
  fc.uint8Array({ maxLength: 40 }).map((noise) => ({ frame: noise, intact: false })),
  fc
    .constantFrom(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69), Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff))
    .map((frame) => ({ frame, intact: false })),
);

function chunked(stream: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const point of [...points, stream.length]) {
    chunks.push(stream.subarray(last, point));
    last = point;
  }
  return chunks;
}

function decodeAll(chunks: Uint8Array[]): { items: DecodedItem[]; maxBuffered: number } {
  const decoder = createFrameDecoder();
  const items: DecodedItem[] = [];
  let maxBuffered = 0;
  for (const chunk of chunks) {
    items.push(...decoder.push(chunk));
    maxBuffered = Math.max(maxBuffered, decoder.buffered());
  }
  items.push(...decoder.flush());
  return { items, maxBuffered };
}

describe('SAM decoder under generated bad input (property)', () => {
  it('good frames separated by a clean boundary all come out, whatever the chunking (40 000 cases)', () => {
    fc.assert(
      fc.property(fc.array(goodFrame, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (frames, cuts) => {
        const stream = Uint8Array.from(frames.flatMap((frame) => [...frame]));
        const { items } = decodeAll(chunked(stream, cuts));
        expect(items.every((item) => item.kind === 'frame')).toBe(true);
        expect(items.length).toBe(frames.length);
      }),
      { numRuns: 40_000 },
    );
  });

  let total = 0;
  let lost = 0;
  let damagedCases = 0;
  let unreportedDamage = 0;
  it('mixed damage: never throws, memory bounded, intact frames survive, damage reported once (40 000 cases)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, cuts) => {
        const stream = Uint8Array.from(pieces.flatMap((entry) => [...entry.frame]));
        const { items, maxBuffered } = decodeAll(chunked(stream, cuts));
        expect(maxBuffered).toBeLessThanOrEqual(headerBytes + defaultMaxLength);
        const frames = items.filter((item) => item.kind === 'frame');
        const malformed = items.filter((item) => item.kind === 'malformed');
        // a damaged piece is reported at most once; garbage runs merge, so reports ≤ damaged pieces
        const damaged = pieces.filter((entry) => !entry.intact && entry.frame.length > 0).length;
        expect(malformed.length).toBeLessThanOrEqual(damaged);
        // every intact frame comes out, unless damage before it happened to form a frame whose
        // checksum matched by chance (XOR: about 1 in 256 per such accident); counted below
        const decoded = frames.map((frame) => Buffer.from(frame.payload).toString('hex'));
        for (const entry of pieces.filter((p) => p.intact)) {
          total += 1;
          const payload = Buffer.from(entry.frame.subarray(headerBytes, entry.frame.length - 1)).toString('hex');
          const at = decoded.indexOf(payload);
          if (at === -1) lost += 1;
          else decoded.splice(at, 1);
        }
        // ...and at least once: damage never passes silently. The one way it may is by forming a
        // frame whose checksum matches by chance; such a frame is left in `decoded` (no intact
        // piece claimed it), and those cases are counted and bounded below.
        if (damaged > 0) {
          damagedCases += 1;
          if (malformed.length === 0) {
            expect(decoded.length, 'damage with neither a report nor a chance frame').toBeGreaterThan(0);
            unreportedDamage += 1;
          }
        }
      }),
      { numRuns: 40_000 },
    );
    expect(total).toBeGreaterThan(10_000);
    expect(lost / total).toBeLessThan(0.01);
    expect(damagedCases).toBeGreaterThan(10_000);
    expect(unreportedDamage / damagedCases).toBeLessThan(0.01);
  });

  it('floods of random bytes: never throws, bounded, at most one report per flush boundary, every byte accounted (10 000 cases)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 4_000 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 20 }),
        (noise, cutsAndFlushes) => {
          // a preamble formed by chance (≈ 4 000 / 2^40 per case) would start a frame: not a flood
          fc.pre(!Buffer.from(noise).includes(Buffer.from(preamble)));
          const flushAfter = new Set(cutsAndFlushes.filter(([, flush]) => flush).map(([cut]) => cut % (noise.length + 1)));
          const chunks = chunked(
            noise,
            cutsAndFlushes.map(([cut]) => cut),
          );
          const decoder = createFrameDecoder();
          const items: DecodedItem[] = [];
          let flushes = 0;
          let at = 0;
          for (const chunk of chunks) {
            items.push(...decoder.push(chunk));
            expect(decoder.buffered()).toBeLessThanOrEqual(headerBytes + defaultMaxLength);
            at += chunk.length;
            if (flushAfter.has(at)) {
              items.push(...decoder.flush());
              flushes += 1;
            }
          }
          items.push(...decoder.flush());
          flushes += 1;
          expect(items.every((item) => item.kind === 'malformed' && item.problem === 'garbage')).toBe(true);
          expect(items.length).toBeLessThanOrEqual(flushes);
          expect(items.length).toBeGreaterThanOrEqual(noise.length > 0 ? 1 : 0);
          expect(items.reduce((sum, item) => sum + (item.kind === 'malformed' ? item.bytes : 0), 0)).toBe(noise.length);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('random answer payloads: read data, text blocks and responses parse to a result or a problem, never an exception (20 000 cases)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1_400 }),
        fc.boolean(),
        fc.uint8Array({ minLength: 256, maxLength: 256 }),
        (data, fp, text) => {
          parseResponse(data);
          const read = parseReadData(data, fp);
          expect(typeof read.ok).toBe('boolean');
          const decoded = decodeCardText(text);
          expect(typeof decoded.ok).toBe('boolean');
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
