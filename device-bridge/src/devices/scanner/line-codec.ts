import { maxScanLength, scanTextFromBytes, type ScanTextResult } from './scan-text.ts';

export type ScannerSuffix = 'cr' | 'lf' | 'crlf' | 'tab';
export const suffixBytes: Record<ScannerSuffix, Uint8Array> = {
  cr: Uint8Array.of(0x0d),
  lf: Uint8Array.of(0x0a),
  crlf: Uint8Array.of(0x0d, 0x0a),
  tab: Uint8Array.of(0x09),
};

export interface LineDecoder {
  /** feeds bytes from the scanner; returns one result per code completed by its suffix */
  push(chunk: Uint8Array): ScanTextResult[];
  buffered(): number;
}

/**
 * Splits a USB-CDC scanner's byte stream into codes at the configured suffix. Memory is bounded:
 * a "code" that runs past the longest allowed without a suffix is dropped, reported once as
 * too long, and everything up to the next suffix is discarded with it.
 */
export function createLineDecoder(suffix: ScannerSuffix): LineDecoder {
  const terminator = suffixBytes[suffix];
  const maxBytes = maxScanLength * 4;
  let buffer: number[] = [];
  let overflowing = false;

  function endsWithTerminator(): boolean {
    if (buffer.length < terminator.length) return false;
    for (let i = 0; i < terminator.length; i++) {
      if (buffer[buffer.length - terminator.length + i] !== terminator[i]) return false;
    }
    return true;
  }

  return {
    push(chunk) {
      const out: ScanTextResult[] = [];
      for (const byte of chunk) {
        buffer.push(byte);
        if (endsWithTerminator()) {
          const code = Uint8Array.from(buffer.slice(0, buffer.length - terminator.length));
          buffer = [];
          if (overflowing) overflowing = false;
          else out.push(scanTextFromBytes(code));
        } else if (buffer.length > maxBytes + terminator.length) {
          if (!overflowing) out.push({ ok: false, reason: 'too-long' });
          overflowing = true;
          // keep only what could be the start of a terminator
          buffer = buffer.slice(buffer.length - (terminator.length - 1));
        }
      }
      return out;
    },
    buffered: () => buffer.length,
  };
}
