import iconv from 'iconv-lite';
import type { PrinterCondition } from '../../../api/index.ts';
import type { ReceiptAlign } from './document.ts';
import { receiptColumns } from './document.ts';
import { DLE, EOT, ESC, FS, GS, LF } from './encoder.ts';
import { encodeStatus, statusFor } from './status.ts';

/** One line as it came out of the printer. */
export type PrintedReceiptLine =
  { kind: 'text'; text: string; align: ReceiptAlign; bold: boolean; size: 1 | 2 } | { kind: 'qr'; data: string; moduleSize: number };

export interface PrintedReceipt {
  lines: PrintedReceiptLine[];
  /** true when the paper ran out or the cover opened while it printed: the slip is incomplete */
  incomplete: boolean;
}

/**
 * Reads an ESC/POS byte stream the way a thermal printer does: commands change the print mode,
 * text accumulates until LF, GS ( k stores and prints a QR code, GS V cuts (one receipt done), and
 * DLE EOT n is answered at once from the current condition — even in the middle of other data.
 * Unknown commands are skipped by their known lengths; an unknown ESC/GS byte is dropped, as printers do.
 */
export function createEscPosInterpreter(options: {
  condition: () => PrinterCondition;
  reply: (bytes: Uint8Array) => void;
  onReceipt: (receipt: PrintedReceipt) => void;
}) {
  let buffer = Buffer.alloc(0);
  let align: ReceiptAlign = 'left';
  let bold = false;
  let size: 1 | 2 = 1;
  let text: number[] = [];
  let qrData: Buffer | null = null;
  let qrModule = 3;
  let lines: PrintedReceiptLine[] = [];
  let incomplete = false;

  const canPrint = () => {
    const condition = options.condition();
    return condition === 'ready' || condition === 'paper-low';
  };

  function emitText(): void {
    if (!canPrint()) incomplete = true;
    else lines.push({ kind: 'text', text: iconv.decode(Buffer.from(text), 'gb18030'), align, bold, size });
    text = [];
  }

  /** Consumes one command at the start of the buffer; returns bytes used, or 0 if more are needed. */
  function command(): number {
    const first = buffer[0]!;
    const need = (count: number) => buffer.length >= count;
    if (first === DLE) {
      if (!need(3)) return 0;
      if (buffer[1] === EOT && buffer[2]! >= 1 && buffer[2]! <= 4) {
        options.reply(Uint8Array.of(encodeStatus(statusFor(options.condition()))[buffer[2]! - 1]!));
      }
      return 3;
    }
    if (first === ESC) {
      if (!need(2)) return 0;
      const code = buffer[1]!;
      if (code === 0x40) {
        align = 'left';
        bold = false;
        size = 1;
        return 2;
      }
      if (!need(3)) return 0;
      if (code === 0x61) align = (['left', 'center', 'right'] as const)[buffer[2]! % 3]!;
      else if (code === 0x45) bold = (buffer[2]! & 1) === 1;
      else if (code === 0x64 && canPrint())
        for (let index = 0; index < buffer[2]!; index++) lines.push({ kind: 'text', text: '', align: 'left', bold: false, size: 1 });
      return 3;
    }
    if (first === FS) {
      if (!need(2)) return 0;
      return 2; // FS & (Chinese mode on), FS . (off): GB18030 is decoded either way
    }
    if (first === GS) {
      if (!need(2)) return 0;
      const code = buffer[1]!;
      if (code === 0x21) {
        if (!need(3)) return 0;
        size = (buffer[2]! & 0x0f) > 0 || (buffer[2]! & 0xf0) > 0 ? 2 : 1;
        return 3;
      }
      if (code === 0x56) {
        if (!need(3)) return 0;
        const withFeed = buffer[2] === 0x41 || buffer[2] === 0x42 || buffer[2] === 65 || buffer[2] === 66;
        if (withFeed && !need(4)) return 0;
        if (text.length > 0) emitText();
        options.onReceipt({ lines, incomplete });
        lines = [];
        incomplete = false;
        return withFeed ? 4 : 3;
      }
      if (code === 0x28) {
        if (!need(5)) return 0;
        const length = buffer[3]! | (buffer[4]! << 8);
        if (!need(5 + length)) return 0;
        const body = buffer.subarray(5, 5 + length);
        if (buffer[2] === 0x6b && body[0] === 0x31) {
          const fn = body[1];
          if (fn === 0x43) qrModule = body[2] ?? qrModule;
          if (fn === 0x50) qrData = Buffer.from(body.subarray(3));
          if (fn === 0x51 && qrData) {
            if (!canPrint()) incomplete = true;
            else lines.push({ kind: 'qr', data: qrData.toString('utf8'), moduleSize: qrModule });
          }
        }
        return 5 + length;
      }
      return need(3) ? 3 : 0;
    }
    return -1;
  }

  return {
    feed(chunk: Uint8Array): void {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length > 0) {
        const first = buffer[0]!;
        if (first === LF) {
          emitText();
          buffer = buffer.subarray(1);
          continue;
        }
        const used = command();
        if (used === 0) return; // wait for the rest of the command
        if (used < 0) {
          text.push(first);
          buffer = buffer.subarray(1);
        } else {
          buffer = buffer.subarray(used);
        }
      }
    },
  };
}

/** Display width in half-width columns: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
      character,
    )
      ? 2
      : 1;
  return width;
}

/** The receipt as monospaced text, 48 columns, as it would read on paper. */
export function receiptText(receipt: PrintedReceipt): string {
  return receipt.lines
    .map((line) => {
      if (line.kind === 'qr') return `[QR ${line.data}]`.padStart(Math.floor((receiptColumns + line.data.length + 5) / 2));
      const width = displayWidth(line.text) * line.size;
      const spare = Math.max(0, receiptColumns - width);
      const pad = line.align === 'center' ? Math.floor(spare / 2) : line.align === 'right' ? spare : 0;
      const shown = line.size === 2 ? [...line.text].join(' ') : line.text;
      return `${' '.repeat(pad)}${shown}`;
    })
    .join('\n');
}
