import type { SerialLine, SerialLineOpener, SerialPortOptions } from './serial-line.ts';
import { createListeners } from '../listeners.ts';

/**
 * Opens a real serial port through the `serialport` package (8-N-1, no flow control, as every SAM
 * module, ESC/POS printer and CDC scanner here expects). The native module is imported only when
 * a line is opened, so a bridge with all devices simulated never loads it (architecture rule 1).
 */
export function serialPortOpener(options: SerialPortOptions): SerialLineOpener {
  return async () => {
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({
      path: options.path,
      baudRate: options.baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      rtscts: false,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));

    const dataListeners = createListeners<Uint8Array>();
    const closeListeners = createListeners<Error | null>();
    let open = true;
    let closingOurselves = false;
    const finish = (error: Error | null) => {
      if (!open) return;
      open = false;
      port.removeAllListeners('data');
      closeListeners.emit(error);
    };
    port.on('data', (chunk: Buffer) => {
      const lent = new Uint8Array(chunk);
      // serialport's read buffer is ours alone once it gave it here: wipe it now
      chunk.fill(0);
      dataListeners.emit(lent);
      lent.fill(0);
    });
    port.on('close', (error: Error | null | undefined) => finish(closingOurselves ? null : (error ?? new Error(`${options.path} closed`))));
    // An 'error' without 'close' (e.g. a failed write) leaves the port unusable: treat it as lost.
    port.on('error', (error: Error) => {
      finish(error);
      if (port.isOpen) port.close(() => undefined);
    });

    const line: SerialLine = {
      get isOpen() {
        return open;
      },
      write(bytes) {
        if (!open) return Promise.reject(new Error(`${options.path} is not open`));
        return new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(bytes), (error) => {
            if (error) return reject(error);
            port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
          });
        });
      },
      onData: (listener) => dataListeners.add(listener),
      onClose: (listener) => closeListeners.add(listener),
      close() {
        closingOurselves = true;
        if (!port.isOpen) {
          finish(null);
          return Promise.resolve();
        }
        return new Promise<void>((resolve) =>
          port.close(() => {
            finish(null);
            resolve();
          }),
        );
      },
    };
    return line;
  };
}
