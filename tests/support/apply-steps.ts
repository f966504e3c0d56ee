// Steps of the 申请办理 journey as a citizen takes them on the kiosk screen, shared by the browser
// tests (journey, privacy, accessibility, platform-down) and the bench, so each walks the same way.
import type { Page } from 'playwright-core';
import { action } from './kiosk-ui.ts';

/** 灵活就业人员参保登记: a phone number and a start month (numeric keypad only) */
export const flexibleEmployment = '330100-JD-00131-000';
/** 住房公积金个人账户转移: a phone number and 转出地公积金中心, a Chinese answer typed in pinyin */
export const housingFundTransfer = '330100-GJ-00330-000';
/** needs the 户口簿 page photographed on the document camera */
export const needsPhotographedMaterial = '330100-YB-00210-000';

/** The simulated kiosk's staff code for the face check's staff alternative. */
export const simulatedStaffCode = '135790';

export async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.locator(`.keyboard [data-key="${digit}"]`).first().click();
}

/**
 * Types Chinese the way a citizen does on the pinyin keyboard: each syllable's letters, then the
 * character from the candidate row, paging on (›) while it is not on the row shown.
 */
export async function typePinyin(page: Page, syllables: ReadonlyArray<{ pinyin: string; character: string }>): Promise<void> {
  const pinyinMode = page.locator('.keyboard [data-key="mode-pinyin"]').first();
  if ((await pinyinMode.count()) > 0 && (await pinyinMode.getAttribute('aria-pressed')) !== 'true') await pinyinMode.click();
  for (const { pinyin, character } of syllables) {
    for (const letter of pinyin) await page.locator(`.keyboard [data-key="${letter}"]`).first().click();
    const candidate = page.locator(`.keyboard [data-candidate="${character}"]`).first();
    for (let pages = 0; !(await candidate.isVisible()); pages++) {
      if (pages >= 10) throw new Error(`"${character}" is not among the candidates for "${pinyin}"`);
      await page.locator('.keyboard [data-key="next-page"]').first().click();
    }
    await candidate.click();
  }
}

/**
 * 实人认证 before the declaration: the face-check screen offers the face check and its alternative;
 * this takes the staff alternative (the simulated kiosk's staff code), which needs no face.
 */
export async function verifyByStaff(page: Page): Promise<void> {
  await page.locator('[data-screen="face-check"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  await action(page, 'face-staff').first().click();
  await typeDigits(page, simulatedStaffCode);
  await action(page, 'face-staff-confirm').first().click();
}

/** Draws one stroke on the signature pad with the mouse (points as fractions of the pad). */
export async function drawStroke(page: Page, points: readonly [number, number][]): Promise<void> {
  const box = await page.locator('[data-testid="signature-pad"]').first().boundingBox();
  if (box === null) throw new Error('the signature pad is not on screen');
  const at = ([x, y]: [number, number]) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 8 });
  await page.mouse.up();
}

/** Signs with two strokes and waits until the pad accepts it as a signature (next not yet tapped). */
export async function signName(page: Page): Promise<void> {
  await page.locator('[data-testid="signature-pad"]').first().waitFor({ state: 'visible', timeout: 15_000 });
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
}
