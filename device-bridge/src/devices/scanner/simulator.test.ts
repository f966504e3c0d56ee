import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../testing/until.ts';
import { createMemoryLogger } from '../../log/logger.ts';
import { systemClock } from '../../time/clock.ts';
import { createSimulatedScanner, type SimulatedScanner } from './simulator.ts';

// The real USB-CDC driver over an in-memory cable, real timers (the cable delivers on a later tick).
let scanner: SimulatedScanner | undefined;
afterEach(async () => {
  await scanner?.stop();
  scanner = undefined;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function created(logger = createMemoryLogger()) {
  scanner = createSimulatedScanner({ clock: systemClock, logger });
  const codes: string[] = [];
  scanner.onScan((data) => codes.push(data));
  return { scanner, codes, logger };
}

describe('simulated scanner (real serial driver over an in-memory cable)', () => {
  it('is ready once started and delivers a scanned code, UTF-8 included', async () => {
    const { scanner, codes } = created();
    await scanner.start();
    expect(scanner.status()).toMatchObject({ state: 'ready', driver: 'simulated' });
    scanner.scan('TB-2025-000123');
    scanner.scan('tongban:appointment:预约-7');
    await until('codes', () => (codes.length === 2 ? true : undefined));
    expect(codes).toEqual(['TB-2025-000123', 'tongban:appointment:预约-7']);
  });

  it('drops codes shown while unplugged or stopped, and does not deliver them later', async () => {
    const { scanner, codes } = created();
    scanner.scan('before start');
    await scanner.start();
    scanner.disconnect();
    expect(scanner.status().state).toBe('disconnected');
    scanner.scan('while unplugged');
    scanner.connect();
    await until('ready again', () => (scanner.status().state === 'ready' ? true : undefined));
    await settle();
    expect(codes).toEqual([]);
    scanner.scan('after reconnect');
    await until('code', () => (codes.length > 0 ? true : undefined));
    await scanner.stop();
    scanner.scan('after stop');
    await settle();
    expect(codes).toEqual(['after reconnect']);
  });

  it('drops codes the real drivers would refuse (control characters), one API call being one code', async () => {
    const { scanner, codes } = created();
    await scanner.start();
    scanner.scan('bad\u001b[2J');
    scanner.scan('half\rcode');
    scanner.scan('good');
    await until('code', () => (codes.length > 0 ? true : undefined));
    await settle();
    expect(codes).toEqual(['good']);
  });
});
