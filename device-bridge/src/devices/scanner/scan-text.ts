/**
 * Scanned text is untrusted: a QR code can hold anything, including bytes that would confuse a
 * log, a terminal or a screen. A code is accepted only when it is non-empty, at most
 * `maxScanLength` characters, valid UTF-8 and free of control characters.
 */
export const maxScanLength = 4096;

export type ScanTextResult =
  { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' | 'control-characters' | 'invalid-encoding' };

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides
// that can make a shown code read differently from what it is.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function checkScanText(text: string): ScanTextResult {
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > maxScanLength) return { ok: false, reason: 'too-long' };
  if (forbidden.test(text)) return { ok: false, reason: 'control-characters' };
  return { ok: true, text };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function scanTextFromBytes(bytes: Uint8Array): ScanTextResult {
  if (bytes.length > maxScanLength * 4) return { ok: false, reason: 'too-long' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid-encoding' };
  }
  return checkScanText(text);
}
