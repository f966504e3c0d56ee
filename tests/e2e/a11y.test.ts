// Every screen of the kiosk, and the steps inside the journeys, in default, elder (关爱模式),
// high-contrast and elder + high-contrast modes, in Chinese and English, checked in Debian Chromium
// against the real bridge with simulated devices: axe-core finds no WCAG A/AA violation, no visible
// text is below the mode's minimum size and no touch target is below the mode's minimum (default
// 24 px text / 48 px targets, elder 32 / 64); elder screens ask one thing; the voice speaks the
// view on screen; "call staff" never moves.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { openKioskPage, type KioskOrientation } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import {
  action,
  advanceTo,
  certificateService,
  placeCard,
  removeCard,
  resetKiosk,
  screenNames,
  waitForScreen,
} from '../support/kiosk-ui.ts';
import { showGuideItems, tapMenuEntry } from '../support/menu-steps.ts';
import { chooseFreeDay, daysStep, openFirstItemDays } from '../support/appointment-steps.ts';
import { housingFundTransfer, signName, typeDigits, typePinyin, verifyByStaff } from '../support/apply-steps.ts';
import { auditScreen, chooseDisplay, voiceProblem, type AuditResult } from './a11y-audit.ts';

let bridge: RunningBridge;
let browser: Browser;

beforeAll(async () => {
  [bridge, browser] = await Promise.all([
    startBridge({
      config: {
        session: { idleTimeoutSeconds: 600, countdownSeconds: 30 },
        // slow enough to audit the "reading" and "printing" screens while they show
        devices: { 'id-reader': { driver: 'simulated', readMs: 1_200 }, 'a4-printer': { driver: 'simulated', pageMs: 1_200 } },
      },
    }),
    testBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

type Language = 'zh-CN' | 'en';

/**
 * Both kiosk shapes without doubling the run: each mode is walked once landscape (1920×1080 desk
 * unit) and once portrait (1080×1920 floor stand), one per language. Modes of the same sizes
 * (default and high contrast; elder and elder with high contrast) take opposite pairs, so between
 * them every language is seen in both shapes at each size (the call-staff check below needs that).
 */
const modes: ReadonlyArray<{
  name: string;
  elder: boolean;
  highContrast: boolean;
  orientations: Record<Language, KioskOrientation>;
  /**
   * The steps inside the journeys (record detail, case timeline, queue ticket, the appointment days
   * and times, the apply journey step by step) are walked in one language per mode, to keep the
   * file's run time reasonable; between the modes each language meets them in both shapes and
   * both text sizes.
   */
  innerSteps: Language;
}> = [
  { name: 'default', elder: false, highContrast: false, orientations: { 'zh-CN': 'landscape', en: 'portrait' }, innerSteps: 'zh-CN' },
  { name: 'high-contrast', elder: false, highContrast: true, orientations: { 'zh-CN': 'portrait', en: 'landscape' }, innerSteps: 'en' },
  { name: 'elder', elder: true, highContrast: false, orientations: { 'zh-CN': 'portrait', en: 'landscape' }, innerSteps: 'zh-CN' },
  {
    name: 'elder+high-contrast',
    elder: true,
    highContrast: true,
    orientations: { 'zh-CN': 'landscape', en: 'portrait' },
    innerSteps: 'en',
  },
];

/** What the inner-step walk must have audited (besides every screen's first view). */
const innerStepsWalked = [
  'records-detail',
  'progress-case',
  'queue-ticket',
  'appointment-days',
  'appointment-slots',
  'apply-guide',
  'apply-field-digits',
  'apply-field-text',
  'apply-review',
  'apply-sign',
  'apply-consent',
  'apply-submit-failed',
  'apply-receipt',
  'print-copies',
  'rating-indicators',
];
const languages: readonly Language[] = ['zh-CN', 'en'];

/** Where "call staff" was on each audited screen, by text size (elder or not) and orientation. */
const staffBoxes = new Map<string, Array<{ where: string; box: string }>>();

/** Screens this walk cannot reach with simulated devices (none at present). */
const notWalked = new Set<string>([]);

describe.each(modes)('$name mode', (mode) => {
  const cases = languages.map((language) => ({ language, orientation: mode.orientations[language] }));
  it.each(cases)('in $language, $orientation: every screen passes axe, text size and target size', async ({ language, orientation }) => {
    const inner = mode.innerSteps === language;
    const { page, close } = await openKioskPage(browser, bridge.url, orientation);
    const audits: AuditResult[] = [];
    const audit = async () => {
      const spoken = await voiceProblem(page);
      const result = await auditScreen(page);
      if (result.stable) audits.push(spoken ? { ...result, violations: [...result.violations, spoken] } : result);
      return result;
    };
    try {
      await resetKiosk(bridge.url);
      await waitForScreen(page, 'attract');
      await chooseDisplay(page, { elder: mode.elder, highContrast: mode.highContrast, language });
      await audit();

      // service guides, browsable without identifying: (elder: the categories first) the list and one guide
      await action(page, 'open-guides').first().click();
      await waitForScreen(page, 'guides');
      if (mode.elder) {
        await action(page, 'category').first().waitFor({ timeout: 10_000 });
        await audit();
      }
      await showGuideItems(page);
      await audit();
      await action(page, 'open-guide').first().click();
      await action(page, 'back').first().waitFor({ timeout: 10_000 });
      await audit();
      await advanceTo(page, 'attract', [action(page, 'close-guides')]);

      // an expired card: the rejection screen
      await placeCard(bridge.url, 'chen-expired');
      await waitForScreen(page, 'card-rejected');
      await audit();
      await removeCard(bridge.url);
      await advanceTo(page, 'attract', [action(page, 'done')]);

      // the certificate journey with a 34-year-old (elder mode comes from the switch, not the age)
      await placeCard(bridge.url, 'zhang-wei');
      await waitForScreen(page, 'card-reading');
      await audit();
      await waitForScreen(page, 'greeting');
      await audit();
      await advanceTo(page, 'menu', [action(page, 'continue')]);
      await audit();
      await action(page, 'call-staff').first().click();
      await page.locator('[data-testid="staff-dialog"][data-call="called"]').waitFor();
      await audit();
      await action(page, 'close-help').first().click();
      // the other journeys' first screens, each left the way a citizen leaves it
      for (const journey of ['records', 'progress', 'apply', 'appointment', 'queue'] as const) {
        await tapMenuEntry(page, journey);
        await waitForScreen(page, journey);
        await page
          .locator(`[data-screen="${journey}"] [data-action="back"], [data-screen="${journey}"] [data-action="close-journey"]`)
          .first()
          .waitFor({ timeout: 10_000 });
        await audit();
        if (inner && journey === 'records') {
          await action(page, 'open-record', '[data-available="true"]').first().click();
          await page.locator('[data-testid="record-view"]').first().waitFor({ timeout: 10_000 });
          await audit();
          await action(page, 'back').first().click();
        }
        if (inner && journey === 'progress') {
          await action(page, 'open-case').first().click();
          await page.locator('[data-testid="application-case"]').first().waitFor({ timeout: 10_000 });
          await audit();
          await action(page, 'back').first().click();
        }
        if (inner && journey === 'appointment') {
          // 预约: the days, then one day's times (nothing booked), back to the days and the items
          await openFirstItemDays(page);
          await audit();
          await chooseFreeDay(page);
          await audit();
          await action(page, 'back').first().click();
          await page.locator(daysStep).first().waitFor({ timeout: 10_000 });
          await action(page, 'back').first().click();
          await action(page, 'choose-item').first().waitFor({ timeout: 10_000 });
        }
        if (inner && journey === 'queue') {
          // a different kind of window in each mode: one ticket per kind and citizen a day
          await action(page, 'take-number').nth(modes.indexOf(mode)).click();
          await page.locator('[data-testid="queue-number"]').first().waitFor({ timeout: 10_000 });
          await audit();
          await action(page, 'done').first().click();
        }
        if (journey === 'apply') {
          // 灵活就业人员参保登记: its guide, then a question on the numeric keypad (keys sized per mode)
          await action(page, 'choose-item', '[data-code="330100-JD-00131-000"]').first().click();
          await page.locator('[data-testid="apply-guide"]').first().waitFor({ timeout: 10_000 });
          await audit();
          await action(page, 'next').first().click();
          await page.locator('.keyboard [data-key="1"]').first().waitFor({ timeout: 5_000 });
          await audit();
        }
        await advanceTo(page, 'menu', [action(page, 'close-journey'), action(page, 'back')]);
      }
      if (mode.elder) {
        // the elder menu's second page: the certificates
        await action(page, 'menu-group', '[data-group="print"]').first().click();
        await action(page, 'service', certificateService).first().waitFor();
        await audit();
      }
      await tapMenuEntry(page, 'social-insurance-contribution');
      await waitForScreen(page, 'certificate-preview');
      await page.locator('[data-action="print"]').first().waitFor({ timeout: 15_000 });
      await audit();
      await action(page, 'print').first().click();
      // how many copies (one tap that prints)
      const oneCopy = action(page, 'copies', '[data-copies="1"]').first();
      await oneCopy.waitFor({ timeout: 5_000 });
      await audit();
      await oneCopy.click();
      await waitForScreen(page, 'printing');
      await audit();
      await waitForScreen(page, 'take-document', 30_000);
      await audit();
      await action(page, 'done').first().click();
      await waitForScreen(page, 'rating');
      await audit();
      // a bad grade asks which indicator (好差评 差评): that state is audited too
      await action(page, 'rate', '[data-grade="2"]').first().click();
      await action(page, 'indicator').first().waitFor({ timeout: 5_000 });
      await audit();
      await action(page, 'indicator').first().click();
      await action(page, 'submit-rating').first().click();
      await waitForScreen(page, 'goodbye');
      await audit();
      await removeCard(bridge.url);
      await advanceTo(page, 'attract', [action(page, 'done')]);

      if (inner) {
        // 申请办理 step by step: 住房公积金个人账户转移 asks a phone number (keypad) and 转出地公积金中心
        // (pinyin keyboard); review, 实人认证, signature, consent, a failed submit, the receipt
        await chooseDisplay(page, { elder: mode.elder, highContrast: mode.highContrast, language });
        await placeCard(bridge.url, 'zhang-wei');
        await advanceTo(page, 'menu', [action(page, 'continue')]);
        await removeCard(bridge.url);
        await tapMenuEntry(page, 'apply');
        await action(page, 'choose-item', `[data-code="${housingFundTransfer}"]`).first().click();
        await page.locator('[data-testid="apply-guide"]').first().waitFor({ timeout: 10_000 });
        await action(page, 'next').first().click();
        await typeDigits(page, '13812345678');
        await action(page, 'next').first().click();
        for (const letter of 'hang') await page.locator(`.keyboard [data-key="${letter}"]`).first().click();
        await page.locator('.keyboard [data-candidate="杭"]').first().waitFor({ timeout: 5_000 });
        await audit();
        await page.locator('.keyboard [data-candidate="杭"]').first().click();
        await typePinyin(page, [{ pinyin: 'zhou', character: '州' }]);
        await action(page, 'next').first().click();
        await page.locator('[data-testid="apply-review"]').first().waitFor({ timeout: 5_000 });
        await audit();
        await action(page, 'next').first().click();
        await verifyByStaff(page);
        await signName(page);
        await audit();
        await action(page, 'next').first().click();
        await action(page, 'consent').first().click();
        await audit();
        // the platform refuses once (503): the submit-failed step, then the retry goes through
        await page.route(
          `**${apiPaths.applications}`,
          (route) =>
            route.fulfill({
              status: 503,
              contentType: 'application/json',
              body: JSON.stringify({ error: { code: 'platform-unavailable', message: 'The service system cannot be reached.' } }),
            }),
          { times: 1 },
        );
        await action(page, 'submit-application').first().click();
        await action(page, 'retry').first().waitFor({ timeout: 10_000 });
        await audit();
        await action(page, 'retry').first().click();
        await page.locator('[data-testid="case-number"]').first().waitFor({ timeout: 15_000 });
        await audit();
        await action(page, 'done').first().click();
        await waitForScreen(page, 'rating');
        await action(page, 'skip-rating').first().click();
        await advanceTo(page, 'attract', [action(page, 'done')]);
      }

      // a child has no tax record: the error screen (display chosen again after the visit's end)
      await chooseDisplay(page, { elder: mode.elder, highContrast: mode.highContrast, language });
      await placeCard(bridge.url, 'wang-xiaoyu');
      await advanceTo(page, 'menu', [action(page, 'continue')]);
      await removeCard(bridge.url);
      await tapMenuEntry(page, 'individual-income-tax');
      await waitForScreen(page, 'error');
      await audit();
      await action(page, 'exit').first().click();
      await advanceTo(page, 'attract', [action(page, 'done')]);

      // no way to identify anyone: out of service (the visit's end reset the display: choose again)
      await chooseDisplay(page, { elder: mode.elder, highContrast: mode.highContrast, language });
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('scanner', 'disconnect')), 204, 'disconnect');
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('id-reader', 'disconnect')), 204, 'disconnect');
      await waitForScreen(page, 'out-of-service');
      await audit();
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('id-reader', 'connect')), 204, 'connect');
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('scanner', 'connect')), 204, 'connect');
      await waitForScreen(page, 'attract');
    } finally {
      await close();
    }

    // the display stayed as chosen (the session end resets it only for the next citizen's session)
    expect(audits.map((result) => `${result.screen} · ${result.mode} · ${result.language}`)).toEqual(
      audits.map(
        (result) => `${result.screen} · ${mode.elder ? 'elder' : 'default'}${mode.highContrast ? '+high-contrast' : ''} · ${language}`,
      ),
    );
    const problems = audits.flatMap((result) =>
      [...result.violations, ...result.smallText, ...result.smallTargets, ...result.decisionProblems, ...result.unmarkedChinese].map(
        (problem) => `[${result.screen} · ${result.mode}] ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
    const covered = new Set(audits.map((result) => result.screen.split('+')[0]));
    expect(screenNames.filter((name) => !covered.has(name) && !notWalked.has(name))).toEqual([]);
    const steps = new Set(audits.map((result) => result.step));
    const elderPages = ['menu-groups', 'menu-group-print', 'guides-categories', 'guides-items'];
    const wanted = [...(inner ? innerStepsWalked : ['print-copies', 'rating-indicators']), ...(mode.elder ? elderPages : [])];
    expect(wanted.filter((name) => !steps.has(name))).toEqual([]);

    // call staff never moves: one box on every screen of this walk
    const boxes = audits.map((result) => ({ where: `${result.screen} · ${language}`, box: JSON.stringify(result.callStaff) }));
    expect(new Set(boxes.map((entry) => entry.box)), JSON.stringify(boxes)).toHaveLength(1);
    const key = `${mode.elder ? 'elder' : 'default'} sizes, ${orientation}`;
    staffBoxes.set(key, [...(staffBoxes.get(key) ?? []), ...boxes]);
  });
});

// after the walks above (vitest runs a file's tests in order): the same size and shape, either language
it('call staff has the same box on every audited screen in both languages, per orientation and text size', () => {
  expect([...staffBoxes.keys()].sort()).toEqual([
    'default sizes, landscape',
    'default sizes, portrait',
    'elder sizes, landscape',
    'elder sizes, portrait',
  ]);
  for (const [key, boxes] of staffBoxes) {
    expect(new Set(boxes.map((entry) => entry.box)), `${key}: ${JSON.stringify(boxes)}`).toHaveLength(1);
    expect(new Set(boxes.map((entry) => entry.where.split(' · ')[1])), key).toEqual(new Set(languages));
  }
});
