// Time limits as a citizen meets them, with the kiosk's default settings (idle 120 s, countdown
// 20 s): the page's clock is Playwright's fake clock, so minutes pass in milliseconds while the
// bridge, the event stream and the HTTP calls stay real. Checked: the warning comes at least 20 s
// before the end, "more time" works at least 10 times, a touch restarts the limit, each step has its
// own limit, elder mode gives more time, and when nobody answers the session ends and the screen
// returns to attract holding nothing of the citizen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest } from '../support/http.ts';
import {
  action,
  advanceTo,
  certificateService,
  pageHtml,
  personalStrings,
  placeCard,
  removeCard,
  resetKiosk,
  simFixture,
  waitForScreen,
} from '../support/kiosk-ui.ts';
import { auditScreen, type AuditResult } from './a11y-audit.ts';

// the shipped defaults (config/default.json), stated here so a change to them shows up as a failure
const idleSeconds = 120;
const countdownSeconds = 20;

let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;
let page: Page;
/** the countdown overlay as audited in each mode (axe, text and target sizes) */
const overlayAudits: AuditResult[] = [];

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 100 } } } }),
    testBrowser(),
  ]);
});

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
});

const countdown = () => page.locator('[data-testid="idle-countdown"]').first();

async function countdownShowing(): Promise<boolean> {
  return countdown().isVisible();
}

async function secondsShown(): Promise<number> {
  return Number((await countdown().innerText()).trim());
}

async function sessionOpen(): Promise<boolean> {
  return (await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status === 200;
}

/** Lets `ms` of page time pass at once, then gives the page a moment of real time to render. */
async function pass(ms: number): Promise<void> {
  await page.clock.runFor(ms);
  await page.waitForTimeout(50);
}

async function identifyToMenu(fixtureId: string): Promise<void> {
  await resetKiosk(bridge.url);
  await waitForScreen(page, 'attract');
  await placeCard(bridge.url, fixtureId);
  // the greeting waits on the (fake) clock; "continue" is the citizen's way past it
  await advanceTo(page, 'menu', [action(page, 'continue')]);
  await removeCard(bridge.url);
}

describe('idle time limits with the default settings (fake page clock)', () => {
  beforeAll(async () => {
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    page = kiosk.page;
    await page.clock.install();
    await page.reload();
  });

  it(`warns ${countdownSeconds} s before the end and "more time" works 10 times in a row`, async () => {
    await identifyToMenu('zhang-wei');
    for (let extension = 1; extension <= 10; extension++) {
      await pass((idleSeconds - 1) * 1000);
      expect(await countdownShowing(), `no warning yet before ${idleSeconds} s (round ${extension})`).toBe(false);
      await pass(1000);
      await countdown().waitFor({ state: 'visible', timeout: 5_000 });
      expect(await secondsShown()).toBeGreaterThanOrEqual(20);
      if (extension === 1) overlayAudits.push(await auditScreen(page));
      // the citizen reads the warning for a while, then taps the one big button
      await pass(15_000);
      expect(await countdownShowing()).toBe(true);
      await action(page, 'more-time').first().click();
      await countdown().waitFor({ state: 'hidden', timeout: 5_000 });
      expect(await sessionOpen(), `session kept after extension ${extension}`).toBe(true);
    }
    await waitForScreen(page, 'menu');
  });

  it('any touch restarts the limit', async () => {
    await pass(100_000);
    await page.locator('[data-screen="menu"] h1').first().click();
    await pass(100_000);
    expect(await countdownShowing()).toBe(false);
    await pass(20_000);
    await countdown().waitFor({ state: 'visible', timeout: 5_000 });
    await action(page, 'more-time').first().click();
  });

  it('a step where people read gets its own, longer limit (certificate preview ×1.5)', async () => {
    await action(page, 'service', certificateService).first().click();
    await waitForScreen(page, 'certificate-preview');
    await pass(idleSeconds * 1000 + 10_000);
    expect(await countdownShowing()).toBe(false);
    await pass(idleSeconds * 500);
    await countdown().waitFor({ state: 'visible', timeout: 5_000 });
    await action(page, 'more-time').first().click();
    await action(page, 'back').first().click();
    await waitForScreen(page, 'menu');
  });

  it('elder mode (关爱模式) gives half as much time again', async () => {
    await action(page, 'elder-mode').first().click();
    await pass(idleSeconds * 1000 + 10_000);
    expect(await countdownShowing()).toBe(false);
    await pass(idleSeconds * 500);
    await countdown().waitFor({ state: 'visible', timeout: 5_000 });
    overlayAudits.push(await auditScreen(page));
    await action(page, 'more-time').first().click();
    await action(page, 'elder-mode').first().click();
    // and the overlay in high contrast
    await action(page, 'high-contrast').first().click();
    await pass(idleSeconds * 1000);
    await countdown().waitFor({ state: 'visible', timeout: 5_000 });
    overlayAudits.push(await auditScreen(page));
    await action(page, 'more-time').first().click();
    await action(page, 'high-contrast').first().click();
  });

  it('the warning overlay passes axe, text and target sizes in default, elder and high-contrast modes', () => {
    expect(overlayAudits.map((audit) => `${audit.screen} · ${audit.mode}`)).toEqual([
      'menu+alertdialog · default',
      'menu+alertdialog · elder',
      'menu+alertdialog · default+high-contrast',
    ]);
    expect(overlayAudits.flatMap((audit) => [...audit.violations, ...audit.smallText, ...audit.smallTargets])).toEqual([]);
  });

  it('when nobody answers, the session ends and the screen forgets the citizen', async () => {
    const citizen = await simFixture(bridge.url, 'zhang-wei');
    await pass(idleSeconds * 1000);
    await countdown().waitFor({ state: 'visible', timeout: 5_000 });
    // the warning is also spoken (in the language on screen)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.voiceClip), { timeout: 5_000 }).toBe('zh-CN:idle-warning');
    await pass((countdownSeconds + 1) * 1000);
    await waitForScreen(page, 'attract', 15_000);
    await expect.poll(sessionOpen, { timeout: 5_000 }).toBe(false);
    const html = await pageHtml(page);
    const { full, masked } = personalStrings(citizen);
    for (const secret of [...full, ...masked]) expect(html, `the page still holds "${secret}"`).not.toContain(secret);
  });
});
