import { join } from 'node:path';
import { deviceIds, type DeviceId, type SelfTestResult, type TechnicianDevicesResponse } from '../api/index.ts';
import type { KioskConfig } from '../config/schema.ts';
import { createDevices, startAll, stopAll } from '../devices/create-devices.ts';
import type { DeviceSet } from '../devices/device.ts';
import { createEventLogger } from '../log/logger.ts';
import { runSelfTest, selfTestKinds } from '../technician/self-test.ts';
import { systemClock } from '../time/clock.ts';
import { randomUUID } from 'node:crypto';
import type { BridgeLink } from './bridge-link.ts';
import { apiPaths } from '../api/routes.ts';

/** Card and scan tests wait for a person at the kiosk: only with --with-card / --with-scan. */
export interface TestDevicesOptions {
  withCard: boolean;
  withScan: boolean;
  waitSeconds: number;
}

export interface DeviceReport {
  device: DeviceId;
  ok: boolean;
  line: string;
}

const usable = (state: string) => state === 'ready' || state === 'busy' || state === 'degraded';

function interactiveSkipped(device: DeviceId, options: TestDevicesOptions): boolean {
  return (device === 'id-reader' && !options.withCard) || (device === 'scanner' && !options.withScan);
}

function reportOf(device: DeviceId, result: SelfTestResult): DeviceReport {
  return { device, ok: result.ok, line: `${result.ok ? 'OK  ' : 'FAIL'} ${device.padEnd(16)} ${result.kind.padEnd(13)} ${result.detail}` };
}

function statusOnly(device: DeviceId, state: string, reason: string | undefined, flag: string): DeviceReport {
  const ok = usable(state);
  return {
    device,
    ok,
    line: `${ok ? 'OK  ' : 'FAIL'} ${device.padEnd(16)} ${'status-only'.padEnd(13)} ${state}${reason ? ` (${reason})` : ''}; ${flag} to test it with a person at the kiosk`,
  };
}

const flagFor = (device: DeviceId) => (device === 'id-reader' ? '--with-card' : '--with-scan');

/** Self-tests through the running bridge (it owns the ports); the bridge audits them as actor "doctor". */
export async function testThroughBridge(
  link: BridgeLink,
  options: TestDevicesOptions,
  say: (line: string) => void,
): Promise<DeviceReport[]> {
  const listed = (await (await link.get(apiPaths.technicianDevices)).json()) as TechnicianDevicesResponse;
  const reports: DeviceReport[] = [];
  for (const { status } of listed.devices) {
    if (interactiveSkipped(status.id, options)) {
      reports.push(statusOnly(status.id, status.state, status.reason, flagFor(status.id)));
    } else {
      if (selfTestKinds[status.id] === 'wait-for-card') say(`place an ID card on the reader (${options.waitSeconds} s)…`);
      if (selfTestKinds[status.id] === 'wait-for-scan') say(`scan any code (${options.waitSeconds} s)…`);
      const answer = await link.post(apiPaths.technicianSelfTest(status.id), 40_000);
      reports.push(reportOf(status.id, (await answer.json()) as SelfTestResult));
    }
    say(reports.at(-1)!.line);
  }
  return reports;
}

/** No bridge running: start the configured devices here, run the same self-tests, stop them. */
export async function testLocally(
  config: KioskConfig,
  dataDir: string,
  options: TestDevicesOptions,
  say: (line: string) => void,
): Promise<DeviceReport[]> {
  const logger = createEventLogger({ level: 'error' });
  const { devices } = createDevices(config.devices, { clock: systemClock, logger, printOutDir: join(dataDir, 'print-out') });
  const reports: DeviceReport[] = [];
  try {
    await startAll(devices);
    // serial links need a moment to open and answer their first poll
    await waitForUsable(devices, 5_000);
    for (const device of deviceIds) {
      const status = devices[device].status();
      if (interactiveSkipped(device, options)) {
        reports.push(statusOnly(device, status.state, status.reason, flagFor(device)));
      } else {
        if (device === 'id-reader') say(`place an ID card on the reader (${options.waitSeconds} s)…`);
        if (device === 'scanner') say(`scan any code (${options.waitSeconds} s)…`);
        const result = await runSelfTest(device, {
          devices,
          clock: systemClock,
          kioskId: config.kiosk.id,
          siteName: config.kiosk.siteName,
          newJobId: randomUUID,
          waitMs: options.waitSeconds * 1000,
        });
        reports.push(reportOf(device, result));
      }
      say(reports.at(-1)!.line);
    }
  } finally {
    await stopAll(devices);
  }
  return reports;
}

async function waitForUsable(devices: DeviceSet, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && deviceIds.some((id) => !usable(devices[id].status().state))) {
    await new Promise((done) => setTimeout(done, 200));
  }
}
