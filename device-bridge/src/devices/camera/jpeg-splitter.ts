/**
 * Splits an MJPEG byte stream (ffmpeg `-f mjpeg pipe:1`, a UVC camera's frames back to back) into
 * whole JPEG images. Pure: bytes in, frames out; the driver feeds it whatever chunks stdout gives.
 *
 * It walks the JPEG structure instead of searching for FF D9: an EXIF APP1 segment may carry a
 * thumbnail with its own SOI/EOI, which a plain marker search would cut in the middle. Segments
 * before the scan have a length; inside entropy-coded data FF is always followed by 00 (stuffing)
 * or a restart marker, so the next other marker there is the real end.
 * Garbage between frames (a camera that drops bytes) is skipped up to the next SOI. A frame larger
 * than `maxFrameBytes` is dropped whole: a broken stream must not grow memory without bound.
 */
export interface JpegSplitter {
  /** feeds a chunk; returns the frames completed by it (each a copy, safe to keep) */
  push(chunk: Buffer): Buffer[];
  /** bytes held for an unfinished frame */
  readonly pending: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

type Scan =
  | { kind: 'frame'; end: number }
  | { kind: 'need-more' }
  /** not a JPEG at this position: skip to the next SOI */
  | { kind: 'invalid' };

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === SOI;
}

/** Looks for the end of the frame whose SOI is at `start`. */
function scanFrame(data: Buffer, start: number): Scan {
  let i = start + 2;
  // Header segments: marker, 2-byte big-endian length (including itself), payload.
  for (;;) {
    if (i + 4 > data.length) return { kind: 'need-more' };
    if (data[i] !== 0xff) return { kind: 'invalid' };
    const marker = data[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === EOI) return { kind: 'frame', end: i + 2 };
    if (isStandalone(marker)) {
      i += 2;
      continue;
    }
    const length = data.readUInt16BE(i + 2);
    if (length < 2) return { kind: 'invalid' };
    i += 2 + length;
    if (marker === SOS) break;
  }
  // Entropy-coded data (and any further scans of a progressive JPEG).
  for (;;) {
    if (i + 1 >= data.length) return { kind: 'need-more' };
    if (data[i] !== 0xff) {
      i += 1;
      continue;
    }
    const next = data[i + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      i += next === 0xff ? 1 : 2;
      continue;
    }
    if (next === EOI) return { kind: 'frame', end: i + 2 };
    if (next === SOI) return { kind: 'invalid' }; // a new frame began: this one was truncated
    // Another segment between scans (DHT, SOS of a progressive image): skip it by its length.
    if (i + 4 > data.length) return { kind: 'need-more' };
    const length = data.readUInt16BE(i + 2);
    if (length < 2) return { kind: 'invalid' };
    i += 2 + length;
  }
}

export function createJpegSplitter(options: { maxFrameBytes?: number } = {}): JpegSplitter {
  const maxFrameBytes = options.maxFrameBytes ?? 16 * 1024 * 1024;
  let buffer: Buffer = Buffer.alloc(0);

  function nextSoi(from: number): number {
    for (let i = from; i + 1 < buffer.length; i++) {
      if (buffer[i] === 0xff && buffer[i + 1] === SOI) return i;
    }
    return -1;
  }

  return {
    push(chunk) {
      buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
      const frames: Buffer[] = [];
      for (;;) {
        const start = nextSoi(0);
        if (start < 0) {
          // Keep a trailing FF: it may be the first half of the next SOI.
          buffer = buffer.length > 0 && buffer[buffer.length - 1] === 0xff ? buffer.subarray(buffer.length - 1) : Buffer.alloc(0);
          break;
        }
        if (start > 0) buffer = buffer.subarray(start);
        const scan = scanFrame(buffer, 0);
        if (scan.kind === 'frame') {
          frames.push(Buffer.from(buffer.subarray(0, scan.end)));
          buffer = buffer.subarray(scan.end);
          continue;
        }
        if (scan.kind === 'invalid') {
          buffer = buffer.subarray(2);
          continue;
        }
        if (buffer.length > maxFrameBytes) {
          buffer = buffer.subarray(2); // drop the oversized frame; resync on the next SOI
          continue;
        }
        break;
      }
      // Detach from the big concatenated buffer so memory is released as frames leave.
      if (buffer.length > 0 && buffer.byteOffset > 0) buffer = Buffer.from(buffer);
      return frames;
    },
    get pending() {
      return buffer.length;
    },
  };
}
