// The moment a citizen feels: card on the reader → their (masked) name on screen. Measured inside
// Chromium with one clock: the page itself places the card (same-origin POST to the simulator) and
// watches frames until the greeting is painted. The simulated reader's readMs is fixed and known,
// so the part beyond it is what the bridge, the event stream and the UI add.
import type { Page } from 'playwright-core';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge } from '../support/bridge-process.ts';
import { launchChromium, openKioskPage } from '../support/browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { action, advanceTo, waitForScreen } from '../support/kiosk-ui.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

const readMs = 200;

/**
 * Runs in the page: place the card, then resolve with the ms until the greeting is visible.
 * Kept as source text: tsx's keepNames would wrap named inner functions in a `__name` helper that
 * does not exist inside the page.
 */
const pageScript = `async ({ cardPath, fixture }) => {
  const startedAt = performance.now();
  const response = await fetch(cardPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fixture }),
  });
  if (response.status !== 204) throw new Error('placing the card answered ' + response.status);
  return new Promise((resolve, reject) => {
    const giveUp = performance.now() + 15000;
    const check = () => {
      const greeting = document.querySelector('[data-testid="greeting"]');
      if (greeting !== null && greeting.getClientRects().length > 0 && greeting.innerText.trim() !== '') {
        resolve(performance.now() - startedAt);
      } else if (performance.now() > giveUp) {
        reject(new Error('the greeting did not appear within 15 s'));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}`;

async function timeCardToGreeting(page: Page, fixture: string): Promise<number> {
  const argument = JSON.stringify({ cardPath: apiPaths.simCard, fixture });
  const elapsed: unknown = await page.evaluate(`(${pageScript})(${argument})`);
  if (typeof elapsed !== 'number') throw new Error(`the page measured no time (got ${String(elapsed)})`);
  return elapsed;
}

export async function benchCardToGreeting(samples = 20): Promise<BenchResult[]> {
  const bridge = await startBridge({
    config: {
      session: { idleTimeoutSeconds: 600, countdownSeconds: 30 },
      devices: { 'id-reader': { driver: 'simulated', readMs } },
    },
  });
  const browser = await launchChromium();
  try {
    const { page } = await openKioskPage(browser, bridge.url, 'landscape');
    const totals: number[] = [];
    // one unmeasured round warms up JIT, fonts and the event stream, as on a kiosk that has been on
    for (let round = 0; round <= samples; round += 1) {
      await waitForScreen(page, 'attract');
      const elapsed = await timeCardToGreeting(page, 'zhang-wei');
      if (round > 0) totals.push(elapsed);
      await expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.simCard), 204, 'remove card');
      await expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' }), 204, 'end session');
      await advanceTo(page, 'attract', [action(page, 'done')]);
    }
    const beyondRead = totals.map((total) => total - readMs);
    return [
      {
        name: 'card-to-greeting',
        value: round(median(totals)),
        unit: 'ms',
        samples,
        p95: round(percentile(totals, 95)),
        readMs,
        note: 'in Chromium 1920×1080: POST /api/sim/id-reader/card until [data-testid=greeting] is painted',
      },
      {
        name: 'card-to-greeting-beyond-read',
        value: round(median(beyondRead)),
        unit: 'ms',
        samples,
        p95: round(percentile(beyondRead, 95)),
        readMs,
        note: 'the same minus the simulated reader time (readMs): bridge + SSE + UI',
      },
    ];
  } finally {
    await browser.close();
    await bridge.stop();
  }
}
