// The UI's responsiveness, measured in Debian Chromium against the real bridge with simulated devices:
// - tap → next screen painted, per journey step (the steps inside records, progress, appointment
//   (items → days → times → booked), queue, 申请办理 and 预约签到 too), median and p95, with the CPU
//   throttled ×4 (CDP Emulation.setCPUThrottlingRate) and unthrottled for the ratio; target ≤ 100 ms at ×4;
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
import { bookAppointmentForNow } from '../support/today-appointment.ts';
import { flexibleEmployment, signName, typeDigits, verifyByStaff } from '../support/apply-steps.ts';
import { daysStep, freeDay, freeSlot, timesStep } from '../support/appointment-steps.ts';
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

/** The kinds of window: each visit takes a ticket at another, since one citizen holds one per kind a day. */
const queueKinds = 7;

/**
 * One visit (`round` counts them: each books another slot and takes another kind of ticket, so a
 * repeat never meets "you already have one"); returns ms per step and the asset URLs first fetched
 * in each step. Steps inside journeys are found by their `data-step` (voice/steps.ts).
 */
async function visit(
  page: Page,
  bridge: RunningBridge,
  fetched: string[],
  round: number,
): Promise<Array<{ step: string; ms: number; assets: string[] }>> {
  const results: Array<{ step: string; ms: number; assets: string[] }> = [];
  const measure = async (step: Step) => {
    const before = fetched.length;
    const ms = await timeTap(page, step);
    await page.waitForTimeout(300); // let lazy chunks and data land before the next step
    results.push({ step: step.name, ms, assets: fetched.slice(before) });
  };
  const identify = async () => {
    await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simCard, { fixture: 'zhang-wei' }), 204, 'place card');
    await waitForScreen(page, 'greeting');
  };
  const removeCard = () => expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.simCard), 204, 'remove card');
  const stepOf = (name: string) => `[data-step="${name}"]`;

  await resetKiosk(bridge.url);
  await waitForScreen(page, 'attract');
  await measure({ name: 'attract→guides', tap: '[data-action="open-guides"]', done: screen('guides') });
  await action(page, 'open-guide').first().waitFor({ timeout: 10_000 });
  await measure({ name: 'guides→guide', tap: '[data-action="open-guide"]', done: `${screen('guides')} [data-action="back"]` });
  await measure({ name: 'guide→attract', tap: '[data-action="close-guides"]', done: screen('attract') });
  await identify();
  await measure({ name: 'greeting→menu', tap: '[data-action="continue"]', done: screen('menu') });
  await removeCard();

  // 查询我的记录: the list, one record on screen, back
  await measure({ name: 'menu→records', tap: '[data-action="service"][data-service="records"]', done: screen('records') });
  await action(page, 'open-record', '[data-available="true"]').first().waitFor({ timeout: 10_000 });
  await measure({ name: 'records→record', tap: '[data-action="open-record"][data-available="true"]', done: '[data-testid="record-view"]' });
  await measure({ name: 'record→records', tap: `${stepOf('records-detail')} [data-action="back"]`, done: '[data-action="open-record"]' });
  await measure({ name: 'records→menu', tap: `${screen('records')} [data-action="close-journey"]`, done: screen('menu') });

  // 办件进度: the list, one case's timeline, back
  await measure({ name: 'menu→progress', tap: '[data-action="service"][data-service="progress"]', done: screen('progress') });
  await action(page, 'open-case').first().waitFor({ timeout: 10_000 });
  await measure({ name: 'progress→case', tap: '[data-action="open-case"]', done: '[data-testid="application-case"]' });
  await measure({ name: 'case→progress', tap: `${stepOf('progress-case')} [data-action="back"]`, done: '[data-action="open-case"]' });
  await measure({ name: 'progress→menu', tap: `${screen('progress')} [data-action="close-journey"]`, done: screen('menu') });

  // 预约: an item, its days, the first day with places, a free time on it (another each visit), booked, back to the menu
  await measure({ name: 'menu→appointment', tap: '[data-action="service"][data-service="appointment"]', done: screen('appointment') });
  await action(page, 'choose-item').first().waitFor({ timeout: 10_000 });
  await measure({
    name: 'appointment→days',
    tap: `${screen('appointment')} [data-action="choose-item"]`,
    done: `${daysStep} [data-action="choose-day"]`,
  });
  await measure({ name: 'day→slots', tap: `${daysStep} ${freeDay}`, done: `${timesStep} [data-action="book-slot"]` });
  await page.locator(`${timesStep} ${freeSlot}`).first().waitFor({ timeout: 10_000 });
  await page.evaluate(({ selector, index }) => document.querySelectorAll(selector)[index]?.setAttribute('data-bench-slot', ''), {
    selector: `${timesStep} ${freeSlot}`,
    index: round,
  });
  await measure({ name: 'slots→booked', tap: '[data-bench-slot]', done: '[data-testid="appointment-booked"]' });
  await measure({ name: 'booked→menu', tap: `${stepOf('appointment-booked')} [data-action="done"]`, done: screen('menu') });

  // 取号: a kind of window (another each visit), the ticket, back to the menu
  await measure({ name: 'menu→queue', tap: '[data-action="service"][data-service="queue"]', done: screen('queue') });
  await action(page, 'take-number').first().waitFor({ timeout: 10_000 });
  await page.evaluate(
    (index) => document.querySelectorAll('[data-action="take-number"]')[index]?.setAttribute('data-bench-kind', ''),
    round % queueKinds,
  );
  await measure({ name: 'queue→ticket', tap: '[data-bench-kind]', done: '[data-testid="queue-number"]' });
  await measure({ name: 'ticket→menu', tap: `${stepOf('queue-ticket')} [data-action="done"]`, done: screen('menu') });

  // 打印证明 to the end of the visit
  await measure({
    name: 'menu→certificate-preview',
    tap: `[data-action="service"]${certificateService}`,
    done: screen('certificate-preview'),
  });
  await action(page, 'print').first().waitFor({ timeout: 15_000 });
  await measure({ name: 'preview→copies', tap: '[data-action="print"]', done: '[data-action="copies"]' });
  await measure({ name: 'copies→printing', tap: '[data-action="copies"][data-copies="1"]', done: screen('printing') });
  await waitForScreen(page, 'take-document', 30_000);
  await measure({ name: 'take-document→rating', tap: '[data-action="done"]', done: screen('rating') });
  await measure({ name: 'rating→goodbye', tap: '[data-action="rate"][data-grade="5"]', done: screen('goodbye') });
  await advanceTo(page, 'attract', [action(page, 'done')]);

  // 申请办理 step by step, a second visit: guide, two questions on the keypad, review, 实人认证
  // (staff alternative, not timed: the camera screens are measured by their own bench), signature,
  // consent, submit → receipt (the application is committed before the receipt shows), rating
  await identify();
  await advanceTo(page, 'menu', [action(page, 'continue')]);
  await removeCard();
  await measure({ name: 'menu→apply', tap: '[data-action="service"][data-service="apply"]', done: screen('apply') });
  await action(page, 'choose-item', `[data-code="${flexibleEmployment}"]`).first().waitFor({ timeout: 10_000 });
  await measure({
    name: 'apply→guide',
    tap: `[data-action="choose-item"][data-code="${flexibleEmployment}"]`,
    done: stepOf('apply-guide'),
  });
  await measure({ name: 'guide→question', tap: `${stepOf('apply-guide')} [data-action="next"]`, done: stepOf('apply-field-digits') });
  await typeDigits(page, '13812345678');
  await measure({
    name: 'question→question',
    tap: '[data-action="next"]',
    done: `${stepOf('apply-field-digits')} [data-testid="field-value"]:empty`,
  });
  await typeDigits(page, '202601');
  await measure({ name: 'question→review', tap: '[data-action="next"]', done: '[data-testid="apply-review"]' });
  await measure({ name: 'review→face-check', tap: `${stepOf('apply-review')} [data-action="next"]`, done: '[data-screen="face-check"]' });
  await verifyByStaff(page);
  await signName(page);
  await measure({ name: 'signature→consent', tap: `${stepOf('apply-sign')} [data-action="next"]`, done: stepOf('apply-consent') });
  await action(page, 'consent').first().click();
  await measure({ name: 'consent→receipt', tap: '[data-action="submit-application"]', done: '[data-testid="case-number"]' });
  await measure({ name: 'receipt→rating', tap: `${stepOf('apply-receipt')} [data-action="done"]`, done: screen('rating') });
  await action(page, 'skip-rating').first().click();
  await advanceTo(page, 'attract', [action(page, 'done')]);

  // 预约签到 on the attract screen: an appointment for now is scanned; the check-in tap gives the ticket
  const appointmentId = `YY-BENCH-${round}`;
  bookAppointmentForNow(bridge.dataDir, { id: appointmentId, idNumber: `33010620000101${String(1000 + round)}` });
  await expectStatus(
    bridgeRequest(bridge.url, 'POST', apiPaths.simScan, { data: `tongban:appointment:${appointmentId}` }),
    204,
    'scan the appointment',
  );
  await action(page, 'check-in').first().waitFor({ timeout: 15_000 });
  await measure({ name: 'check-in→ticket', tap: '[data-action="check-in"]', done: stepOf('check-in-ticket') });
  await measure({ name: 'check-in ticket→attract', tap: `${stepOf('check-in-ticket')} [data-action="done"]`, done: screen('attract') });
  return results;
}

async function gzipBytes(assetPath: string): Promise<number> {
  const file = path.join(uiDistDir, decodeURIComponent(new URL(assetPath).pathname));
  return gzipSync(await readFile(file), { level: constants.Z_BEST_COMPRESSION }).length;
}

async function runAt(
  rate: number,
  rounds: number,
): Promise<{ perStep: Map<string, number[]>; firstRound: Array<{ step: string; assets: string[] }>; initial: string[] }> {
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
      const results = await visit(page, bridge, fetched, round);
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
