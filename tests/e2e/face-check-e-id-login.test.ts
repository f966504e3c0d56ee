// 网证 login (issues 6 and 8): on the attract screen the kiosk says a mobile e-ID can be shown to
// the scanner; the simulated citizen's code, scanned there, opens her session (greeting → menu)
// already confirmed at 实人 level by the e-ID verifier; a code the verifier refuses is said plainly.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { simulatedEIdToken } from '../../device-bridge/src/face/e-id-verifier.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskPage } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest } from '../support/http.ts';
import { action, advanceTo, maskedNameOf, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';

let bridge: RunningBridge;
let browser: Browser;
let kiosk: KioskPage;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({ config: { session: { idleTimeoutSeconds: 600, countdownSeconds: 30 } } }),
    testBrowser(),
  ]);
  kiosk = await openKioskPage(browser, bridge.url, 'landscape');
}, 90_000);

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await bridge?.stop();
});

const scan = (data: string) => bridgeRequest(bridge.url, 'POST', apiPaths.simScan, { data });

describe('网证 login on the attract screen', () => {
  it('scanning the e-ID code opens the citizen’s session: greeting with her masked name, then the menu', async () => {
    const { page } = kiosk;
    const citizen = await simFixture(bridge.url, 'li-na');
    await step(page, 'attract says the 网证 can be shown to the scanner', async () => {
      const attract = await waitForScreen(page, 'attract');
      await attract.locator('[data-part="attract-e-id"]').waitFor({ state: 'visible' });
      expect(await attract.locator('[data-part="attract-e-id"]').innerText()).toContain('网证');
    });
    await step(page, 'the code is scanned: greeting', async () => {
      expect((await scan(`tongban:e-id:${simulatedEIdToken(citizen.card.idNumber)}`)).status).toBe(204);
      const greeting = page.locator('[data-testid="greeting"]').first();
      await greeting.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await greeting.innerText()).toContain(maskedNameOf(citizen.card.name));
      expect(await greeting.innerText()).not.toContain(citizen.card.name);
    });
    await step(page, 'menu; the session is confirmed by e-ID, so no face check is needed', async () => {
      await advanceTo(page, 'menu');
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.faceOptions)).json()).toMatchObject({ verified: { method: 'e-id' } });
    });
    await step(page, 'exit: back to attract', async () => {
      await action(page, 'exit').first().click();
      await advanceTo(page, 'attract', [action(page, 'done'), action(page, 'skip'), action(page, 'rating-skip')], 30_000);
    });
  }, 120_000);

  it('a code the verifier does not know is refused on screen and opens nothing', async () => {
    const { page } = kiosk;
    await waitForScreen(page, 'attract');
    expect((await scan(`tongban:e-id:${'Q'.repeat(32)}`)).status).toBe(204);
    const rejected = await waitForScreen(page, 'card-rejected');
    expect(await rejected.locator('[data-reason]').getAttribute('data-reason')).toBe('e-id-rejected');
    expect(await rejected.innerText()).toContain('网证二维码没有通过核验');
    expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
  }, 60_000);
});
