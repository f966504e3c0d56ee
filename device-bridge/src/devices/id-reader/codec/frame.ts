/**
 * GA/T 467 SAM frames, both directions:
 *
 *   AA AA AA 96 69 | Len1 Len2 | payload … | CHK
 *
 * Len is big-endian and counts everything after itself including CHK; CHK is the XOR of Len1,
 * Len2 and the payload. A request's payload is CMD PARA [data]; a response's is SW1 SW2 SW3 [data].
 * Pure: no I/O. Every byte from the line is untrusted, so the decoder below never throws on input,
 * keeps bounded memory, and resynchronises on the next preamble after anything malformed.
 */
export const preamble = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** preamble + two length bytes */
export const headerBytes = 7;
/** the smallest Len: a request's CMD PARA + CHK */
export const minLength = 3;
/** the largest answer a SAM gives: read with two fingerprint templates, Len 0x090A (2321 bytes) */
export const defaultMaxLength = 0x0a00;

/** XOR of the length bytes and the payload: the frame's CHK byte. */
export function frameChecksum(lengthHigh: number, lengthLow: number, payload: Uint8Array): number {
  let sum = lengthHigh ^ lengthLow;
  for (const byte of payload) sum ^= byte;
  return sum;
}

/** A whole frame around a payload (request: CMD PARA data; response: SW1 SW2 SW3 data). */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const length = payload.length + 1;
  if (length > 0xffff) throw new Error(`SAM payload too long: ${payload.length} bytes`);
  const frame = new Uint8Array(headerBytes + length);
  frame.set(preamble, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(payload, headerBytes);
  frame[frame.length - 1] = frameChecksum(frame[5]!, frame[6]!, payload);
  return frame;
}

export type MalformedProblem =
  /** bytes that were not part of any frame (line noise, a half frame from before we opened) */
  | 'garbage'
  /** Len smaller than any frame or larger than any SAM answer */
  | 'length'
  /** the frame arrived whole but CHK does not match */
  | 'checksum'
  /** the line went quiet (command timeout) with a frame only partly received */
  | 'truncated';

export type DecodedItem = { kind: 'frame'; payload: Uint8Array } | { kind: 'malformed'; problem: MalformedProblem; bytes: number };

export interface FrameDecoder {
  /** feeds a chunk; returns the frames and problems it completed, in line order */
  push(chunk: Uint8Array): DecodedItem[];
  /**
   * The line went quiet: whatever is buffered will not become a frame. Reports it once
   * (truncated frame, or garbage) and empties the buffer.
   */
  flush(): DecodedItem[];
  /** bytes held while waiting for the rest of a frame (bounded by maxLength + 7) */
  buffered(): number;
}

function preambleAt(buffer: Uint8Array, index: number): boolean {
  return (
    buffer[index] === 0xaa &&
    buffer[index + 1] === 0xaa &&
    buffer[index + 2] === 0xaa &&
    buffer[index + 3] === 0x96 &&
    buffer[index + 4] === 0x69
  );
}

/** How many bytes at the end of buffer could be the start of a preamble still arriving. */
function partialPreambleTail(buffer: Uint8Array, from: number): number {
  for (let keep = Math.min(preamble.length - 1, buffer.length - from); keep > 0; keep--) {
    let matches = true;
    for (let i = 0; i < keep; i++) {
      if (buffer[buffer.length - keep + i] !== preamble[i]) {
        matches = false;
        break;
      }
    }
    if (matches) return keep;
  }
  return 0;
}

/**
 * A streaming decoder. Frames may be split across any number of chunks and several may share one
 * chunk. Each malformed stretch is reported exactly once: a bad frame's own bytes are not reported
 * again as garbage, and a garbage run split over several chunks is one report.
 *
 * The bytes are card data (name, number, address, photo), so the decoder keeps none it is done
 * with: every byte it has consumed, and every copy left behind when it compacts or grows its
 * store, is zeroed at once. A frame's payload is the caller's copy to wipe.
 */
export function createFrameDecoder(
  options: {
    maxLength?: number;
    /** where the decoder gets its store (tests hand in one they can inspect) */
    allocate?: (bytes: number) => Uint8Array;
  } = {},
): FrameDecoder {
  const maxLength = options.maxLength ?? defaultMaxLength;
  const allocate = options.allocate ?? ((bytes: number) => new Uint8Array(bytes));
  // bytes live in store[head, tail); appending grows or compacts store, never copies per byte;
  // everything outside [head, tail) is zero
  let store = allocate(4096);
  let head = 0;
  let tail = 0;
  /** garbage bytes skipped and not reported yet */
  let garbage = 0;
  /** the bytes skipped after a bad frame belong to it: do not report them as garbage */
  let absorbing = false;

  function takeGarbage(out: DecodedItem[]): void {
    if (garbage > 0 && !absorbing) out.push({ kind: 'malformed', problem: 'garbage', bytes: garbage });
    garbage = 0;
    absorbing = false;
  }

  /** The bytes before `to` are consumed: zero them and move past. */
  function advance(to: number): void {
    store.fill(0, head, to);
    head = to;
  }

  function append(chunk: Uint8Array): void {
    const held = tail - head;
    if (tail + chunk.length > store.length) {
      if (held + chunk.length > store.length) {
        const next = allocate(Math.max(store.length * 2, held + chunk.length));
        next.set(store.subarray(head, tail), 0);
        store.fill(0);
        store = next;
      } else {
        store.copyWithin(0, head, tail);
        // what was held beyond the moved copy is a stale duplicate
        store.fill(0, held, tail);
      }
      head = 0;
      tail = held;
    }
    store.set(chunk, tail);
    tail += chunk.length;
  }

  function decode(): DecodedItem[] {
    const out: DecodedItem[] = [];
    for (;;) {
      // find the next preamble
      let index = head;
      const last = tail - preamble.length;
      while (index <= last && !preambleAt(store, index)) index++;
      if (index > last) {
        // no whole preamble: all but a possible partial one at the end is garbage
        const keep = partialPreambleTail(store.subarray(head, tail), 0);
        garbage += tail - head - keep;
        advance(tail - keep);
        break;
      }
      garbage += index - head;
      advance(index);
      if (tail - head < headerBytes) break;
      const length = (store[head + 5]! << 8) | store[head + 6]!;
      if (length < minLength || length > maxLength) {
        takeGarbage(out);
        out.push({ kind: 'malformed', problem: 'length', bytes: preamble.length + 2 });
        advance(head + preamble.length);
        absorbing = true;
        continue;
      }
      if (tail - head < headerBytes + length) break;
      const end = head + headerBytes + length;
      // checked in place: a frame that fails leaves no copy behind
      const body = store.subarray(head + headerBytes, end - 1);
      if (frameChecksum(store[head + 5]!, store[head + 6]!, body) !== store[end - 1]) {
        takeGarbage(out);
        out.push({ kind: 'malformed', problem: 'checksum', bytes: headerBytes + length });
        // only the preamble is skipped: a good frame that a bad length swallowed is found again
        advance(head + preamble.length);
        absorbing = true;
        continue;
      }
      takeGarbage(out);
      out.push({ kind: 'frame', payload: body.slice() });
      advance(end);
    }
    if (head === tail) head = tail = 0;
    return out;
  }

  return {
    push(chunk) {
      if (chunk.length === 0) return [];
      append(chunk);
      return decode();
    },
    flush() {
      const out: DecodedItem[] = [];
      // A frame cut short may hide whole frames behind its preamble (its length ran over them):
      // report it, skip only its preamble, and decode what follows, until nothing is left.
      while (tail > head) {
        // (bytes past `tail` are stale: a preamble must lie wholly inside what is held)
        if (tail - head >= preamble.length && preambleAt(store, head)) {
          takeGarbage(out);
          out.push({ kind: 'malformed', problem: 'truncated', bytes: tail - head });
          advance(head + preamble.length);
          absorbing = true;
          out.push(...decode());
        } else {
          garbage += tail - head;
          advance(tail);
          head = tail = 0;
        }
      }
      takeGarbage(out);
      return out;
    },
    buffered: () => tail - head,
  };
}
