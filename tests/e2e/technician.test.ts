// Technician mode in the real kiosk page: the hidden 5 s corner press, the PIN pad (a wrong PIN is
// refused), the device panel with live status and what the hardware says (SAM id, paper level), an
// A4 test page from the self-test, a certificate that failed on paper-out after the citizen left
// (打印异常 → 已处理), the diagnostic export, every setting of the settings tab, and leaving; last, a
// saved change (English off) restarts the kiosk, which then offers Chinese only.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PrintJobView } from '../../device-bridge/src/api/index.ts';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openLandscapePage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
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
  let siteFile: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-technician-e2e-'));
    expect(await setTechnicianPin(dataDir)).toBe(0);
    // a site file exists (KIOSK_CONFIG), so the settings screen has somewhere to save to; it is the
    // test's own, so it outlives a bridge restart
    // slow A4 pages, so the paper can run out in the middle of a certificate; a receipt printer on a
    // serial port (absent here: disconnected), so the port and baud rate settings show
    siteFile = path.join(dataDir, 'site.json');
    await writeFile(
      siteFile,
      JSON.stringify({
        kiosk: { helpPhone: '12345' },
        devices: {
          'id-reader': { driver: 'simulated', readMs: 0 },
          'a4-printer': { driver: 'simulated', pageMs: 3_000 },
          'receipt-printer': { driver: 'escpos-serial', path: '/dev/tongban-e2e-no-such-port', baudRate: 9600 },
        },
      }),
    );
    // the fleet link, once switched on, reads the kiosk's broker password from here
    await mkdir(path.join(dataDir, 'secrets'), { recursive: true });
    await writeFile(path.join(dataDir, 'secrets/mqtt.password'), 'e2e\n');
    bridge = await startBridge({ dataDir, configFile: siteFile });
    failedJobId = await paperOutWhileCitizenPrints(bridge.url);
    browser = await testBrowser();
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

  it('shows what the hardware says about itself: the SAM module id and the printers’ paper level', async () => {
    const { page } = kiosk;
    await page.waitForSelector('[data-technician-screen="devices"]');
    expect(await page.locator('[data-device="id-reader"] [data-device-detail]').innerText()).toMatch(/^SAM /);
    await page.waitForSelector('[data-device="a4-printer"] [data-paper="ok"]');
    await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'paper-low' });
    // the panel refreshes by itself every few seconds
    await page.waitForSelector('[data-device="a4-printer"] [data-paper="low"]', { timeout: 10_000 });
    expect(await page.locator('[data-device="a4-printer"] [data-paper]').innerText()).toContain('纸张：将尽');
    await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'ready' });
    // a disconnected printer has no paper level to show
    expect(await page.locator('[data-device="receipt-printer"] [data-paper]').count()).toBe(0);
  });

  it('exports the diagnostic bundle and says where the file is (no USB stick here: on the kiosk)', async () => {
    const { page } = kiosk;
    await page.click('[data-action="technician-export-bundle"]');
    const notice = page.locator('[data-bundle-export="kiosk"]');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('没有插入U盘');
    const file = /(\/\S+\.json)/.exec(text)?.[1];
    expect(file?.startsWith(path.join(dataDir, 'exports'))).toBe(true);
    expect(existsSync(file!)).toBe(true);
  });

  it('settings offer timeouts, languages, the fleet link and the serial port’s baud rate; each is checked', async () => {
    const { page } = kiosk;
    await page.click('[data-action="technician-settings"]');
    for (const field of [
      'session.countdownSeconds',
      'technician.inactivityTimeoutSeconds',
      'kiosk.languages',
      'fleet.mqtt.enabled',
      'fleet.mqtt.url',
      'devices.receipt-printer.path',
      'devices.receipt-printer.baudRate',
    ]) {
      await page.waitForSelector(`[data-settings-row="${field}"]`);
    }
    // a baud rate is picked from the ones the schema allows
    await page.click('[data-settings-row="devices.receipt-printer.baudRate"] [data-settings-choice="19200"]');
    await page.click('[data-action="technician-settings-validate"]');
    await page.waitForSelector('[data-settings-state="valid"]');
    await page.click('[data-settings-row="devices.receipt-printer.baudRate"] [data-settings-choice="9600"]');
    expect(await page.locator('[data-settings-row="devices.receipt-printer.baudRate"]').getAttribute('data-changed')).toBe('false');
    // Chinese, the start language, cannot be switched off; English can
    expect(await page.locator('[data-settings-language="zh-CN"]').isDisabled()).toBe(true);
    await page.click('[data-settings-language="en"]');
    expect(await page.locator('[data-settings-language="en"]').getAttribute('aria-pressed')).toBe('false');
    // the countdown: too long is refused naming the field, then a good value
    await page.click('[data-settings-field="session.countdownSeconds"]');
    for (let index = 0; index < 3; index++) await page.click('.keyboard [data-key="backspace"]');
    for (const digit of '999') await page.click(`.keyboard [data-key="${digit}"]`);
    await page.click('[data-action="technician-settings-validate"]');
    await page.waitForSelector('[data-settings-state="invalid"] [data-settings-problems] >> text=session.countdownSeconds');
    for (let index = 0; index < 3; index++) await page.click('.keyboard [data-key="backspace"]');
    for (const digit of '30') await page.click(`.keyboard [data-key="${digit}"]`);
    // the fleet link on, with the broker's port changed on the keyboard (the URL has its own symbol keys)
    await page.click('[data-settings-field="fleet.mqtt.enabled"]');
    await page.click('[data-settings-field="fleet.mqtt.url"]');
    for (let index = 0; index < 4; index++) await page.click('.keyboard [data-key="backspace"]');
    await page.click('.keyboard [data-key="mode-digits"]');
    for (const digit of '1883') await page.click(`.keyboard [data-key="${digit}"]`);
    expect(await page.locator('[data-settings-field="fleet.mqtt.url"]').innerText()).toBe('mqtts://mqtt.example.gov.cn:1883');
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
    const scanned = await rawRequest(`${bridge.url}/api/sim/scanner/scan`, {
      method: 'POST',
      body: { data: 'tongban:technician:FIELD42' },
    });
    expect(scanned.status).toBe(204);
    await page.waitForSelector('[data-technician-screen="pin"]');
    await page.click('[data-action="technician-cancel"]');
    await page.waitForSelector('[data-technician-corner]');
  });

  it('saving the settings restarts the kiosk onto them: without English, the screen offers no language switch', async () => {
    let { page } = kiosk;
    expect(await page.locator('[data-action="language"]').count()).toBe(1);
    await page.mouse.move(20, 20);
    await page.mouse.down();
    await page.waitForSelector('[data-technician-screen="pin"]', { timeout: 10_000 });
    await page.mouse.up();
    await typePin(page, pin);
    await page.click('[data-action="technician-settings"]');
    await page.waitForSelector('[data-settings-language="en"]');
    await page.click('[data-settings-language="en"]');
    await page.click('[data-settings-field="session.countdownSeconds"]');
    for (let index = 0; index < 3; index++) await page.click('.keyboard [data-key="backspace"]');
    for (const digit of '30') await page.click(`.keyboard [data-key="${digit}"]`);
    await page.click('[data-action="technician-settings-apply"]');
    await page.waitForSelector('[data-settings-state="applied"]');
    // only what was changed is written; the rest of the site file stays as it was
    await waitFor(
      'the saved site file',
      async () => (JSON.parse(await readFile(siteFile, 'utf8')).kiosk.languages ? { value: true } : {}),
      10_000,
    );
    const saved = JSON.parse(await readFile(siteFile, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(saved.kiosk).toEqual({ helpPhone: '12345', languages: ['zh-CN'] });
    expect(saved.session).toEqual({ countdownSeconds: 30 });
    expect(saved.fleet).toBeUndefined();
    expect((saved.devices as Record<string, unknown>)['receipt-printer']).toEqual({
      driver: 'escpos-serial',
      path: '/dev/tongban-e2e-no-such-port',
      baudRate: 9600,
    });

    // what systemd does once the bridge has exited: start it again on the same files
    await waitFor(
      'the bridge to exit',
      async () => ((await rawRequest(`${bridge.url}/api/health`, { timeoutMs: 500 }).catch(() => null)) === null ? { value: true } : {}),
      15_000,
      100,
    );
    await bridge.stop();
    await kiosk.close();
    bridge = await startBridge({ dataDir, configFile: siteFile });
    const health = (await rawRequest(`${bridge.url}/api/health`)).json() as {
      site: { languages?: string[] };
      session: { countdownSeconds: number };
    };
    expect(health.site.languages).toEqual(['zh-CN']);
    expect(health.session.countdownSeconds).toBe(30);
    kiosk = await openLandscapePage(browser, bridge.url);
    page = kiosk.page;
    await page.waitForSelector('[data-technician-corner]');
    expect(await page.locator('[data-action="language"]').count()).toBe(0);
  });
});
