// What the technician screen shows and does with real parts behind it: the kiosk's own CUPS
// (Debian cupsd, private, on loopback) lists its queues for the A4 queue setting and its
// printer-state-reasons are shown word for word; the diagnostic bundle is written onto a mounted
// filesystem when one is at the export folder (here /dev/shm, a real tmpfs mount, stands in for the
// USB stick) and under <data>/exports otherwise.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExportResponse, TechnicianDevicesResponse, TechnicianPortsResponse } from '../../device-bridge/src/api/index.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { startPrivateCups, type PrivateCups } from '../support/cups.ts';
import { rawRequest } from '../support/http.ts';
import { setTechnicianPin, technicianPin } from '../support/technician-pin.ts';
import { waitFor } from '../support/wait.ts';

describe('technician screen with a real CUPS and a mounted export folder', () => {
  let dataDir: string;
  let cups: PrivateCups;
  let bridge: RunningBridge;
  let headers: Record<string, string>;
  const written: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-technician-hw-'));
    expect(await setTechnicianPin(dataDir)).toBe(0);
    cups = await startPrivateCups();
    await cups.tool('lpadmin', ['-h', cups.hostPort, '-p', 'Spare_A4', '-v', 'file:///dev/null', '-E']);
    bridge = await startBridge({
      dataDir,
      config: {
        devices: { 'a4-printer': { driver: 'cups', server: cups.server, queue: cups.queue, pollMs: 100 } },
        technician: { usbExportDir: '/dev/shm' },
      },
    });
    const login = await rawRequest(`${bridge.url}/api/technician/login`, { method: 'POST', body: { pin: technicianPin } });
    headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
  }, 60_000);
  afterAll(async () => {
    await bridge?.stop();
    await cups?.stop();
    for (const file of written) await rm(file, { force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the queues CUPS has, to pick the A4 queue from', async () => {
    const ports = (await rawRequest(`${bridge.url}/api/technician/ports`, { headers })).json() as TechnicianPortsResponse;
    expect(ports.cupsQueues).toEqual([cups.queue, 'Spare_A4'].sort());
  });

  it('shows CUPS’s printer-state-reasons as CUPS says them, and the paper level', async () => {
    const a4 = async () =>
      ((await rawRequest(`${bridge.url}/api/technician/devices`, { headers })).json() as TechnicianDevicesResponse).devices.find(
        (device) => device.status.id === 'a4-printer',
      )!;
    const ready = await waitFor('the A4 printer polled', async () => {
      const device = await a4();
      return device.status.detail ? { value: device } : {};
    });
    expect(ready.status).toMatchObject({ driver: 'cups', detail: 'printer-state-reasons: none' });
    expect(ready.paper).toBe('ok');
    // the queue stopped with a reason, as cupsdisable does it: the raw keyword shows beside the kiosk's state
    await cups.disable('paused by technician');
    const stopped = await waitFor('the stopped queue', async () => {
      const device = await a4();
      return device.status.state === 'disconnected' ? { value: device } : {};
    });
    expect(stopped.status.detail).toMatch(/^printer-state-reasons: .*paused/);
    await cups.enable();
  });

  it('writes the diagnostic bundle onto the mounted folder and says so; no stick → the kiosk’s exports', async () => {
    const exported = await rawRequest(`${bridge.url}/api/technician/diagnostic-bundle/export`, { method: 'POST', headers });
    expect(exported.status).toBe(201);
    const body = exported.json() as BundleExportResponse;
    written.push(body.file);
    expect(body).toMatchObject({ where: 'usb', file: expect.stringMatching(/^\/dev\/shm\/tongban-diagnostics-TB-DEV-0001-.*\.json$/) });
    const bundle = JSON.parse(await readFile(body.file, 'utf8')) as { kind: string; health: { devices: unknown[] } };
    expect(bundle.kind).toBe('tongban-diagnostic-bundle');
    expect(bundle.health.devices).toHaveLength(6);
    expect(existsSync(path.join(dataDir, 'exports'))).toBe(false);
    const audit = (await rawRequest(`${bridge.url}/api/technician/audit`, { headers })).json() as {
      entries: Array<{ action: string; detail: string | null }>;
    };
    expect(audit.entries.find((entry) => entry.action === 'diagnostic-bundle-export')?.detail).toBe(`usb: ${body.file}`);
  });
});
