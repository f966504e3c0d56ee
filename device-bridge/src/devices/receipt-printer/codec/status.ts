import type { PrinterCondition } from '../../../api/index.ts';

/**
 * The four DLE EOT status bytes (Epson ESC/POS real-time status). Every status byte has bit 1 and
 * bit 4 set and bits 0 and 7 clear; a byte that does not is not a status reply (noise, a printer
 * in another mode) and is refused.
 */
export interface RealtimeStatus {
  /** n=1 bit 3 */
  offline: boolean;
  /** n=2 bit 2 */
  coverOpen: boolean;
  /** n=2 bit 5: printing stopped because the paper ran out */
  paperEndStop: boolean;
  /** n=2 bit 6 */
  errorOccurred: boolean;
  /** n=3 bit 3 */
  cutterError: boolean;
  /** n=3 bit 5 */
  unrecoverableError: boolean;
  /** n=3 bit 6 */
  autoRecoverableError: boolean;
  /** n=4 bits 2–3 */
  paperNearEnd: boolean;
  /** n=4 bits 5–6 */
  paperEnd: boolean;
}

export function isStatusByte(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

export class StatusByteError extends Error {
  constructor(n: number, byte: number) {
    super(`DLE EOT ${n} answered 0x${byte.toString(16).padStart(2, '0')}, which is not a status byte`);
    this.name = 'StatusByteError';
  }
}

/** Decodes the replies to DLE EOT 1, 2, 3, 4 (in that order). */
export function decodeStatus(bytes: readonly [number, number, number, number]): RealtimeStatus {
  bytes.forEach((byte, index) => {
    if (!isStatusByte(byte)) throw new StatusByteError(index + 1, byte);
  });
  const [printer, offlineCause, errorCause, paper] = bytes;
  const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;
  return {
    offline: bit(printer, 3),
    coverOpen: bit(offlineCause, 2),
    paperEndStop: bit(offlineCause, 5),
    errorOccurred: bit(offlineCause, 6),
    cutterError: bit(errorCause, 3),
    unrecoverableError: bit(errorCause, 5),
    autoRecoverableError: bit(errorCause, 6),
    paperNearEnd: bit(paper, 2) || bit(paper, 3),
    paperEnd: bit(paper, 5) || bit(paper, 6),
  };
}

/** The status bytes a printer in this condition sends (the simulator's side, and the tests'). */
export function encodeStatus(status: RealtimeStatus): [number, number, number, number] {
  const base = 0b0001_0010;
  const set = (flag: boolean, n: number) => (flag ? 1 << n : 0);
  return [
    base | set(status.offline, 3),
    base | set(status.coverOpen, 2) | set(status.paperEndStop, 5) | set(status.errorOccurred, 6),
    base | set(status.cutterError, 3) | set(status.unrecoverableError, 5) | set(status.autoRecoverableError, 6),
    base | (status.paperNearEnd ? 0b1100 : 0) | (status.paperEnd ? 0b110_0000 : 0),
  ];
}

/** The kiosk's printer condition, the most urgent first. */
export function conditionOf(status: RealtimeStatus): PrinterCondition {
  if (status.cutterError || status.unrecoverableError || status.autoRecoverableError) return 'jam';
  if (status.coverOpen) return 'cover-open';
  if (status.paperEnd || status.paperEndStop) return 'paper-out';
  if (status.offline) return 'offline';
  if (status.paperNearEnd) return 'paper-low';
  return 'ready';
}

export const readyStatus: RealtimeStatus = {
  offline: false,
  coverOpen: false,
  paperEndStop: false,
  errorOccurred: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
  paperNearEnd: false,
  paperEnd: false,
};

/** What a printer in this condition reports (for the simulator). */
export function statusFor(condition: PrinterCondition): RealtimeStatus {
  switch (condition) {
    case 'ready':
      return readyStatus;
    case 'paper-low':
      return { ...readyStatus, paperNearEnd: true };
    case 'paper-out':
      return { ...readyStatus, offline: true, paperNearEnd: true, paperEnd: true, paperEndStop: true };
    case 'cover-open':
      return { ...readyStatus, offline: true, coverOpen: true };
    case 'jam':
      return { ...readyStatus, offline: true, errorOccurred: true, cutterError: true };
    case 'offline':
      return { ...readyStatus, offline: true };
  }
}
