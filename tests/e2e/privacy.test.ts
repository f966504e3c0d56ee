// What the next person at the kiosk could find: after a citizen exits, and after one walks away
// and the idle timer ends the session, nothing of them may remain in the page, in the bridge's
// session or its event stream, or in its logs. Also: broken devices take away only what they must.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, healthResponseSchema, type SimFixture } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import {
  action,
  advanceTo,
  certificateService,
  pageHtml,
  personalStrings,
  placeCard,
  removeCard,
  screen,
  simFixture,
  simFixtures,
  waitForScreen,
} from '../support/kiosk-ui.ts';
import { firstEvent } from '../support/sse.ts';

const helpPhone = '0571-87654321';
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Reaches the menu for `fixtureId` with the card placed through the simulation API. */
async function identify(page: Page, bridge: RunningBridge, fixtureId: string): Promise<void> {
  await waitForScreen(page, 'attract');
  await placeCard(bridge.url, fixtureId);
  await page.locator('[data-testid="greeting"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  await advanceTo(page, 'menu');
  // control: the masked name is on screen now, so its absence later means it was really removed
  const citizen = await simFixture(bridge.url, fixtureId);
  expect(await pageHtml(page)).toContain(personalStrings(citizen).masked[0]);
  // the card stays on the reader in real life only until the citizen picks it up
  await removeCard(bridge.url);
}

/** The checks every end of a session must pass, whatever ended it. */
async function expectNothingLeft(page: Page, bridge: RunningBridge, citizen: SimFixture): Promise<void> {
  const html = await pageHtml(page);
  const { full, masked } = personalStrings(citizen);
  for (const secret of [...full, ...masked]) {
    expect(html, `the page still holds "${secret}"`).not.toContain(secret);
  }
  const session = await bridgeRequest(bridge.url, 'GET', apiPaths.session);
  expect(session.status).toBe(404);
  const hello = await firstEvent(bridge.url, 'hello');
  expect(hello.session).toBeNull();
}

async function expectLogsClean(bridge: RunningBridge): Promise<void> {
  const logs = bridge.logs();
  // control: the captured logs do cover the sessions these tests ran
  expect(logs).toContain('"event":"session-started"');
  for (const fixture of await simFixtures(bridge.url)) {
    expect(logs, `logs leak ${fixture.id}'s ID number`).not.toContain(fixture.card.idNumber);
    expect(logs, `logs leak ${fixture.id}'s name`).not.toContain(fixture.card.name);
  }
}

describe('with the usual timings', () => {
  let bridge: RunningBridge;
  let kiosk: KioskPage;
  let page: Page;

  beforeAll(async () => {
    bridge = await startBridge({
      config: {
        kiosk: { helpPhone },
        session: { idleTimeoutSeconds: 600, countdownSeconds: 30 },
        devices: { 'id-reader': { driver: 'simulated', readMs: 100 } },
      },
    });
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    page = kiosk.page;
  });

  afterAll(async () => {
    await kiosk?.close();
    await bridge?.stop();
  });

  it('after exit the page, the session and the event stream hold nothing of the citizen', async () => {
    const citizen = await simFixture(bridge.url, 'ouyang-mingyuan');
    await identify(page, bridge, citizen.id);
    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
    await expectNothingLeft(page, bridge, citizen);
  });

  it('with the A4 printer out of paper the menu hides printing but still works', async () => {
    await expectStatus(
      bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'paper-out' }),
      204,
      'set paper-out',
    );
    const citizen = await simFixture(bridge.url, 'zhao-guilan');
    await identify(page, bridge, citizen.id);
    const menu = screen(page, 'menu').first();
    // a citizen of 60+: 关爱模式 asks for the kind of thing first
    await action(menu, 'menu-group', '[data-group="print"]').first().click();
    const printItem = action(menu, 'service', certificateService).first();
    const printOffered = async () => (await printItem.isVisible()) && (await printItem.isEnabled());
    await expect.poll(printOffered, { timeout: 5_000 }).toBe(false);
    // what still works is still there: the greeting, the way out, and a word about printing
    expect(await page.locator('[data-testid="greeting"]').first().isVisible()).toBe(true);
    expect(await action(page, 'exit').first().isVisible()).toBe(true);
    expect(await menu.innerText()).toContain('打印');

    // paper reloaded: printing comes back without a restart
    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'ready' }), 204, 'set ready');
    await expect.poll(printOffered, { timeout: 10_000 }).toBe(true);

    await action(page, 'exit').first().click();
    await advanceTo(page, 'attract', [action(page, 'done')]);
    await expectNothingLeft(page, bridge, citizen);
  });

  it('with the ID reader and the scanner (网证 login) disconnected the kiosk is out of service and shows the hall phone', async () => {
    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('scanner', 'disconnect')), 204, 'disconnect');
    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('id-reader', 'disconnect')), 204, 'disconnect');
    const outOfService = await waitForScreen(page, 'out-of-service');
    expect(await outOfService.innerText()).toContain(helpPhone);
    const health = healthResponseSchema.parse((await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json());
    expect(health.status).toBe('out-of-service');

    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('id-reader', 'connect')), 204, 'connect');
    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('scanner', 'connect')), 204, 'connect');
    await waitForScreen(page, 'attract');
  });

  it('never logged a full ID number or full name', async () => {
    await expectLogsClean(bridge);
  });
});

describe('when the citizen walks away (idle timeout)', () => {
  // the shortest warning config allows (20 s); the page's clock is Playwright's fake clock, so the
  // minutes pass in milliseconds while the bridge and its event stream stay real
  const idleTimeoutSeconds = 30;
  const countdownSeconds = 20;
  let bridge: RunningBridge;
  let kiosk: KioskPage;
  let page: Page;
  const pass = async (ms: number) => {
    await page.clock.runFor(ms);
    await page.waitForTimeout(50);
  };

  beforeAll(async () => {
    bridge = await startBridge({
      config: {
        session: { idleTimeoutSeconds, countdownSeconds },
        devices: { 'id-reader': { driver: 'simulated', readMs: 100 } },
      },
    });
    kiosk = await openKioskPage(browser, bridge.url, 'landscape');
    page = kiosk.page;
    await page.clock.install();
    await page.reload();
  });

  afterAll(async () => {
    await kiosk?.close();
    await bridge?.stop();
  });

  it('"more time" during the countdown keeps the session', async () => {
    const citizen = await simFixture(bridge.url, 'wang-xiaoyu');
    await identify(page, bridge, citizen.id);
    const countdown = page.locator('[data-testid="idle-countdown"]').first();
    await pass(idleTimeoutSeconds * 1000 + 500);
    await countdown.waitFor({ state: 'visible', timeout: 5_000 });
    await action(page, 'more-time').first().click();
    await countdown.waitFor({ state: 'hidden', timeout: 5_000 });
    expect(await screen(page, 'menu').first().isVisible()).toBe(true);
    expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(200);
  });

  it('the countdown runs out, the session ends and nothing of the citizen is left', async () => {
    const citizen = await simFixture(bridge.url, 'wang-xiaoyu');
    await pass(idleTimeoutSeconds * 1000 + 500);
    await page.locator('[data-testid="idle-countdown"]').first().waitFor({ state: 'visible', timeout: 5_000 });
    await pass((countdownSeconds + 1) * 1000);
    await advanceTo(page, 'attract', [action(page, 'done')], 15_000);
    await expectNothingLeft(page, bridge, citizen);
  });

  it('never logged a full ID number or full name', async () => {
    await expectLogsClean(bridge);
  });
});
