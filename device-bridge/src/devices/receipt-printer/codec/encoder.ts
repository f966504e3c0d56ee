import iconv from 'iconv-lite';
import type { ReceiptAlign, ReceiptDocument, ReceiptLine } from './document.ts';
import { receiptColumns } from './document.ts';

/**
 * ESC/POS bytes for a receipt (Epson TM-T88 command set, which Chinese 80 mm printers follow):
 * ESC @ init, FS & Chinese character mode, text in GB18030, ESC a alignment, ESC E emphasis,
 * GS ! size, GS ( k QR code (model 2), ESC d feed, GS V partial cut after feeding.
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

const alignCode: Record<ReceiptAlign, number> = { left: 0, center: 1, right: 2 };

/** Maximum QR data the model 2 symbol holds in byte mode at level M (version 40). */
export const maxQrBytes = 2331;

/** GS ( k pL pH cn fn [parameters]: pL/pH count cn, fn and the parameters, little-endian. */
function gsParenK(fn: number, parameters: Uint8Array | number[]): number[] {
  const length = parameters.length + 2;
  return [GS, 0x28, 0x6b, length & 0xff, (length >> 8) & 0xff, 0x31, fn, ...parameters];
}

/** The five commands that store and print one QR code. */
export function encodeQr(data: string, moduleSize = 6): Uint8Array {
  const bytes = Buffer.from(data, 'utf8');
  if (bytes.length === 0 || bytes.length > maxQrBytes) throw new RangeError(`QR data must be 1–${maxQrBytes} bytes, got ${bytes.length}`);
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) throw new RangeError('QR module size is 1–16 dots');
  return Uint8Array.from([
    ...gsParenK(0x41, [0x32, 0x00]), // fn 65: model 2
    ...gsParenK(0x43, [moduleSize]), // fn 67: module size
    ...gsParenK(0x45, [0x31]), // fn 69: error correction M
    ...gsParenK(0x50, [0x30, ...bytes]), // fn 80: store the data
    ...gsParenK(0x51, [0x30]), // fn 81: print the stored symbol
  ]);
}

/** Replaces control characters so text can never smuggle a command into the stream. */
function printable(text: string): string {
  return [...text].map((character) => (character.charCodeAt(0) < 0x20 || character === '\u007f' ? ' ' : character)).join('');
}

function encodeLine(line: ReceiptLine): number[] {
  switch (line.kind) {
    case 'text': {
      const size = line.size === 2 ? 0x11 : 0x00;
      return [
        ESC,
        0x61,
        alignCode[line.align ?? 'left'],
        ESC,
        0x45,
        line.bold ? 1 : 0,
        GS,
        0x21,
        size,
        ...iconv.encode(printable(line.text), 'gb18030'),
        LF,
      ];
    }
    case 'qr':
      return [ESC, 0x61, alignCode.center, ...encodeQr(line.data, line.moduleSize), LF];
    case 'rule':
      return [ESC, 0x61, 0, ESC, 0x45, 0, GS, 0x21, 0, ...Buffer.from('-'.repeat(receiptColumns), 'ascii'), LF];
    case 'feed':
      return [ESC, 0x64, Math.max(0, Math.min(255, Math.round(line.lines)))];
  }
}

export function encodeReceipt(document: ReceiptDocument): Uint8Array {
  const bytes: number[] = [ESC, 0x40, FS, 0x26];
  for (const line of document.lines) bytes.push(...encodeLine(line));
  // feed past the cutter, then partial cut (GS V 66 n: feed n dots and cut)
  bytes.push(ESC, 0x64, 4, GS, 0x56, 0x42, 0x00);
  return Uint8Array.from(bytes);
}

/** DLE EOT n: real-time status request n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.from([DLE, EOT, n]);
}
