import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.ts';
import { createSimulatedReceiptPrinter } from './simulator.ts';

describe('simulated receipt printer', () => {
  it('reports paper, cover and connection like the A4 printer', async () => {
    const clock = createManualClock();
    const printer = createSimulatedReceiptPrinter({ clock });
    const seen: string[] = [];
    printer.onStatus((status) => seen.push(status.reason ? `${status.state}/${status.reason}` : status.state));
    await printer.start();
    printer.setCondition('paper-low');
    printer.setCondition('paper-out');
    printer.setCondition('cover-open');
    printer.setCondition('ready');
    printer.disconnect();
    printer.connect();
    printer.setCondition('offline');
    await printer.stop();
    expect(seen).toEqual([
      'ready',
      'degraded/paper-low',
      'fault/paper-out',
      'fault/cover-open',
      'ready',
      'disconnected',
      'ready',
      'disconnected/offline',
      'disconnected/stopped',
    ]);
  });
});
