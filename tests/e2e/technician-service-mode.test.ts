// A kiosk an operator took out of service (MQTT out-of-service, kept in <data>/service-mode.json) stays
// out of service after a restart: the screen says so and shows the hall's phone, nothing else is offered.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openLandscapePage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';

describe('operator out-of-service', () => {
  let dataDir: string;
  let bridge: RunningBridge;
  let browser: Browser;
  let kiosk: KioskPage;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-service-mode-'));
    await mkdir(dataDir, { recursive: true });
    await writeFile(
      path.join(dataDir, 'service-mode.json'),
      JSON.stringify({ outOfService: true, reason: 'operator command', since: new Date().toISOString() }),
    );
    bridge = await startBridge({ dataDir, config: { kiosk: { helpPhone: '0571-96188' } } });
    browser = await testBrowser();
    kiosk = await openLandscapePage(browser, bridge.url);
  });
  afterAll(async () => {
    await kiosk?.close();
    await browser?.close();
    await bridge?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the out-of-service screen with the hall phone, even though every device works', async () => {
    const { page } = kiosk;
    await page.waitForSelector('[data-screen="out-of-service"]', { timeout: 20_000 });
    expect(await page.locator('[data-testid="help-phone"]').textContent()).toContain('0571-96188');
  });
});
