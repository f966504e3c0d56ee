// Technician mode in the real kiosk page: the hidden 5 s corner press, the PIN pad (a wrong PIN is
// refused), the device panel with live status, an A4 test page from the self-test, a certificate
// that failed on paper-out after the citizen left (打印异常 → 已处理), and leaving.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PrintJobView } from '../../device-bridge/src/api/index.ts';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { launchChromium, openLandscapePage, type KioskPage } from '../support/browser.ts';
import { bridgeRequest, rawRequest } from '../support/http.ts';
import { setTechnicianPin, technicianPin as pin } from '../support/technician-pin.ts';
import { waitFor } from '../support/wait.ts';

/**
 * A citizen prints a certificate, the paper runs out in the middle of it, and the citizen leaves;
 * then the paper is reloaded. What is left is a failed job only the technician can see.
 */
async function paperOutWhileCitizenPrints(url: string): Promise<string> {
  await bridgeRequest(url, 'POST', '/api/sim/id-reader/card', { fixture: 'zhang-wei' });
  await waitFor('session', async () => ((await bridgeRequest(url, 'GET', apiPaths.session)).status === 200 ? { value: true } : {}));
  const submitted = await bridgeRequest(url, 'POST', apiPaths.printJobs, { type: 'social-insurance-contribution' });
  expect(submitted.status).toBe(202);
  const id = (submitted.json() as PrintJobView).id;
  const stateOf = async () => ((await bridgeRequest(url, 'GET', apiPaths.printJob(id))).json() as PrintJobView).state;
  await waitFor('job printing', async () => ((await stateOf()) === 'printing' ? { value: true } : {}));
  await bridgeRequest(url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'paper-out' });
  await waitFor('job failed', async () => ((await stateOf()) === 'failed' ? { value: true } : {}));
  await bridgeRequest(url, 'DELETE', '/api/sim/id-reader/card');
  await bridgeRequest(url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'ready' });
  return id;
}

async function typePin(page: Page, digits: string) {
  for (const digit of digits) await page.click(`[data-pin-key="${digit}"]`);
  await page.click('[data-action="technician-submit"]');
}

describe('technician mode in the kiosk UI', () => {
  let dataDir: string;
  let bridge: RunningBridge;
  let browser: Browser;
  let kiosk: KioskPage;
  let failedJobId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-technician-e2e-'));
    expect(await setTechnicianPin(dataDir)).toBe(0);
    // a site file exists (KIOSK_CONFIG), so the settings screen has somewhere to save to
    // slow A4 pages, so the paper can run out in the middle of a certificate
    bridge = await startBridge({
      dataDir,
      config: {
        kiosk: { helpPhone: '12345' },
        devices: { 'id-reader': { driver: 'simulated', readMs: 0 }, 'a4-printer': { driver: 'simulated', pageMs: 3_000 } },
      },
    });
    failedJobId = await paperOutWhileCitizenPrints(bridge.url);
    browser = await launchChromium();
    kiosk = await openLandscapePage(browser, bridge.url);
  });
  afterAll(async () => {
    await kiosk?.close();
    await browser?.close();
    await bridge?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a short tap on the corner does nothing; holding it 5 s opens the PIN pad', async () => {
    const { page } = kiosk;
    await page.waitForSelector('[data-technician-corner]');
    await page.mouse.move(20, 20);
    await page.mouse.down();
    await page.waitForTimeout(1_000);
    await page.mouse.up();
    expect(await page.locator('[data-technician-screen="pin"]').count()).toBe(0);

    await page.mouse.down();
    await page.waitForSelector('[data-technician-screen="pin"]', { timeout: 10_000 });
    await page.mouse.up();
  });

  it('refuses a wrong PIN, then opens the device panel with the right one', async () => {
    const { page } = kiosk;
    await typePin(page, '000000');
    await page.waitForSelector('[data-technician-notice="wrong-pin"]');
    await typePin(page, pin);
    await page.waitForSelector('[data-technician-screen="devices"] [data-device="a4-printer"]');
    expect(await page.locator('[data-device]').count()).toBe(6);
  });

  it('prints an A4 test page from the self-test and shows the result', async () => {
    const { page } = kiosk;
    await page.click('[data-device="a4-printer"] [data-action="technician-self-test"]');
    await page.waitForSelector('[data-device="a4-printer"] [data-self-test-result="ok"]', { timeout: 20_000 });
  });

  it('counts a paper refill on a printer', async () => {
    const { page } = kiosk;
    await page.click('[data-device="a4-printer"] [data-action="technician-paper-refilled"]');
    await page.waitForSelector('[data-device="a4-printer"] [data-paper-refills="1"]');
  });

  it('shows the paper-out certificate under 打印异常 with a waiting count, and 已处理 takes it off', async () => {
    const { page } = kiosk;
    await page.waitForSelector('[data-device="a4-printer"] [data-print-problems-waiting="1"]');
    const problem = page.locator(`[data-print-problem="${failedJobId}"]`);
    expect(await problem.getAttribute('data-print-problem-reason')).toBe('paper-out');
    expect(await problem.innerText()).toContain('打印到一半缺纸');
    expect(await problem.innerText()).toContain('群众未重新打印');
    await problem.locator('[data-action="technician-print-problem-handled"]').click();
    await page.waitForSelector('[data-print-problems="0"]');
    expect(await page.locator('[data-print-problems-waiting]').count()).toBe(0);
  });

  it('settings: a bad idle limit is refused naming the field; a new phone number is checked', async () => {
    const { page } = kiosk;
    await page.click('[data-action="technician-settings"]');
    await page.waitForSelector('[data-technician-screen="settings"] [data-settings-field="kiosk.helpPhone"]');
    await page.click('[data-settings-field="session.idleTimeoutSeconds"]');
    for (let index = 0; index < 4; index++) await page.click('.keyboard [data-key="backspace"]');
    await page.click('.keyboard [data-key="0"]');
    await page.click('[data-action="technician-settings-validate"]');
    await page.waitForSelector('[data-settings-state="invalid"] [data-settings-problems] >> text=session.idleTimeoutSeconds');
    await page.click('.keyboard [data-key="backspace"]');
    for (const digit of '90') await page.click(`.keyboard [data-key="${digit}"]`);
    await page.click('[data-settings-field="kiosk.helpPhone"]');
    for (let index = 0; index < 5; index++) await page.click('.keyboard [data-key="backspace"]');
    for (const digit of '96188') await page.click(`.keyboard [data-key="${digit}"]`);
    await page.click('[data-action="technician-settings-validate"]');
    await page.waitForSelector('[data-settings-state="valid"]');
    await page.click('[data-action="technician-devices"]');
  });

  it('shows the recent log, and the audit log, and leaving returns to the citizen screen', async () => {
    const { page } = kiosk;
    await page.click('[data-action="technician-log"]');
    await page.waitForSelector('[data-technician-log] tr >> text=bridge-listening');
    await page.click('[data-action="technician-audit"]');
    await page.waitForSelector('[data-technician-audit] tr >> text=self-test a4-printer');
    await page.waitForSelector('[data-technician-audit] tr >> text=print-problem-handled');
    await page.click('[data-action="technician-logout"]');
    await page.waitForSelector('[data-technician-corner]');
    expect(await page.locator('.technician').count()).toBe(0);
    expect(kiosk.problems.filter((problem) => !problem.includes('401'))).toEqual([]);
  });

  it('a technician QR code opens the PIN pad too; Back closes it', async () => {
    const { page } = kiosk;
    const scanned = await rawRequest(`${bridge.url}/api/sim/scanner/scan`, { method: 'POST', body: { data: 'tongban:technician:FIELD42' } });
    expect(scanned.status).toBe(204);
    await page.waitForSelector('[data-technician-screen="pin"]');
    await page.click('[data-action="technician-cancel"]');
    await page.waitForSelector('[data-technician-corner]');
  });
});
