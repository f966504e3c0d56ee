import type { SerialLine } from '../serial/serial-line.ts';
import { suffixBytes, type ScannerSuffix } from './line-codec.ts';

/**
 * A USB-CDC scanner on the far end of a serial line: showing it a code writes the code's UTF-8
 * bytes and the suffix, as the imager does. `sendRaw` writes anything (for bad-input tests).
 */
export interface SerialScannerSimulator {
  attach(line: SerialLine): void;
  scan(text: string): Promise<void>;
  sendRaw(bytes: Uint8Array): Promise<void>;
}

export function createSerialScannerSimulator(options: { suffix: ScannerSuffix }): SerialScannerSimulator {
  let line: SerialLine | null = null;
  const write = async (bytes: Uint8Array) => {
    if (line?.isOpen) await line.write(bytes);
  };
  return {
    attach(next) {
      line = next;
    },
    scan: (text) => write(Uint8Array.from([...Buffer.from(text, 'utf8'), ...suffixBytes[options.suffix]])),
    sendRaw: write,
  };
}
