import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.ts';
import { createHidPosScanner } from './hid-pos-scanner.ts';
import { createMemoryHidScanner } from './memory-hid.ts';
import type { CodeScanner } from '../device.ts';

const flush = () => new Promise((resolve) => setImmediate(resolve));
let scanner: CodeScanner | undefined;
afterEach(async () => {
  await scanner?.stop();
});

describe('HID POS scanner driver (in-memory HID device)', () => {
  it('finds the scanner by vendor/product id, delivers codes, and comes back after an unplug', async () => {
    const clock = createManualClock();
    const device = createMemoryHidScanner({ vendorId: 0x0c2e, productId: 0x0d10 });
    scanner = createHidPosScanner({ vendorId: 0x0c2e, productId: 0x0d10, rescanMs: 1_000, clock, backend: async () => device.backend });
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));

    await scanner.start();
    expect(scanner.status()).toMatchObject({ state: 'disconnected', reason: 'port-unavailable', driver: 'hid-pos' });
    device.plug();
    clock.advance(1_000);
    await flush();
    expect(scanner.status().state).toBe('ready');

    device.scan('tongban:appointment:A-7');
    expect(codes).toEqual(['tongban:appointment:A-7']);

    device.unplug();
    expect(scanner.status().state).toBe('disconnected');
    device.scan('lost while unplugged');
    device.plug();
    clock.advance(1_000);
    await flush();
    expect(scanner.status().state).toBe('ready');
    device.scan('again');
    expect(codes).toEqual(['tongban:appointment:A-7', 'again']);
  });

  it('ignores a device with other ids', async () => {
    const clock = createManualClock();
    const device = createMemoryHidScanner({ vendorId: 0x1eab, productId: 0x0001 });
    device.plug();
    scanner = createHidPosScanner({ vendorId: 0x0c2e, productId: 0x0d10, rescanMs: 1_000, clock, backend: async () => device.backend });
    await scanner.start();
    expect(scanner.status().state).toBe('disconnected');
  });
});
