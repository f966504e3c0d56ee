import { describe, expect, it } from 'vitest';
import { fixtureCardTexts } from '../fixture-cards.ts';
import { encodeResponse } from './commands.ts';
import { encodeAppendedAddress, encodeReadData, encodeSamId, parseAppendedAddress, parseReadData, parseSamId } from './answers.ts';
import { encodeCardText } from './text-block.ts';

const text = encodeCardText(fixtureCardTexts['resident-id']);
const photo = new Uint8Array(1024).fill(7);

describe('SAM answers', () => {
  it('a read-fixed-info answer is 1295 bytes with Len 05 08 and the documented header', () => {
    const frame = encodeResponse(0x90, encodeReadData({ text, photo, fingerprint: null }));
    expect(frame.length).toBe(1295);
    expect(Buffer.from(frame.subarray(0, 14)).toString('hex')).toBe('aaaaaa9669050800009001000400');
  });

  it('read-with-fingerprint answers are 1297 / 1809 / 2321 bytes for 0, 1 and 2 templates', () => {
    const sizes = [0, 512, 1024].map((fp) => encodeResponse(0x90, encodeReadData({ text, photo, fingerprint: new Uint8Array(fp) })).length);
    expect(sizes).toEqual([1297, 1809, 2321]);
    const parsed = parseReadData(encodeReadData({ text, photo, fingerprint: new Uint8Array(1024).fill(3) }), true);
    expect(parsed.ok && parsed.value.fingerprint?.length).toBe(1024);
    expect(parsed.ok && parsed.value.text).toEqual(text);
  });

  it('refuses answers whose lengths disagree with the bytes that came', () => {
    const data = encodeReadData({ text, photo, fingerprint: null });
    expect(parseReadData(data.slice(0, 1000), false)).toMatchObject({ ok: false });
    const lying = Uint8Array.from(data);
    lying[2] = 0x05; // photo length 0x0500
    expect(parseReadData(lying, false)).toMatchObject({ ok: false });
    expect(parseReadData(encodeReadData({ text, photo, fingerprint: new Uint8Array(100) }), true)).toMatchObject({ ok: false });
  });

  it('formats the SAM id the way vendor tools show it', () => {
    expect(parseSamId(encodeSamId([5, 1, 20101010, 12345678, 987654321]))).toBe('05.01-20101010-0012345678-0987654321');
    expect(parseSamId(new Uint8Array(3))).toBeNull();
  });

  it('reads the appended address', () => {
    expect(parseAppendedAddress(encodeAppendedAddress('北京市朝阳区新地址8号'))).toBe('北京市朝阳区新地址8号');
    expect(parseAppendedAddress(new Uint8Array(3))).toBeNull();
  });
});
