import { afterEach, describe, expect, it } from 'vitest';
import { PrintFailedError } from '../../device-bridge/src/devices/device.ts';
import { receiptText } from '../../device-bridge/src/devices/receipt-printer/codec/interpreter.ts';
import { createEscPosReceiptPrinter } from '../../device-bridge/src/devices/receipt-printer/escpos-printer.ts';
import { attachEscPosSimulator, type EscPosSimulator } from '../../device-bridge/src/devices/receipt-printer/escpos-simulator.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import type { SerialLine } from '../../device-bridge/src/devices/serial/serial-line.ts';
import { applicationReceiptDocument, queueTicketDocument } from '../../device-bridge/src/documents/receipts/receipts.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { createPtyPair, type PtyPair } from '../support/pty.ts';
import { waitFor } from '../support/wait.ts';

describe('receipt printer: the real ESC/POS driver over a pty to the byte-level simulator', () => {
  let pair: PtyPair | null = null;
  let deviceLine: SerialLine | null = null;
  let printer: ReturnType<typeof createEscPosReceiptPrinter> | null = null;

  afterEach(async () => {
    await printer?.stop();
    await deviceLine?.close();
    await pair?.close();
  });

  async function setup(): Promise<{ simulator: EscPosSimulator; printer: ReturnType<typeof createEscPosReceiptPrinter> }> {
    pair = await createPtyPair();
    deviceLine = await serialPortOpener({ path: pair.devicePath, baudRate: 9600 })();
    const simulator = attachEscPosSimulator(deviceLine);
    printer = createEscPosReceiptPrinter({
      open: serialPortOpener({ path: pair.hostPath, baudRate: 9600 }),
      clock: systemClock,
      driver: 'escpos-serial',
      pollMs: 100,
      replyTimeoutMs: 500,
    });
    await printer.start();
    const current = printer;
    await waitFor('printer ready', async () =>
      current.status().state === 'ready' ? { value: true } : { note: JSON.stringify(current.status()) },
    );
    return { simulator, printer: current };
  }

  it('prints a queue ticket: number, category, hall and waiting count come out of the printer as text', async () => {
    const { simulator, printer } = await setup();
    await printer.print(
      queueTicketDocument({
        number: 'A023',
        category: 'social-insurance',
        ahead: 7,
        hallName: '通办示例政务服务中心',
        windows: ['B12', 'B13'],
        issuedAt: '2026-11-22T02:15:00.000Z',
      }),
    );
    await waitFor('ticket printed', async () => (simulator.receipts().length === 1 ? { value: true } : {}));
    const text = receiptText(simulator.receipts()[0]!);
    expect(text).toContain('A 0 2 3'); // double size
    expect(text).toContain('社会保障');
    expect(text).toContain('通办示例政务服务中心');
    expect(text).toContain('7 人');
    expect(text).toContain('2026-11-22 10:15');
  });

  it('prints an application receipt with 办件编号 and the QR code to look its progress up', async () => {
    const { simulator, printer } = await setup();
    await printer.print(
      applicationReceiptDocument(
        {
          kind: 'application',
          caseNumber: '330100-2026-000123',
          caseNumberKind: 'platform',
          localNumber: 'TB-DEV-0001-20261122-0001',
          itemName: '城乡居民基本养老保险参保登记',
          office: '杭州市人力资源和社会保障局',
          submittedAt: '2026-11-22T02:15:00.000Z',
          queuedOffline: false,
        },
        '通办示例政务服务中心',
      ),
    );
    await waitFor('receipt printed', async () => (simulator.receipts().length === 1 ? { value: true } : {}));
    const receipt = simulator.receipts()[0]!;
    expect(receiptText(receipt)).toContain('330100-2026-000123');
    expect(receiptText(receipt)).toContain('办件编号');
    expect(receipt.lines.find((line) => line.kind === 'qr')).toMatchObject({ data: '330100-2026-000123' });
  });

  it('reads paper-out from the DLE EOT reply: the device goes to fault and a print is refused, not lost silently', async () => {
    const { simulator, printer } = await setup();
    simulator.setCondition('paper-out');
    await waitFor('paper-out status', async () =>
      printer.status().reason === 'paper-out' ? { value: true } : { note: JSON.stringify(printer.status()) },
    );
    expect(printer.status().state).toBe('fault');
    const failure = await printer.print({ lines: [{ kind: 'text', text: 'x' }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrintFailedError);
    expect((failure as PrintFailedError).reason).toBe('paper-out');
    simulator.setCondition('ready');
    await waitFor('ready again', async () => (printer.status().state === 'ready' ? { value: true } : {}));
  });
});
