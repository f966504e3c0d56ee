// Issue 3 wire-up: the bridge runs the real SAM driver (`sam-serial`) on a socat pseudo-terminal,
// the byte-exact SAM simulator sits on the other end in this test process, and the card read
// starts the session in Chromium. Also: a scanned appointment code reaches the UI classified.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, type SimFixture } from '@tongban/device-bridge/api';
import { fixtureSamCard } from '../../device-bridge/src/devices/id-reader/fixture-cards.ts';
import { samCardOf } from '../../device-bridge/src/devices/id-reader/sam-card.ts';
import { createSamSimulator, type SamSimulator } from '../../device-bridge/src/devices/id-reader/sam-simulator.ts';
import type { SerialLine } from '../../device-bridge/src/devices/serial/serial-line.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { launchChromium, openKioskPage, type KioskPage } from '../support/browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { maskedNameOf, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';
import { createPtyPair, type PtyPair } from '../support/pty.ts';
import { waitFor } from '../support/wait.ts';

let pty: PtyPair;
let samLine: SerialLine;
let sam: SamSimulator;
let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;

beforeAll(async () => {
  pty = await createPtyPair();
  sam = createSamSimulator({ clock: systemClock });
  samLine = await serialPortOpener({ path: pty.devicePath, baudRate: 115200 })();
  sam.attach(samLine);
  [bridge, browser] = await Promise.all([
    startBridge({
      config: { devices: { 'id-reader': { driver: 'sam-serial', path: pty.hostPath, baudRate: 115200 } } },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
  if (samLine?.isOpen) await samLine.close();
  await pty?.close();
});

describe('real SAM driver on a pty, session in Chromium', () => {
  it('the reader reports sam-serial ready; a card on the simulated SAM opens the session in the browser', async () => {
    const health = await waitFor('id-reader ready over the pty', async () => {
      const response = await bridgeRequest(bridge.url, 'GET', apiPaths.health);
      const body = response.json() as { devices: { id: string; state: string; driver: string; detail?: string }[] };
      const reader = body.devices.find((device) => device.id === 'id-reader');
      return { value: reader?.state === 'ready' ? reader : undefined, note: JSON.stringify(reader) };
    }, 10_000);
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

  it('a scanned appointment code reaches the UI as a classified scan event, without the raw text of other kinds', async () => {
    const { page } = kiosk;
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { __scans: unknown[] }).__scans = seen;
      const source = new EventSource('/api/events');
      source.addEventListener('scan', (event) => seen.push(JSON.parse((event as MessageEvent<string>).data)));
      return new Promise<void>((resolve) => source.addEventListener('hello', () => resolve(), { once: true }));
    });
    for (const data of ['tongban:appointment:A-20250301-0007', 'tongban:technician:SECRET1234']) {
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simScan, { data }), 204, `scan ${data}`);
    }
    await page.waitForFunction(() => (window as unknown as { __scans: unknown[] }).__scans.length >= 2, undefined, { timeout: 10_000 });
    const scans = await page.evaluate(() => (window as unknown as { __scans: unknown[] }).__scans);
    expect(scans).toEqual([
      { type: 'scan', scan: { kind: 'appointment', appointmentId: 'A-20250301-0007' } },
      { type: 'scan', scan: { kind: 'technician' } },
    ]);
    expect(JSON.stringify(scans)).not.toContain('SECRET1234');
  });
});
