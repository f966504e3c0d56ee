/**
 * A byte line to a device: a USB-serial adapter, a pseudo-terminal, or an in-memory pair. Drivers
 * speak to this instead of `serialport` directly, so the same driver code runs on hardware, on a
 * socat pty in integration tests, and against an in-process simulator for `npm start`.
 */
export interface SerialLine {
  /** resolves once the bytes were handed to the OS (drained); rejects when the line is gone */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Every chunk as it arrives; chunk boundaries mean nothing (a frame may span many). A chunk is
   * lent for the duration of the call: lines zero it once the listeners return (it may carry card
   * data), so a listener copies what it keeps.
   */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /**
   * Called once when the line ends: `error` is null after our own close(), otherwise why it was
   * lost (adapter unplugged, pty closed, read error).
   */
  onClose(listener: (error: Error | null) => void): () => void;
  /** closes the line and releases its handle; safe to call twice or after the line was lost */
  close(): Promise<void>;
  readonly isOpen: boolean;
}

/** Opens a fresh line each call (the reconnect loop calls it again after a loss). */
export type SerialLineOpener = () => Promise<SerialLine>;

export interface SerialPortOptions {
  /** e.g. /dev/ttyUSB0, /dev/ttyACM0, or a pty symlink */
  path: string;
  baudRate: number;
}
