import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevicesConfig } from '../config/schema.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { capabilitiesOf, overallStatus } from './capabilities.ts';
import { createDevices, listDevices, startAll, stopAll } from './create-devices.ts';
import type { CardReadEvent } from './device.ts';
import { createMemoryDevices } from './memory-devices.ts';
import { createSimulationControls } from './simulation-controls.ts';
import { createManualClock } from './testing/manual-clock.ts';
import { testIdentity } from './testing/test-identity.ts';

const config: DevicesConfig = {
  'id-reader': { driver: 'simulated', readMs: 700 },
  scanner: { driver: 'simulated' },
  'a4-printer': { driver: 'simulated', pageMs: 1_000 },
  'receipt-printer': { driver: 'simulated' },
  camera: { driver: 'simulated' },
  'document-camera': { driver: 'simulated' },
};

let printOutDir: string;
beforeEach(async () => {
  printOutDir = await mkdtemp(join(tmpdir(), 'tongban-devices-'));
});
afterEach(async () => {
  await rm(printOutDir, { recursive: true, force: true });
});

/**
 * The simulated ID reader is the real SAM driver talking to the SAM simulator over an in-memory
 * cable: bytes move on setImmediate, module time on the manual clock. This moves both along in
 * small steps until `done` holds.
 */
async function runUntil(clock: ReturnType<typeof createManualClock>, done: () => boolean, limitMs = 5_000): Promise<void> {
  for (let elapsed = 0; !done(); elapsed += 5) {
    if (elapsed > limitMs) throw new Error('simulated devices did not get there in time');
    clock.advance(5);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function compose() {
  const clock = createManualClock();
  const logger = createMemoryLogger();
  const { devices, simulation } = createDevices(config, { clock, logger, printOutDir });
  const statusLines = () =>
    logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === 'device-status-changed');
  return { clock, logger, devices, simulation: simulation!, statusLines };
}

describe('createDevices', () => {
  it('builds all six simulated devices, stopped until startAll, all ready after', async () => {
    const { clock, devices, simulation } = compose();
    expect(simulation).not.toBeNull();
    const statuses = () => listDevices(devices).map((device) => device.status());
    expect(statuses().map((status) => status.id)).toEqual([
      'id-reader',
      'scanner',
      'a4-printer',
      'receipt-printer',
      'camera',
      'document-camera',
    ]);
    expect(overallStatus(statuses())).toBe('out-of-service');

    await startAll(devices);
    await runUntil(clock, () => devices['id-reader'].status().state === 'ready');
    expect(statuses().every((status) => status.state === 'ready' && status.driver === 'simulated')).toBe(true);
    expect(overallStatus(statuses())).toBe('ok');

    await stopAll(devices);
    expect(statuses().every((status) => status.state === 'disconnected')).toBe(true);
  });

  it('logs each status change with device, state and reason only, never card data', async () => {
    const { clock, devices, simulation, statusLines, logger } = compose();
    await startAll(devices);
    await runUntil(clock, () => devices['id-reader'].status().state === 'ready');
    const identity = testIdentity({ name: '欧阳娜娜' });
    let read = false;
    devices['id-reader'].onCard((event) => (read ||= event.kind === 'read'));
    simulation.placeCard(identity);
    await runUntil(clock, () => read && devices['id-reader'].status().state === 'ready');
    simulation.setPrinterCondition('a4-printer', 'paper-out');
    simulation.setPrinterCondition('a4-printer', 'paper-out');

    const lines = statusLines();
    expect(lines.filter((line) => line.device === 'id-reader').map((line) => line.state)).toEqual(['ready', 'busy', 'ready']);
    expect(lines.filter((line) => line.device === 'a4-printer').map((line) => [line.state, line.reason])).toEqual([
      ['ready', undefined],
      ['fault', 'paper-out'],
    ]);
    const everything = logger.lines.join('\n');
    expect(everything).not.toContain(identity.idNumber);
    expect(everything).not.toContain(identity.name);
    expect(everything).not.toContain(identity.address);
  });

  it('simulation controls drive the devices the way the dev panel and tests expect', async () => {
    const { clock, devices, simulation } = compose();
    await startAll(devices);
    await runUntil(clock, () => devices['id-reader'].status().state === 'ready');
    const cards: CardReadEvent['kind'][] = [];
    devices['id-reader'].onCard((event) => cards.push(event.kind));
    const codes: string[] = [];
    devices.scanner.onScan((data) => codes.push(data));

    simulation.placeCard(testIdentity());
    await runUntil(clock, () => cards.includes('read'));
    simulation.removeCard();
    // the simulated scanner is the real serial driver over an in-memory cable: the code arrives a tick later
    simulation.scan('https://verify.example/abc');
    await runUntil(clock, () => codes.length > 0);
    simulation.setPrinterCondition('receipt-printer', 'paper-out');
    simulation.disconnect('document-camera');
    simulation.disconnect('scanner');
    // the receipt printer's condition arrives as its DLE EOT status reply, a moment later
    for (let tick = 0; tick < 100 && devices['receipt-printer'].status().reason !== 'paper-out'; tick++) {
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect(cards).toEqual(['reading', 'read']);
    expect(codes).toEqual(['https://verify.example/abc']);
    const statuses = listDevices(devices).map((device) => device.status());
    expect(capabilitiesOf(statuses)).toEqual({ identify: true, eIdLogin: false, printCertificate: true, printReceipt: false, scan: false });
    expect(overallStatus(statuses)).toBe('degraded');

    simulation.connect('scanner');
    await runUntil(clock, () => devices.scanner.status().state === 'ready');
  });

  it('the simulated A4 printer writes its paper into printOutDir', async () => {
    const { clock, devices } = compose();
    await startAll(devices);
    const done = devices['a4-printer'].print({ jobId: 'j1', pages: 1, pdf: Buffer.from('%PDF-1.7\n') }, () => {});
    clock.advance(1_000);
    await done;
    expect(await readdir(printOutDir)).toEqual(['j1.pdf']);
  });
});

describe('simulation controls', () => {
  it('refuse with a message naming the device when that device is not simulated', () => {
    const devices = createMemoryDevices();
    const controls = createSimulationControls(devices, {});
    expect(() => controls.placeCard(testIdentity())).toThrow('id-reader is not simulated (driver "memory")');
    expect(() => controls.setPrinterCondition('a4-printer', 'jam')).toThrow(/a4-printer is not simulated/);
    expect(() => controls.disconnect('camera')).toThrow(/camera is not simulated/);
  });
});

describe('startAll / stopAll', () => {
  it('start every device even when one fails, then report which one', async () => {
    const devices = createMemoryDevices();
    devices.scanner.start = () => Promise.reject(new Error('port busy'));
    await expect(startAll(devices)).rejects.toThrow('could not start scanner');
    expect(devices['id-reader'].started).toBe(true);
    expect(devices['document-camera'].started).toBe(true);
  });
});
