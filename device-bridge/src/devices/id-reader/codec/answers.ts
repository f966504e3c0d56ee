import { wltPhotoBytes } from '../photo-decoder.ts';
import { textBlockBytes } from './text-block.ts';

/** spaces and NULs around a field: padding, not content */
// eslint-disable-next-line no-control-regex
const paddingAtEnds = /^[ \u0000]+|[ \u0000]+$/g;
/**
 * The data part of the SAM's successful answers, after SW1 SW2 SW3. Every length
 * is checked against the bytes that actually came: a SAM (or a line) that lies about lengths gives
 * an error, never a read past the end or a photo cut from the wrong place.
 */
export interface CardReadData {
  text: Uint8Array;
  /** the WLT photo, opaque (photo-decoder.ts) */
  photo: Uint8Array;
  /** 0, 1 or 2 templates of 512 bytes; only from read-with-fingerprint */
  fingerprint: Uint8Array | null;
}

export type ReadDataResult = { ok: true; value: CardReadData } | { ok: false; problem: string };

const fingerprintTemplateBytes = 512;

/** Parses a 30 01 (text + photo) or 30 10 (text + photo + fingerprint) answer. */
export function parseReadData(data: Uint8Array, withFingerprint: boolean): ReadDataResult {
  const lengthFields = withFingerprint ? 3 : 2;
  if (data.length < lengthFields * 2) return { ok: false, problem: `answer of ${data.length} bytes has no length fields` };
  const lengths: number[] = [];
  for (let i = 0; i < lengthFields; i++) lengths.push((data[i * 2]! << 8) | data[i * 2 + 1]!);
  const [textLength, photoLength, fingerprintLength = 0] = lengths as [number, number, number?];
  if (textLength !== textBlockBytes) return { ok: false, problem: `text length ${textLength}, expected ${textBlockBytes}` };
  if (photoLength > wltPhotoBytes) return { ok: false, problem: `photo length ${photoLength} exceeds ${wltPhotoBytes}` };
  if (fingerprintLength % fingerprintTemplateBytes !== 0 || fingerprintLength > 2 * fingerprintTemplateBytes) {
    return { ok: false, problem: `fingerprint length ${fingerprintLength} is not 0, 512 or 1024` };
  }
  const expected = lengthFields * 2 + textLength + photoLength + fingerprintLength;
  if (data.length !== expected) return { ok: false, problem: `answer has ${data.length} data bytes, its lengths say ${expected}` };
  let offset = lengthFields * 2;
  const take = (n: number) => data.slice(offset, (offset += n));
  const text = take(textLength);
  const photo = take(photoLength);
  const fingerprint = withFingerprint ? take(fingerprintLength) : null;
  return { ok: true, value: { text, photo, fingerprint } };
}

export function encodeReadData(value: CardReadData): Uint8Array {
  const withFingerprint = value.fingerprint !== null;
  const parts = [value.text, value.photo, ...(withFingerprint ? [value.fingerprint!] : [])];
  const header = new Uint8Array(parts.length * 2);
  parts.forEach((part, index) => {
    header[index * 2] = part.length >> 8;
    header[index * 2 + 1] = part.length & 0xff;
  });
  return Uint8Array.from(Buffer.concat([header, ...parts]));
}

/** 12 FF answer: 16 bytes shown as AA.BB-C-DDDDDDDDDD-EEEEEEEEEE (HslCommunication ExtractSafeModuleNumber). */
export function parseSamId(data: Uint8Array): string | null {
  if (data.length !== 16) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => String(view.getUint16(at, true)).padStart(2, '0');
  const u32 = (at: number, width: number) => String(view.getUint32(at, true)).padStart(width, '0');
  return `${u16(0)}.${u16(2)}-${u32(4, 8)}-${u32(8, 10)}-${u32(12, 10)}`;
}

export function encodeSamId(parts: [number, number, number, number, number]): Uint8Array {
  const data = new Uint8Array(16);
  const view = new DataView(data.buffer);
  view.setUint16(0, parts[0], true);
  view.setUint16(2, parts[1], true);
  view.setUint32(4, parts[2], true);
  view.setUint32(8, parts[3], true);
  view.setUint32(12, parts[4], true);
  return data;
}

/** 30 03 answer: the newest appended address, 70 bytes UCS-2LE; null when malformed. */
export function parseAppendedAddress(data: Uint8Array): string | null {
  if (data.length === 0 || data.length > 70 || data.length % 2 !== 0) return null;
  return Buffer.from(data).toString('utf16le').replace(paddingAtEnds, '');
}

export function encodeAppendedAddress(address: string): Uint8Array {
  const block = Buffer.from(' '.repeat(35), 'utf16le');
  const encoded = Buffer.from(address, 'utf16le');
  if (encoded.length > 70) throw new Error('appended address longer than 35 characters');
  encoded.copy(block);
  return new Uint8Array(block);
}
