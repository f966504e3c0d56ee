// 申请办理 in Chromium against the real bridge (embedded platform, simulated receipt printer): choose
// an item, read what to bring, answer on the numeric keypad (name and ID are never asked), review,
// 实人认证, 手写签名 (mouse strokes), consent, submit once, receipt with its 办件编号 printed, rate that
// case, goodbye. A Chinese answer is typed on the pinyin keyboard (candidates, paging). An item that
// needs a photographed material goes through the document camera; with the camera gone it says so
// instead. The face-check and document-capture screens are audited (axe, sizes) inside the kiosk,
// and each of their views speaks its own step clip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiPaths, applicationReceiptSchema, type SimFixture } from '@tongban/device-bridge/api';
import type { RunningBridge } from '../support/bridge-process.ts';
import type { KioskPage } from '../support/browser.ts';
import { startJourneyKiosk, type JourneyKiosk } from '../support/journey-kiosk.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { auditScreen, voiceProblem, type ScreenAudit } from './a11y-audit.ts';
import { action, advanceTo, pageHtml, placeCard, resetKiosk, simFixture, step, waitForScreen } from '../support/kiosk-ui.ts';
import {
  drawStroke,
  flexibleEmployment,
  housingFundTransfer,
  needsPhotographedMaterial,
  signName,
  simulatedStaffCode,
  typeDigits as typeDigitsOn,
  typePinyin,
} from '../support/apply-steps.ts';
import type { StepName } from '../../kiosk-ui/src/voice/steps.ts';

let bridge: RunningBridge;
let journey: JourneyKiosk;
let kiosk: KioskPage;
let citizen: SimFixture;

beforeAll(async () => {
  journey = await startJourneyKiosk();
  ({ bridge, kiosk } = journey);
  citizen = await simFixture(bridge.url, 'zhang-wei');
});

afterAll(async () => {
  await journey?.close();
});

const typeDigits = (digits: string) => typeDigitsOn(kiosk.page, digits);

/** axe and the kiosk's own minimums (text size, touch targets) on the view as it is now */
async function expectAccessible(page: Page) {
  const result: ScreenAudit = await auditScreen(page);
  expect([...result.violations, ...result.smallText, ...result.smallTargets]).toEqual([]);
}

/** the view `step` is on screen and the voice speaks that step's own clip (not the apply screen's) */
async function expectStepVoice(page: Page, step: StepName) {
  await page.locator(`[data-step="${step}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
  expect(await voiceProblem(page)).toBeNull();
  expect(await page.evaluate(() => document.documentElement.dataset.voiceClip)).toBe(`zh-CN:${step}`);
}

/** 实人认证 by the staff alternative; the face-check screen's choice and staff views are audited on the way */
async function verifyByStaff() {
  const { page } = kiosk;
  await page.locator('[data-screen="face-check"] [data-action="face-staff"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  await expectStepVoice(page, 'face-check-choice');
  await expectAccessible(page);
  await action(page, 'face-staff').first().click();
  await expectStepVoice(page, 'face-check-staff');
  await expectAccessible(page);
  await typeDigits(simulatedStaffCode);
  await action(page, 'face-staff-confirm').first().click();
}

/**
 * 手写签名 after the identity check: a tap is not a signature (next stays disabled), "write again"
 * clears the pad, two strokes sign it.
 */
async function signWithMouse() {
  const { page } = kiosk;
  const pad = page.locator('[data-testid="signature-pad"]').first();
  await pad.waitFor({ state: 'visible', timeout: 15_000 });
  const next = action(page, 'next').first();
  expect(await next.isDisabled()).toBe(true);
  const box = (await pad.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(await pad.getAttribute('data-signed')).toBe('false');
  expect(await next.isDisabled()).toBe(true);
  await drawStroke(page, [
    [0.1, 0.5],
    [0.3, 0.3],
    [0.5, 0.6],
  ]);
  await page.locator('[data-testid="signature-pad"][data-signed="true"]').first().waitFor({ state: 'attached' });
  await action(page, 'clear-signature').first().click();
  await page.locator('[data-testid="signature-pad"][data-signed="false"]').first().waitFor({ state: 'attached' });
  expect(await next.isDisabled()).toBe(true);
  await drawStroke(page, [
    [0.1, 0.6],
    [0.25, 0.3],
    [0.4, 0.7],
    [0.55, 0.3],
  ]);
  await drawStroke(page, [
    [0.6, 0.5],
    [0.9, 0.45],
  ]);
  await page.locator('[data-testid="signature-pad"][data-signed="true"]').first().waitFor({ state: 'attached' });
  expect(await next.isDisabled()).toBe(false);
  await expectAccessible(page);
  await next.click();
}

const signatureDataUrl = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

describe('apply for 灵活就业人员参保登记', () => {
  it('choose → guide → phone → start month → review → consent → submit → receipt → rating → goodbye', async () => {
    const { page } = kiosk;
    await step(page, 'card placed, menu, apply', async () => {
      await waitForScreen(page, 'attract');
      await placeCard(bridge.url, citizen.id);
      await advanceTo(page, 'menu');
      await action(page, 'service', '[data-service="apply"]').first().click();
      await action(page, 'choose-item').first().waitFor({ state: 'visible', timeout: 15_000 });
    });

    await step(page, 'the guide lists what to bring; the form never asks for name or ID', async () => {
      await action(page, 'choose-item', `[data-code="${flexibleEmployment}"]`).first().click();
      const guide = page.locator('[data-testid="apply-guide"]').first();
      await guide.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await guide.innerText()).toContain('居民身份证');
      await action(page, 'next').first().click();
    });

    await step(page, 'phone number on the keypad; Next only once it is a phone number', async () => {
      const next = action(page, 'next').first();
      await typeDigits('1381234');
      expect(await next.isDisabled()).toBe(true);
      await typeDigits('5678');
      expect(await page.locator('[data-testid="field-value"]').first().innerText()).toBe('13812345678');
      await next.click();
    });

    await step(page, 'start month as digits, shown with a dash', async () => {
      await expect.poll(() => page.locator('[data-screen="apply"] h1').first().innerText()).toBe('参保起始月份');
      await typeDigits('202601');
      expect(await page.locator('[data-testid="field-value"]').first().innerText()).toBe('2026-01');
      await action(page, 'next').first().click();
    });

    await step(page, 'review shows the masked applicant and the answers', async () => {
      const review = page.locator('[data-testid="apply-review"]').first();
      await review.waitFor({ state: 'visible' });
      const text = await review.innerText();
      expect(text).toContain('13812345678');
      expect(text).toContain('2026-01');
      expect(await pageHtml(page)).not.toContain(citizen.card.idNumber);
      await action(page, 'next').first().click();
    });

    await step(page, '实人认证 (staff alternative) before the declaration', verifyByStaff);
    await step(page, '手写签名 with the mouse: a tap is refused, write again, sign', signWithMouse);

    const receipt = await step(page, 'consent first, then one submit: 201 with a case number, printed receipt', async () => {
      const submit = action(page, 'submit-application').first();
      await submit.waitFor({ state: 'visible' });
      expect(await submit.isDisabled()).toBe(true);
      await action(page, 'consent').first().click();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.applications) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        submit.click(),
      ]);
      expect(response.status()).toBe(201);
      const body = JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>;
      expect(body).toMatchObject({ itemCode: flexibleEmployment, form: { phone: '13812345678', startMonth: '2026-01' } });
      expect(String(body.signature)).toMatch(signatureDataUrl);
      // the applicant comes from the bridge's session, never from the page
      expect(JSON.stringify(body)).not.toContain(citizen.card.idNumber);
      const parsed = applicationReceiptSchema.parse(await response.json());
      const shown = page.locator('[data-testid="case-number"]').first();
      await shown.waitFor({ state: 'visible' });
      expect(await shown.getAttribute('data-case')).toBe(parsed.caseNumber);
      // the receipt with its 办件编号 came out of the receipt printer, and the screen says so
      expect(parsed.receiptPrinted).toBe(true);
      expect(await page.locator('[data-testid="receipt-printed"]').first().getAttribute('data-printed')).toBe('true');
      return parsed;
    });

    await step(page, 'done → the rating of this case → goodbye', async () => {
      await action(page, 'done').first().click();
      await waitForScreen(page, 'rating');
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.ratings) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        action(page, 'rate', '[data-grade="4"]').first().click(),
      ]);
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
        grade: 4,
        serviceCode: flexibleEmployment,
        caseId: receipt.caseNumber,
      });
      await advanceTo(page, 'attract', [action(page, 'done')], 30_000);
      expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
    });
  });
});

describe('apply with a material photographed on the document camera (高拍仪)', () => {
  it('phone → photograph the 户口簿 page → review → submit carries the capture', async () => {
    const { page } = kiosk;
    await expectStatus(
      bridgeRequest(bridge.url, 'POST', apiPaths.simCameraScene('document-camera'), { scene: { kind: 'document', title: '户口簿' } }),
      204,
      'document on the desk',
    );
    await step(page, 'card, menu, apply, the item', async () => {
      await waitForScreen(page, 'attract');
      await placeCard(bridge.url, citizen.id);
      await advanceTo(page, 'menu');
      await action(page, 'service', '[data-service="apply"]').first().click();
      await action(page, 'choose-item', `[data-code="${needsPhotographedMaterial}"]`).first().click();
      await page.locator('[data-testid="apply-guide"]').first().waitFor({ state: 'visible', timeout: 10_000 });
      await action(page, 'next').first().click();
      await typeDigits('13812345678');
      await action(page, 'next').first().click();
    });

    await step(page, 'the capture screen takes the page; done goes on to the review', async () => {
      const capture = page.locator('[data-screen="document-capture"]').first();
      await capture.waitFor({ state: 'visible', timeout: 15_000 });
      await expectStepVoice(page, 'document-capture-preview');
      await action(page, 'capture-take').first().click();
      await action(page, 'capture-done').first().waitFor({ state: 'visible', timeout: 20_000 });
      await expectStepVoice(page, 'document-capture-review');
      await expectAccessible(page);
      await action(page, 'capture-done').first().click();
      await page.locator('[data-testid="apply-review"]').first().waitFor({ state: 'visible', timeout: 10_000 });
      await action(page, 'next').first().click();
      await verifyByStaff();
      await signWithMouse();
    });

    await step(page, 'submit: 201, the body names the material and its capture', async () => {
      await action(page, 'consent').first().click();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.applications) && candidate.request().method() === 'POST', {
          timeout: 20_000,
        }),
        action(page, 'submit-application').first().click(),
      ]);
      expect(response.status()).toBe(201);
      const body = JSON.parse(response.request().postData() ?? '{}') as {
        materials: { materialId: string; captureId: string }[];
        signature?: string;
      };
      expect(body.signature).toMatch(signatureDataUrl);
      expect(body.materials).toEqual([expect.objectContaining({ materialId: 'household-register' })]);
      await page.locator('[data-testid="case-number"]').first().waitFor({ state: 'visible' });
    });

    await step(page, '非常不满意 needs at least one indicator; the rating carries the chosen ones', async () => {
      await action(page, 'done').first().click();
      await waitForScreen(page, 'rating');
      // nothing is chosen for the citizen
      expect(await page.locator('[data-action="rate"][aria-pressed="true"], .indicator-button--chosen').count()).toBe(0);
      await action(page, 'rate', '[data-grade="1"]').first().click();
      const submit = action(page, 'submit-rating').first();
      await submit.waitFor({ state: 'visible' });
      expect(await submit.isDisabled()).toBe(true);
      await action(page, 'indicator', '[data-indicator="efficiency"]').first().click();
      await action(page, 'indicator', '[data-indicator="operability"]').first().click();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.ratings) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        submit.click(),
      ]);
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ grade: 1, indicators: ['efficiency', 'operability'] });
    });

    await step(page, 'with the document camera gone, the same item says it cannot be done here', async () => {
      await advanceTo(page, 'attract', [action(page, 'done')], 30_000);
      await expectStatus(
        bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('document-camera', 'disconnect')),
        204,
        'unplug the document camera',
      );
      await placeCard(bridge.url, citizen.id);
      await advanceTo(page, 'menu');
      await action(page, 'service', '[data-service="apply"]').first().click();
      await action(page, 'choose-item', `[data-code="${needsPhotographedMaterial}"]`).first().click();
      await page.locator('[data-testid="apply-not-here"]').first().waitFor({ state: 'visible', timeout: 10_000 });
      expect(await action(page, 'next').count()).toBe(0);
      await expectStatus(bridgeRequest(bridge.url, 'POST', apiPaths.simDevice('document-camera', 'connect')), 204, 'plug it back');
    });
  });
});

describe('apply for 住房公积金个人账户转移 with a Chinese answer typed in pinyin', () => {
  it('phone → 转出地公积金中心 on the pinyin keyboard → review → submit carries it → receipt printed', async () => {
    const { page } = kiosk;
    const answer = '杭州公积金中心';
    await step(page, 'card, menu, apply, the item, the phone number', async () => {
      // the visit before ended on a guide: the next citizen starts at attract
      await resetKiosk(bridge.url);
      await waitForScreen(page, 'attract');
      await placeCard(bridge.url, citizen.id);
      await advanceTo(page, 'menu');
      await action(page, 'service', '[data-service="apply"]').first().click();
      await action(page, 'choose-item', `[data-code="${housingFundTransfer}"]`).first().click();
      await page.locator('[data-testid="apply-guide"]').first().waitFor({ state: 'visible', timeout: 10_000 });
      await action(page, 'next').first().click();
      await typeDigits('13812345678');
      await action(page, 'next').first().click();
    });

    await step(page, '转出地公积金中心 typed syllable by syllable, choosing each character (积 is on the second page)', async () => {
      await expect.poll(() => page.locator('[data-screen="apply"] h1').first().innerText()).toBe('转出地公积金中心');
      expect(await page.locator('.keyboard').first().getAttribute('data-mode')).toBe('pinyin');
      const next = action(page, 'next').first();
      expect(await next.isDisabled()).toBe(true);
      // the letters typed so far are shown while composing, then the row of characters for them
      for (const letter of 'hang') await page.locator(`.keyboard [data-key="${letter}"]`).first().click();
      expect(await page.locator('[data-testid="pinyin-composing"]').first().innerText()).toBe('hang');
      expect(await page.locator('.keyboard [data-candidate]').allInnerTexts()).toContain('杭');
      await page.locator('.keyboard [data-candidate="杭"]').first().click();
      await typePinyin(page, [
        { pinyin: 'zhou', character: '州' },
        { pinyin: 'gong', character: '公' },
        { pinyin: 'ji', character: '积' },
        { pinyin: 'jin', character: '金' },
        { pinyin: 'zhong', character: '中' },
        { pinyin: 'xin', character: '心' },
      ]);
      expect(await page.locator('[data-testid="field-value"]').first().innerText()).toBe(answer);
      expect(await next.isDisabled()).toBe(false);
      await next.click();
    });

    await step(page, 'review shows the answer; 实人认证, signature, consent, submit', async () => {
      const review = page.locator('[data-testid="apply-review"]').first();
      await review.waitFor({ state: 'visible' });
      expect(await review.locator('[data-field="fromCenter"]').innerText()).toBe(answer);
      await action(page, 'next').first().click();
      await verifyByStaff();
      await signName(page);
      await action(page, 'next').first().click();
      await action(page, 'consent').first().click();
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(apiPaths.applications) && candidate.request().method() === 'POST', {
          timeout: 15_000,
        }),
        action(page, 'submit-application').first().click(),
      ]);
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
        itemCode: housingFundTransfer,
        form: { phone: '13812345678', fromCenter: answer },
      });
      expect(applicationReceiptSchema.parse(await response.json()).receiptPrinted).toBe(true);
    });

    await step(page, 'the receipt was printed, and says so; done → rating → skip → goodbye', async () => {
      const printed = page.locator('[data-testid="receipt-printed"]').first();
      await printed.waitFor({ state: 'visible' });
      expect(await printed.getAttribute('data-printed')).toBe('true');
      await action(page, 'done').first().click();
      await waitForScreen(page, 'rating');
      await action(page, 'skip-rating').first().click();
      await advanceTo(page, 'attract', [action(page, 'done')], 30_000);
    });
  });
});
