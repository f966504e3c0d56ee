import type { PrinterCondition } from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import { PrintFailedError, type ReceiptPrinter } from '../device.ts';
import { printerStatus } from '../printer-status.ts';
import type { SerialLine, SerialLineOpener } from '../serial/serial-line.ts';
import { createReconnectingLine } from '../serial/reconnecting-line.ts';
import { createStatusTracker } from '../status-tracker.ts';
import type { ReceiptDocument } from './codec/document.ts';
import { encodeReceipt, statusRequest } from './codec/encoder.ts';
import { conditionOf, decodeStatus, isStatusByte } from './codec/status.ts';

export interface EscPosPrinterOptions {
  open: SerialLineOpener;
  clock: Clock;
  /** 'escpos-serial' on hardware; 'simulated' when the line leads to the in-process simulator */
  driver: string;
  /** status poll interval while idle */
  pollMs: number;
  /** how long a DLE EOT reply may take before the printer counts as not answering */
  replyTimeoutMs: number;
}

/**
 * The 80 mm thermal printer over a serial line, speaking ESC/POS. While idle it polls the four
 * DLE EOT real-time statuses (offline, cover open, paper near end / end, cutter and other errors);
 * it checks them again right before and after each slip, so a slip printed into an empty roll is
 * reported, not assumed. One conversation at a time on the line: polls wait for a print and back.
 */
export function createEscPosReceiptPrinter(
  options: EscPosPrinterOptions,
): ReceiptPrinter & { condition(): PrinterCondition | null; refresh(): Promise<void> } {
  const { clock } = options;
  const tracker = createStatusTracker({ id: 'receipt-printer', driver: options.driver, clock, state: 'disconnected', reason: 'stopped' });
  const link = createReconnectingLine({ open: options.open, clock });
  let running = false;
  let condition: PrinterCondition | null = null;
  let pollTimer: ReturnType<Clock['setTimeout']> | null = null;
  let exclusive: Promise<unknown> = Promise.resolve();
  const received: number[] = [];
  let waiter: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;

  function updateStatus(): void {
    if (!running) return tracker.set('disconnected', 'stopped');
    if (link.state().kind !== 'open') return tracker.set('disconnected');
    if (condition === null) return tracker.set('disconnected', 'not-answering');
    const status = printerStatus(condition, true);
    tracker.set(status.state, status.reason);
  }

  link.onState((state) => {
    unsubscribe?.();
    unsubscribe = null;
    received.length = 0;
    if (state.kind === 'open') {
      unsubscribe = state.line.onData((chunk) => {
        received.push(...chunk);
        waiter?.();
      });
      void pollNow();
    } else {
      condition = null;
    }
    updateStatus();
  });

  function lineOrFail(): SerialLine {
    const state = link.state();
    if (state.kind !== 'open') throw new PrintFailedError('disconnected', 'the receipt printer is not connected');
    return state.line;
  }

  /** Next reply byte, or null after the timeout. */
  async function readByte(): Promise<number | null> {
    const deadline = clock.now().getTime() + options.replyTimeoutMs;
    while (received.length === 0) {
      const left = deadline - clock.now().getTime();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = clock.setTimeout(() => resolve(), left);
        waiter = () => {
          clock.clearTimeout(timer);
          resolve();
        };
      });
      waiter = null;
    }
    return received.shift()!;
  }

  async function queryStatus(): Promise<PrinterCondition | null> {
    const line = lineOrFail();
    received.length = 0;
    const bytes: number[] = [];
    for (const n of [1, 2, 3, 4] as const) {
      await line.write(statusRequest(n));
      const byte = await readByte();
      // no answer, or noise instead of a status byte: the printer is not talking ESC/POS to us
      if (byte === null || !isStatusByte(byte)) return null;
      bytes.push(byte);
    }
    return conditionOf(decodeStatus(bytes as [number, number, number, number]));
  }

  function withLine<T>(work: () => Promise<T>): Promise<T> {
    const run = exclusive.then(work, work);
    exclusive = run.catch(() => undefined);
    return run;
  }

  async function pollNow(): Promise<void> {
    await withLine(async () => {
      if (link.state().kind !== 'open') return;
      try {
        condition = await queryStatus();
      } catch {
        condition = null;
      }
      updateStatus();
    });
  }

  function schedulePoll(): void {
    if (!running) return;
    pollTimer = clock.setTimeout(() => {
      pollTimer = null;
      void pollNow().finally(schedulePoll);
    }, options.pollMs);
  }

  return {
    id: 'receipt-printer',
    driver: options.driver,
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    condition: () => condition,
    /** asks the printer now instead of at the next poll */
    refresh: () => pollNow(),
    async start() {
      running = true;
      link.start();
      updateStatus();
      schedulePoll();
    },
    async stop() {
      running = false;
      if (pollTimer !== null) clock.clearTimeout(pollTimer);
      pollTimer = null;
      await link.stop();
      updateStatus();
    },
    print(document: ReceiptDocument) {
      const bytes = encodeReceipt(document);
      return withLine(async () => {
        const before = await queryStatus();
        condition = before;
        updateStatus();
        if (before === null) throw new PrintFailedError('offline', 'the receipt printer does not answer its status query');
        if (before !== 'ready' && before !== 'paper-low') throw new PrintFailedError(before, `the receipt printer reports ${before}`);
        await lineOrFail().write(bytes);
        const after = await queryStatus();
        condition = after;
        updateStatus();
        if (after !== 'ready' && after !== 'paper-low') {
          throw new PrintFailedError(
            after ?? 'offline',
            `the receipt printer reports ${after ?? 'no answer'} after printing: the slip may be incomplete`,
          );
        }
      });
    },
  };
}
