import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.ts';
import { createSimulatedScanner } from './simulator.ts';

describe('simulated scanner', () => {
  it('delivers a scanned code while connected', async () => {
    const scanner = createSimulatedScanner({ clock: createManualClock() });
    const codes: string[] = [];
    scanner.onScan((data) => codes.push(data));
    await scanner.start();
    scanner.scan('TB-2025-000123');
    expect(codes).toEqual(['TB-2025-000123']);
    expect(scanner.status().state).toBe('ready');
  });

  it('drops codes shown while unplugged or stopped, and does not deliver them later', async () => {
    const scanner = createSimulatedScanner({ clock: createManualClock() });
    const codes: string[] = [];
    scanner.onScan((data) => codes.push(data));
    scanner.scan('before start');
    await scanner.start();
    scanner.disconnect();
    expect(scanner.status().state).toBe('disconnected');
    scanner.scan('while unplugged');
    scanner.connect();
    expect(codes).toEqual([]);
    scanner.scan('after reconnect');
    expect(codes).toEqual(['after reconnect']);
  });

  it('drops codes the real drivers would refuse (control characters)', async () => {
    const scanner = createSimulatedScanner({ clock: createManualClock() });
    const codes: string[] = [];
    scanner.onScan((data) => codes.push(data));
    await scanner.start();
    scanner.scan('bad\u001b[2J');
    scanner.scan('good');
    expect(codes).toEqual(['good']);
  });
});
