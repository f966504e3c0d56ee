// Real drivers end to end: the bridge runs the real SAM driver (`sam-serial`) on a socat pseudo-terminal,
// the byte-exact SAM simulator sits on the other end in this test process, and the card read
// starts the session in Chromium. The scanner is real too (`serial`, USB-CDC) on a second pty, fed
// by the serial scanner simulator: a scanned code goes through the line codec and the driver, and an
// appointment code scanned on the attract screen opens that appointment.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type SimFixture } from '@tongban/device-bridge/api';
import { fixtureSamCard } from '../../device-bridge/src/devices/id-reader/fixture-cards.ts';
import { samCardOf } from '../../device-bridge/src/devices/id-reader/sam-card.ts';
import { createSamSimulator, type SamSimulator } from '../../device-bridge/src/devices/id-reader/sam-simulator.ts';
import { createSerialScannerSimulator } from '../../device-bridge/src/devices/scanner/serial-scanner-simulator.ts';
import type { SerialLine } from '../../device-bridge/src/devices/serial/serial-line.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { maskedNameOf, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';
import { createPtyPair, type PtyPair } from '../support/pty.ts';
import { bookAppointmentForNow } from '../support/today-appointment.ts';
import { waitFor } from '../support/wait.ts';

let pty: PtyPair;
let samLine: SerialLine;
let sam: SamSimulator;
let scannerPty: PtyPair;
let scannerLine: SerialLine;
const imager = createSerialScannerSimulator({ suffix: 'cr' });
let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;

beforeAll(async () => {
  [pty, scannerPty] = await Promise.all([createPtyPair(), createPtyPair()]);
  sam = createSamSimulator({ clock: systemClock });
  samLine = await serialPortOpener({ path: pty.devicePath, baudRate: 115200 })();
  sam.attach(samLine);
  scannerLine = await serialPortOpener({ path: scannerPty.devicePath, baudRate: 9600 })();
  imager.attach(scannerLine);
  [bridge, browser] = await Promise.all([
    startBridge({
      config: {
        devices: {
          'id-reader': { driver: 'sam-serial', path: pty.hostPath, baudRate: 115200 },
          scanner: { driver: 'serial', path: scannerPty.hostPath, suffix: 'cr' },
        },
      },
    }),
    testBrowser(),
  ]);
});

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
  if (samLine?.isOpen) await samLine.close();
  if (scannerLine?.isOpen) await scannerLine.close();
  await pty?.close();
  await scannerPty?.close();
});

describe('real SAM driver on a pty, session in Chromium', () => {
  it('the reader reports sam-serial ready; a card on the simulated SAM opens the session in the browser', async () => {
    const health = await waitFor(
      'id-reader ready over the pty',
      async () => {
        const response = await bridgeRequest(bridge.url, 'GET', apiPaths.health);
        const body = response.json() as { devices: { id: string; state: string; driver: string; detail?: string }[] };
        const reader = body.devices.find((device) => device.id === 'id-reader');
        return { value: reader?.state === 'ready' ? reader : undefined, note: JSON.stringify(reader) };
      },
      10_000,
    );
    expect(health.driver).toBe('sam-serial');
    expect(health.detail).toBe('SAM 05.01-20101010-0012345678-0987654321');

    const citizen: SimFixture = await simFixture(bridge.url, 'zhang-wei');
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    const { page } = kiosk;
    await step(page, 'attract', () => waitForScreen(page, 'attract'));
    await step(page, 'card on the SAM → greeting with the masked name', async () => {
      sam.placeCard(samCardOf(citizen.card));
      const greeting = page.locator('[data-testid="greeting"]').first();
      await greeting.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await greeting.innerText();
      expect(text).toContain(maskedNameOf(citizen.card.name));
      expect(text).not.toContain(citizen.card.name);
    });
    await step(page, 'the bridge holds the session', async () => {
      const session = await bridgeRequest(bridge.url, 'GET', apiPaths.session);
      expect(session.status).toBe(200);
    });
    expect(bridge.logs()).not.toContain(citizen.card.idNumber);
    await expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.session), 204, 'end the session');
    sam.removeCard();
  });

  it('a 2017 foreign permanent residence card (15-character number) opens the session too, masked 6 + 4', async () => {
    const { page } = kiosk;
    await step(page, 'back on attract', () => waitForScreen(page, 'attract'));
    await step(page, '2017 card on the SAM → greeting with the masked name', async () => {
      sam.placeCard(fixtureSamCard('foreign-permanent-2017'));
      const greeting = page.locator('[data-testid="greeting"]').first();
      await greeting.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await greeting.innerText()).toContain('史**');
    });
    const session = await bridgeRequest(bridge.url, 'GET', apiPaths.session);
    expect(session.status).toBe(200);
    expect(session.json()).toMatchObject({ maskedIdNumber: 'CAN110*****0112' });
    expect(bridge.logs()).not.toContain('CAN110078090112');
    await expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.session), 204, 'end the session');
    sam.removeCard();
  });

  it('the serial scanner on a pty: scans reach the UI classified, without the raw text of other kinds', async () => {
    const scanner = await waitFor(
      'scanner ready over the pty',
      async () => {
        const body = (await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json() as {
          devices: { id: string; state: string; driver: string }[];
        };
        const device = body.devices.find((entry) => entry.id === 'scanner');
        return { value: device?.state === 'ready' ? device : undefined, note: JSON.stringify(device) };
      },
      10_000,
    );
    expect(scanner.driver).toBe('serial');
    const { page } = kiosk;
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { __scans: unknown[] }).__scans = seen;
      const source = new EventSource('/api/events');
      source.addEventListener('scan', (event) => seen.push(JSON.parse((event as MessageEvent<string>).data)));
      return new Promise<void>((resolve) => source.addEventListener('hello', () => resolve(), { once: true }));
    });
    // the simulation control is for simulated scanners only: this one is real
    expect((await bridgeRequest(bridge.url, 'POST', apiPaths.simScan, { data: 'x' })).status).not.toBe(204);
    await imager.scan('tongban:technician:SECRET1234');
    // a code with an escape sequence is dropped by the driver, never delivered
    await imager.sendRaw(Uint8Array.from([...Buffer.from('bad\u001b[2J'), 0x0d]));
    await imager.scan('https://elsewhere.example/x');
    await page.waitForFunction(() => (window as unknown as { __scans: unknown[] }).__scans.length >= 2, undefined, { timeout: 10_000 });
    const scans = await page.evaluate(() => (window as unknown as { __scans: unknown[] }).__scans);
    expect(scans).toEqual([
      { type: 'scan', scan: { kind: 'technician' } },
      { type: 'scan', scan: { kind: 'other' } },
    ]);
    expect(JSON.stringify(scans)).not.toContain('SECRET1234');
    expect(bridge.logs()).toContain('"scan-rejected"');
  });

  it('an appointment code scanned on the attract screen through the serial scanner opens that appointment', async () => {
    const citizen: SimFixture = await simFixture(bridge.url, 'zhang-wei');
    bookAppointmentForNow(bridge.dataDir, { id: 'YY-E2E-PTY-1', idNumber: citizen.card.idNumber });
    const { page } = kiosk;
    await step(page, 'attract', () => waitForScreen(page, 'attract'));
    await step(page, 'scan the appointment code on the pty → the appointment is shown', async () => {
      await imager.scan('tongban:appointment:YY-E2E-PTY-1');
      await waitForScreen(page, 'appointment');
      const shown = page.locator('[data-testid="check-in-appointment"]').first();
      await shown.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await shown.getAttribute('data-check-in')).toBe('open');
      expect(await shown.innerText()).toContain('B05');
      expect(await page.content()).not.toContain(citizen.card.idNumber);
    });
  });
});
