import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../log/logger.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { createHidPosScanner, hidPosInterface } from './hid-pos-scanner.ts';
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

describe('HID POS: enabling Honeywell / Youjie scanners (feature report 0xFE = [0x01])', () => {
  async function startWith(
    device: ReturnType<typeof createMemoryHidScanner>,
    options: { vendorId: number; productId: number; enableFeatureReport?: boolean },
  ) {
    const clock = createManualClock();
    device.plug();
    scanner = createHidPosScanner({ ...options, rescanMs: 1_000, clock, backend: async () => device.backend });
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));
    await scanner.start();
    return { clock, codes };
  }

  it.each([
    ['Honeywell', 0x0c2e],
    ['Youjie', 0x23d0],
  ])('%s: sent by default on open, so a scanner that waits for it delivers codes', async (_vendor, vendorId) => {
    const device = createMemoryHidScanner({ vendorId, productId: 0x0d10, needsEnable: true });
    const { codes } = await startWith(device, { vendorId, productId: 0x0d10 });
    expect(device.featureReports()).toEqual([[0xfe, 0x01]]);
    device.scan('tongban:appointment:A-1');
    expect(codes).toEqual(['tongban:appointment:A-1']);
  });

  it('sent again after a replug (the scanner forgot it when it lost power)', async () => {
    const device = createMemoryHidScanner({ vendorId: 0x0c2e, productId: 0x0d10, needsEnable: true });
    const { clock, codes } = await startWith(device, { vendorId: 0x0c2e, productId: 0x0d10 });
    device.unplug();
    device.plug();
    clock.advance(1_000);
    await flush();
    expect(device.featureReports()).toEqual([
      [0xfe, 0x01],
      [0xfe, 0x01],
    ]);
    device.scan('after replug');
    expect(codes).toEqual(['after replug']);
  });

  it('not sent to other vendors (Newland 0x1EAB) unless configured; configured off, a Honeywell stays silent', async () => {
    const newland = createMemoryHidScanner({ vendorId: 0x1eab, productId: 0x0d10 });
    await startWith(newland, { vendorId: 0x1eab, productId: 0x0d10 });
    expect(newland.featureReports()).toEqual([]);
    await scanner!.stop();

    const forced = createMemoryHidScanner({ vendorId: 0x1eab, productId: 0x0d10 });
    await startWith(forced, { vendorId: 0x1eab, productId: 0x0d10, enableFeatureReport: true });
    expect(forced.featureReports()).toEqual([[0xfe, 0x01]]);
    await scanner!.stop();

    const honeywell = createMemoryHidScanner({ vendorId: 0x0c2e, productId: 0x0d10, needsEnable: true });
    const { codes } = await startWith(honeywell, { vendorId: 0x0c2e, productId: 0x0d10, enableFeatureReport: false });
    expect(honeywell.featureReports()).toEqual([]);
    honeywell.scan('never seen');
    expect(codes).toEqual([]);
  });

  it('a scanner that refuses the enable report is not reported ready, and is tried again', async () => {
    const device = createMemoryHidScanner({ vendorId: 0x0c2e, productId: 0x0d10, rejectFeatureReports: true });
    const logger = createMemoryLogger();
    const clock = createManualClock();
    device.plug();
    scanner = createHidPosScanner({
      vendorId: 0x0c2e,
      productId: 0x0d10,
      rescanMs: 1_000,
      clock,
      backend: async () => device.backend,
      logger,
    });
    await scanner.start();
    expect(scanner.status()).toMatchObject({ state: 'disconnected', reason: 'port-unavailable' });
    expect(device.openPath()).toBeNull();
    expect(logger.lines.some((line) => line.includes('enable-report-failed'))).toBe(true);
  });
});

describe('HID POS: only the usage page 0x8C interface is opened', () => {
  const keyboard = { path: '/dev/hidraw-keyboard', usagePage: 0x01 };
  const pos = { path: '/dev/hidraw-pos', usagePage: 0x8c };

  it('a scanner that also offers a keyboard interface: the HID POS one is opened, wherever it is listed', async () => {
    const clock = createManualClock();
    const device = createMemoryHidScanner({ vendorId: 0x1eab, productId: 0x0d10, interfaces: [keyboard, pos] });
    device.plug();
    scanner = createHidPosScanner({ vendorId: 0x1eab, productId: 0x0d10, rescanMs: 1_000, clock, backend: async () => device.backend });
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));
    await scanner.start();
    expect(device.openPath()).toBe('/dev/hidraw-pos');
    device.scan('ok');
    expect(codes).toEqual(['ok']);
  });

  it.each([
    ['only a keyboard interface (scanner left in keyboard mode)', [keyboard]],
    ['two interfaces the backend cannot tell apart', [{ path: '/dev/hidraw-a' }, { path: '/dev/hidraw-b' }]],
  ])('%s: nothing is opened', async (_case, interfaces) => {
    const clock = createManualClock();
    const device = createMemoryHidScanner({ vendorId: 0x1eab, productId: 0x0d10, interfaces });
    device.plug();
    scanner = createHidPosScanner({ vendorId: 0x1eab, productId: 0x0d10, rescanMs: 1_000, clock, backend: async () => device.backend });
    await scanner.start();
    expect(scanner.status().state).toBe('disconnected');
    expect(device.openPath()).toBeNull();
  });

  it('a single interface whose usage page the backend does not report is taken', () => {
    expect(hidPosInterface([{ vendorId: 1, productId: 2, path: '/dev/x' }])).toEqual({ vendorId: 1, productId: 2, path: '/dev/x' });
    expect(hidPosInterface([])).toEqual({ problem: 'not-found' });
  });
});
