// Issue 6 item 6, measured in Debian Chromium against the real bridge with simulated devices:
// - tap → next screen painted, per journey step, with the CPU throttled ×4 (CDP
//   Emulation.setCPUThrottlingRate) and unthrottled for the ratio; target ≤ 100 ms at ×4;
// - bytes per route: the JS/CSS each step fetches for the first time (gzip level 9, as served),
//   on top of the initial bundle (target ≤ 80 KB gzip, fonts and voice clips aside).
// "Painted" = the first animation frame after the new screen's root is in the DOM and visible,
// timed from the click event's own timestamp, so Playwright's overhead is not counted.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { launchChromium, openKioskPage } from '../support/browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { action, advanceTo, certificateService, resetKiosk, waitForScreen } from '../support/kiosk-ui.ts';
import { uiDistDir } from '../support/repo.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

interface Step {
  name: string;
  /** what the citizen taps */
  tap: string;
  /** the element whose painted appearance ends the measurement */
  done: string;
}

/**
 * Runs in the page before the tap: resolves with ms from the click event to the frame after
 * `done` became visible. Source text, because tsx's keepNames helper does not exist in the page.
 */
const armScript = `(done) => {
  window.__tap = new Promise((resolve, reject) => {
    const giveUp = performance.now() + 15000;
    document.addEventListener('click', (event) => {
      const clickedAt = event.timeStamp;
      const check = () => {
        const element = document.querySelector(done);
        if (element !== null && element.getClientRects().length > 0) {
          requestAnimationFrame(() => resolve(performance.now() - clickedAt));
        } else if (performance.now() > giveUp) {
          reject(new Error('not painted within 15 s: ' + done));
        } else {
          requestAnimationFrame(check);
        }
      };
      check();
    }, { capture: true, once: true });
  });
}`;

async function timeTap(page: Page, step: Step): Promise<number> {
  await page.evaluate(`(${armScript})(${JSON.stringify(step.done)})`);
  await page.locator(step.tap).first().click();
  const elapsed: unknown = await page.evaluate('window.__tap');
  if (typeof elapsed !== 'number') throw new Error(`step ${step.name}: no time measured`);
  return elapsed;
}

const screen = (name: string) => `[data-screen="${name}"]`;

/** One visit; returns ms per step and the asset URLs first fetched in each step. */
async function visit(page: Page, bridge: RunningBridge, fetched: string[]): Promise<Array<{ step: string; ms: number; assets: string[] }>> {
  const results: Array<{ step: string; ms: number; assets: string[] }> = [];
  const measure = async (step: Step) => {
    const before = fetched.length;
    const ms = await timeTap(page, step);
    await page.waitForTimeout(300); // let lazy chunks and data land before the next step
    results.push({ step: step.name, ms, assets: fetched.slice(before) });
  };
  await resetKiosk(bridge.url);
  await waitForScreen(page, 'attract');
  await measure({ name: 'attract→guides', tap: '[data-action="open-guides"]', done: screen('guides') });
  await action(page, 'open-guide').first().waitFor({ timeout: 10_000 });
  await measure({ name: 'guides→guide', tap: '[data-action="open-guide"]', done: `${screen('guides')} [data-action="back"]` });
  await measure({ name: 'guide→attract', tap: '[data-action="close-guides"]', done: screen('attract') });
  await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simCard, { fixture: 'zhang-wei' }), 204, 'place card');
  await waitForScreen(page, 'greeting');
  await measure({ name: 'greeting→menu', tap: '[data-action="continue"]', done: screen('menu') });
  await expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.simCard), 204, 'remove card');
  for (const journey of ['records', 'progress', 'apply', 'appointment', 'queue']) {
    await measure({ name: `menu→${journey}`, tap: `[data-action="service"][data-service="${journey}"]`, done: screen(journey) });
    await page.locator(`${screen(journey)} [data-action="back"], ${screen(journey)} [data-action="close-journey"]`).first().waitFor({ timeout: 10_000 });
    const leave = (await page.locator(`${screen(journey)} [data-action="close-journey"]`).count()) > 0 ? 'close-journey' : 'back';
    await measure({ name: `${journey}→menu`, tap: `${screen(journey)} [data-action="${leave}"]`, done: screen('menu') });
  }
  await measure({ name: 'menu→certificate-preview', tap: `[data-action="service"]${certificateService}`, done: screen('certificate-preview') });
  await action(page, 'print').first().waitFor({ timeout: 15_000 });
  await measure({ name: 'preview→copies', tap: '[data-action="print"]', done: '[data-action="copies"]' });
  await measure({ name: 'copies→printing', tap: '[data-action="copies"][data-copies="1"]', done: screen('printing') });
  await waitForScreen(page, 'take-document', 30_000);
  await measure({ name: 'take-document→rating', tap: '[data-action="done"]', done: screen('rating') });
  await measure({ name: 'rating→goodbye', tap: '[data-action="rate"][data-grade="5"]', done: screen('goodbye') });
  await advanceTo(page, 'attract', [action(page, 'done')]);
  return results;
}

async function gzipBytes(assetPath: string): Promise<number> {
  const file = path.join(uiDistDir, decodeURIComponent(new URL(assetPath).pathname));
  return gzipSync(await readFile(file), { level: constants.Z_BEST_COMPRESSION }).length;
}

async function runAt(rate: number, rounds: number): Promise<{ perStep: Map<string, number[]>; firstRound: Array<{ step: string; assets: string[] }>; initial: string[] }> {
  const bridge = await startBridge({
    config: {
      session: { idleTimeoutSeconds: 600, countdownSeconds: 30 },
      devices: { 'id-reader': { driver: 'simulated', readMs: 200 }, 'a4-printer': { driver: 'simulated', pageMs: 200 } },
    },
  });
  const browser = await launchChromium();
  try {
    const { page } = await openKioskPage(browser, 'about:blank');
    const fetched: string[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (/\/assets\/[^/]+\.(js|css)$/.test(url) && !/\/assets\/fonts-/.test(url) && !fetched.includes(url)) fetched.push(url);
    });
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(bridge.url);
    await waitForScreen(page, 'attract');
    await page.waitForTimeout(500);
    // the @font-face sheet (Noto Sans SC unicode-range slices) loads after first paint: fonts aside
    const initial = fetched.filter((url) => !/\/assets\/fonts-[^/]+\.css$/.test(url));
    const perStep = new Map<string, number[]>();
    let firstRound: Array<{ step: string; assets: string[] }> = [];
    // the first round is cold (lazy chunks load): it gives the bytes per route; timings from the rest
    for (let round = 0; round <= rounds; round += 1) {
      const results = await visit(page, bridge, fetched);
      if (round === 0) firstRound = results;
      else for (const { step, ms } of results) perStep.set(step, [...(perStep.get(step) ?? []), ms]);
    }
    await cdp.detach();
    return { perStep, firstRound, initial };
  } finally {
    await browser.close();
    await bridge.stop();
  }
}

export async function benchUiTransitions(rounds = 5): Promise<BenchResult[]> {
  const throttled = await runAt(4, rounds);
  const unthrottled = await runAt(1, rounds);
  const results: BenchResult[] = [];

  const initialBytes = (await Promise.all(throttled.initial.map(gzipBytes))).reduce((sum, bytes) => sum + bytes, 0);
  results.push({
    name: 'ui-route-gzip:attract (initial)',
    value: initialBytes,
    unit: 'bytes',
    budget: 80 * 1024,
    files: throttled.initial.map((url) => new URL(url).pathname),
    note: 'JS+CSS fetched before the attract screen, gzip -9; fonts and voice clips load later and are not counted',
  });
  let cumulative = initialBytes;
  for (const { step, assets } of throttled.firstRound) {
    if (assets.length === 0) continue;
    const bytes = (await Promise.all(assets.map(gzipBytes))).reduce((sum, value) => sum + value, 0);
    cumulative += bytes;
    results.push({
      name: `ui-route-gzip:${step.split('→')[1]}`,
      value: bytes,
      unit: 'bytes',
      cumulative,
      files: assets.map((url) => new URL(url).pathname),
      note: `lazy JS/CSS first fetched by the step ${step}`,
    });
  }

  const all4: number[] = [];
  const all1: number[] = [];
  for (const [step, samples] of throttled.perStep) {
    const baseline = unthrottled.perStep.get(step) ?? [];
    all4.push(...samples);
    all1.push(...baseline);
    results.push({
      name: `ui-tap-to-paint-cpu4:${step}`,
      value: round(median(samples)),
      unit: 'ms',
      p95: round(percentile(samples, 95)),
      samples: samples.length,
      unthrottledMedian: baseline.length ? round(median(baseline)) : null,
      ratioToUnthrottled: baseline.length ? round(median(samples) / median(baseline), 2) : null,
      target: 100,
    });
  }
  results.push({
    name: 'ui-tap-to-paint-cpu4:all-steps',
    value: round(median(all4)),
    unit: 'ms',
    p95: round(percentile(all4, 95)),
    max: round(Math.max(...all4)),
    samples: all4.length,
    unthrottledMedian: round(median(all1)),
    unthrottledP95: round(percentile(all1, 95)),
    target: 100,
    note: 'click event timestamp → first animation frame with the next screen visible; CDP Emulation.setCPUThrottlingRate 4; warm (after one cold round)',
  });
  return results;
}
