import { describe, expect, it } from 'vitest';
import { encodeRequest, encodeResponse, parseResponse } from './commands.ts';
import { createFrameDecoder, encodeFrame, type DecodedItem } from './frame.ts';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1 ');
const bytes = (text: string) => Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex'));

describe('SAM frames', () => {
  it('builds the request frames the vendor documents give, checksum included', () => {
    expect(hex(encodeRequest('reset'))).toBe('AA AA AA 96 69 00 03 10 FF EC');
    expect(hex(encodeRequest('status'))).toBe('AA AA AA 96 69 00 03 11 FF ED');
    expect(hex(encodeRequest('samId'))).toBe('AA AA AA 96 69 00 03 12 FF EE');
    expect(hex(encodeRequest('find'))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(hex(encodeRequest('select'))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(encodeRequest('readText'))).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(hex(encodeRequest('readAddress'))).toBe('AA AA AA 96 69 00 03 30 03 30');
    expect(hex(encodeRequest('readWithFingerprint'))).toBe('AA AA AA 96 69 00 03 30 10 23');
    expect(hex(encodeRequest('setMaxRfBytes', Uint8Array.of(0x50)))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });

  it('builds the documented answers', () => {
    expect(hex(encodeResponse(0x90))).toBe('AA AA AA 96 69 00 04 00 00 90 94');
    expect(hex(encodeResponse(0x60))).toBe('AA AA AA 96 69 00 04 00 00 60 64');
    expect(hex(encodeResponse(0x9f, new Uint8Array(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(hex(encodeResponse(0x80))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
    expect(hex(encodeResponse(0x90, new Uint8Array(8)))).toBe('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C');
    expect(hex(encodeResponse(0x81))).toBe('AA AA AA 96 69 00 04 00 00 81 85');
    expect(hex(encodeResponse(0x41))).toBe('AA AA AA 96 69 00 04 00 00 41 45');
  });

  it('decodes a frame delivered one byte at a time', () => {
    const decoder = createFrameDecoder();
    const frame = bytes('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    const items: DecodedItem[] = [];
    for (const byte of frame) items.push(...decoder.push(Uint8Array.of(byte)));
    expect(items).toHaveLength(1);
    expect(parseResponse((items[0] as { payload: Uint8Array }).payload)).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f });
    expect(decoder.buffered()).toBe(0);
  });

  it('skips garbage to the next preamble and reports it once', () => {
    const decoder = createFrameDecoder();
    const items = [...decoder.push(bytes('01 02 AA AA 03')), ...decoder.push(bytes('04 05')), ...decoder.push(encodeResponse(0x90))];
    expect(items.map((item) => (item.kind === 'frame' ? 'frame' : `${item.problem}:${item.bytes}`))).toEqual(['garbage:7', 'frame']);
  });

  it('reports a bad checksum once and still finds the good frame that follows', () => {
    const decoder = createFrameDecoder();
    const bad = encodeResponse(0x90, Uint8Array.of(1, 2, 3));
    bad[bad.length - 1] = bad.at(-1)! ^ 0xff;
    const items = decoder.push(Uint8Array.from([...bad, ...encodeResponse(0x80)]));
    expect(items.map((item) => (item.kind === 'frame' ? item.payload[2] : item.problem))).toEqual(['checksum', 0x80]);
  });

  it('recovers a whole frame swallowed by a truncated one whose length runs over it', () => {
    const decoder = createFrameDecoder();
    const truncated = encodeResponse(0x90, new Uint8Array(20)).slice(0, 12);
    const good = encodeResponse(0x9f, new Uint8Array(4));
    const items = decoder.push(Uint8Array.from([...truncated, ...good, ...new Uint8Array(30)]));
    expect(items.map((item) => (item.kind === 'frame' ? item.payload[2] : item.problem))).toEqual(['checksum', 0x9f]);
  });

  it('rejects impossible lengths at once instead of waiting for 64 KiB', () => {
    const decoder = createFrameDecoder();
    const items = decoder.push(Uint8Array.from([...bytes('AA AA AA 96 69 FF FF 00'), ...encodeResponse(0x90)]));
    expect(items.map((item) => (item.kind === 'frame' ? item.payload[2] : item.problem))).toEqual(['length', 0x90]);
  });

  it('reports a frame cut short when the line goes quiet', () => {
    const decoder = createFrameDecoder();
    expect(decoder.push(encodeResponse(0x90, new Uint8Array(10)).slice(0, 9))).toEqual([]);
    expect(decoder.flush()).toEqual([{ kind: 'malformed', problem: 'truncated', bytes: 9 }]);
    expect(decoder.flush()).toEqual([]);
  });

  it('at flush, never takes stale bytes past the end for a preamble (found by the property test)', () => {
    const pieces = [
      [170, 170, 170, 150],
      [170, 170, 170, 150, 105],
      [170, 170, 170, 150, 105, 0, 4, 0, 0, 0, 4],
      [170, 170, 170, 150, 105],
      [170, 170, 170, 150, 105],
      [170, 170, 170, 150, 105, 0, 5, 0, 0, 0, 0, 5],
      [170, 170, 170, 150, 105, 0, 7, 0, 0, 0, 0, 0, 0, 7],
      [0, 0, 0, 0, 0],
      [170, 170, 170, 150, 105, 1, 10, 0, 0, 129, 205, 216, 95, 44, 234, 173, 170],
    ];
    const stream = Uint8Array.from(pieces.flat());
    const decoder = createFrameDecoder();
    const items = [...decoder.push(stream.subarray(0, 57)), ...decoder.push(stream.subarray(57)), ...decoder.flush()];
    expect(items.filter((item) => item.kind === 'malformed' && item.problem === 'truncated')).toHaveLength(1);
    expect(items.filter((item) => item.kind === 'frame')).toHaveLength(3);
  });

  it('refuses payloads that do not fit a 16-bit length', () => {
    expect(() => encodeFrame(new Uint8Array(0x10000))).toThrow(/too long/);
  });
});

describe('SAM decoder keeps no card data it is done with', () => {
  // a read answer whose text is a name and number in UCS-2LE, as a card gives them
  const cardText = Buffer.from('欧阳建国 110101194910010031'.padEnd(128, ' '), 'utf16le');
  const readAnswer = () =>
    encodeResponse(0x90, Uint8Array.from(Buffer.concat([Buffer.from([1, 0, 4, 0]), cardText, Buffer.alloc(1024, 0x57)])));
  const carries = (store: Uint8Array) => Buffer.from(store).includes(cardText.subarray(0, 16));

  function inspectedDecoder() {
    const stores: Uint8Array[] = [];
    const decoder = createFrameDecoder({
      allocate: (size) => {
        const store = new Uint8Array(size);
        stores.push(store);
        return store;
      },
    });
    return { decoder, stores, allZero: () => stores.every((store) => store.every((byte) => byte === 0)) };
  }

  it('zeroes a frame once it is decoded, whatever the chunking, through compaction and growth', () => {
    const { decoder, stores, allZero } = inspectedDecoder();
    const frame = readAnswer();
    // 3 frames in 100-byte chunks: the store compacts; then 4 frames in one chunk: it grows
    const chunks: Uint8Array[] = [];
    const three = Uint8Array.from(Buffer.concat([frame, frame, frame]));
    for (let at = 0; at < three.length; at += 100) chunks.push(three.subarray(at, at + 100));
    chunks.push(Uint8Array.from(Buffer.concat([frame, frame, frame, frame])));
    const frames: DecodedItem[] = [];
    for (const chunk of chunks) {
      frames.push(...decoder.push(chunk));
      // whatever is still held is the next, unfinished frame: nothing before it survives
      expect(stores.filter(carries).length).toBeLessThanOrEqual(1);
    }
    expect(frames.filter((item) => item.kind === 'frame')).toHaveLength(7);
    expect(stores.length).toBeGreaterThan(1);
    expect(allZero()).toBe(true);
  });

  it('zeroes damaged frames, garbage and a truncated frame too', () => {
    const { decoder, allZero } = inspectedDecoder();
    const corrupt = readAnswer();
    corrupt[corrupt.length - 1] = corrupt[corrupt.length - 1]! ^ 0xff;
    const truncated = readAnswer().subarray(0, 700);
    const items = [...decoder.push(Uint8Array.from(Buffer.concat([Buffer.from(cardText), corrupt, truncated]))), ...decoder.flush()];
    expect(items.map((item) => (item.kind === 'malformed' ? item.problem : item.kind))).toEqual(['garbage', 'checksum', 'truncated']);
    expect(allZero()).toBe(true);
  });
});
