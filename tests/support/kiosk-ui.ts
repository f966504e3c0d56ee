// Steps a citizen takes on the kiosk screen, written against the UI's selector contract
// (data-screen / data-action / data-testid), so tests read like the journey they check.
import type { Locator, Page } from 'playwright-core';
import { apiPaths, simFixtureSchema, type SimFixture } from '@tongban/device-bridge/api';
import { bridgeRequest, expectStatus } from './http.ts';
import { waitFor } from './wait.ts';

import type { ScreenName } from '../../kiosk-ui/src/flows/screen-names.ts';

export { screenNames, type ScreenName } from '../../kiosk-ui/src/flows/screen-names.ts';

export function screen(page: Page, name: ScreenName): Locator {
  return page.locator(`[data-screen="${name}"]`);
}

export function action(scope: Page | Locator, name: string, extra = ''): Locator {
  return scope.locator(`[data-action="${name}"]${extra}`);
}

export const certificateService = '[data-service="social-insurance-contribution"]';

/** Which screen is showing now (the first visible data-screen root), for failure messages. */
export async function currentScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const roots = Array.from(document.querySelectorAll<HTMLElement>('[data-screen]'));
    const visible = roots.find((root) => root.offsetParent !== null || root.getClientRects().length > 0);
    return visible?.dataset.screen ?? '(none)';
  });
}

/** Waits until `name` is on screen; on timeout the error names the screen that was showing instead. */
export async function waitForScreen(page: Page, name: ScreenName, timeoutMs = 15_000): Promise<Locator> {
  const root = screen(page, name);
  try {
    await root.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`expected the "${name}" screen within ${timeoutMs} ms, but "${await currentScreen(page)}" is showing`);
  }
  return root.first();
}

/**
 * Moves on to `target` the way a citizen would: if the current screen waits for a tap on one of
 * `taps` (e.g. "done" on take-document), tap it; otherwise wait for the UI to advance by itself.
 */
export async function advanceTo(page: Page, target: ScreenName, taps: Locator[] = [], timeoutMs = 20_000): Promise<Locator> {
  const destination = screen(page, target).first();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await destination.isVisible()) return destination;
    for (const tap of taps) {
      const button = tap.first();
      if (await button.isVisible()) {
        await button.click({ timeout: 2_000 }).catch(() => undefined);
        break;
      }
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`expected to reach the "${target}" screen within ${timeoutMs} ms, but "${await currentScreen(page)}" is showing`);
}

/**
 * Places a fixture citizen's card through the on-screen dev panel (simulated devices only), then
 * closes the panel again as a tester would, so it does not cover the citizen's screen.
 */
export async function placeCardViaDevPanel(page: Page, fixtureId: string): Promise<void> {
  const toggle = page.locator('[data-testid="dev-panel-toggle"]').first();
  const fixtureButton = page.locator(`[data-fixture="${fixtureId}"]`).first();
  if (!(await fixtureButton.isVisible())) await toggle.click();
  await fixtureButton.click();
  if (await fixtureButton.isVisible()) await toggle.click();
  await fixtureButton.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** Runs one step of a journey; a failure names the step and the screen that was showing. */
export async function step<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`step "${name}" failed on the "${await currentScreen(page).catch(() => '?')}" screen: ${detail}`, {
      cause: error,
    });
  }
}

/** Ends whatever session a previous test left behind, so each journey starts at attract. */
export async function resetKiosk(baseUrl: string): Promise<void> {
  await bridgeRequest(baseUrl, 'DELETE', apiPaths.simCard);
  const ended = await bridgeRequest(baseUrl, 'DELETE', apiPaths.session, { reason: 'exit' });
  if (ended.status !== 204 && ended.status !== 404) {
    throw new Error(`could not end the previous session: ${ended.status} ${ended.text}`);
  }
}

/** Everything the page holds right now, hidden parts included: what a later citizen could dig out. */
export function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

export async function simFixtures(baseUrl: string): Promise<SimFixture[]> {
  const response = await expectStatus(bridgeRequest(baseUrl, 'GET', apiPaths.simFixtures), 200, 'GET /api/sim/fixtures');
  return simFixtureSchema.array().parse(response.json());
}

export async function simFixture(baseUrl: string, id: string): Promise<SimFixture> {
  const found = (await simFixtures(baseUrl)).find((fixture) => fixture.id === id);
  if (found === undefined) throw new Error(`the bridge has no fixture "${id}"`);
  return found;
}

/** Places a card through the simulation API (keeps the dev panel, which lists fixtures, closed). */
export async function placeCard(baseUrl: string, fixtureId: string): Promise<void> {
  await expectStatus(bridgeRequest(baseUrl, 'POST', apiPaths.simCard, { fixture: fixtureId }), 204, `place card ${fixtureId}`);
}

/** Places `fixtureId`'s card and waits until the bridge holds the session it opens (no screen involved). */
export async function openSessionFor(baseUrl: string, fixtureId: string): Promise<void> {
  await placeCard(baseUrl, fixtureId);
  await waitFor(
    'session',
    async () => {
      const response = await bridgeRequest(baseUrl, 'GET', apiPaths.session);
      return { value: response.status === 200 ? true : undefined };
    },
    10_000,
  );
}

export async function removeCard(baseUrl: string): Promise<void> {
  await expectStatus(bridgeRequest(baseUrl, 'DELETE', apiPaths.simCard), 204, 'remove card');
}

/** What must never reach the screen after the session, or the logs ever, for this citizen. */
export function personalStrings(fixture: SimFixture): { full: string[]; masked: string[] } {
  const { name, idNumber } = fixture.card;
  return {
    full: [name, idNumber],
    masked: [maskedNameOf(name), maskedIdOf(idNumber)],
  };
}

/** 110105********1234: the masking rule of docs/architecture.md, restated here so the tests check it independently. */
export function maskedIdOf(idNumber: string): string {
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

/** 张* / 欧阳** : first character, one star per hidden character. */
export function maskedNameOf(name: string): string {
  const chars = Array.from(name);
  return chars[0] + '*'.repeat(chars.length - 1);
}
