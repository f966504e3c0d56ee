import { describe, expect, it } from 'vitest';
import { systemClock } from '../../time/clock.ts';
import { PrintFailedError } from '../device.ts';
import { receiptText } from './codec/interpreter.ts';
import { createSimulatedReceiptPrinter } from './simulator.ts';

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('simulated receipt printer (real ESC/POS driver ⇄ byte-level simulator)', () => {
  it('reports paper, cover and connection from DLE EOT replies', async () => {
    const printer = createSimulatedReceiptPrinter({ clock: systemClock, pollMs: 50 });
    await printer.start();
    const seen = () => (printer.status().reason ? `${printer.status().state}/${printer.status().reason}` : printer.status().state);
    await until(() => seen() === 'ready');
    for (const [condition, expected] of [
      ['paper-low', 'degraded/paper-low'],
      ['paper-out', 'fault/paper-out'],
      ['cover-open', 'fault/cover-open'],
      ['jam', 'fault/jam'],
      ['offline', 'disconnected/offline'],
      ['ready', 'ready'],
    ] as const) {
      printer.setCondition(condition);
      await until(() => seen() === expected);
    }
    printer.disconnect();
    await until(() => printer.status().state === 'disconnected');
    printer.connect();
    await until(() => seen() === 'ready');
    await printer.stop();
    expect(seen()).toBe('disconnected/stopped');
  });

  it('prints a slip the simulator reads back, and refuses to print into an empty roll', async () => {
    const printer = createSimulatedReceiptPrinter({ clock: systemClock, pollMs: 50 });
    await printer.start();
    await until(() => printer.status().state === 'ready');
    await printer.print({
      lines: [
        { kind: 'text', text: '办件编号 330100-2026-000123', align: 'center' },
        { kind: 'qr', data: 'https://t.example/1' },
      ],
    });
    expect(receiptText(printer.receipts()[0]!)).toContain('办件编号 330100-2026-000123');
    printer.setCondition('paper-out');
    const failure = await printer.print({ lines: [{ kind: 'text', text: 'x' }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrintFailedError);
    expect((failure as PrintFailedError).reason).toBe('paper-out');
    expect(printer.receipts()).toHaveLength(1);
    await printer.stop();
  });
});
