// What the accessibility browser tests measure on whatever is on screen: axe-core (WCAG 2.x A/AA
// including 2.2's target size), every visible text's size and every touch target's size against
// the minimums of the mode the kiosk root says it is in (kiosk-ui/src/a11y/display-mode.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { modeMinimums } from '../../kiosk-ui/src/a11y/display-mode.ts';
import { screenNames } from '../../kiosk-ui/src/flows/screen-names.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Simulation-only tester controls: not part of what a citizen uses. */
const testerOnly = ['.dev-toggle', '.dev-panel'];

export interface ScreenAudit {
  /** the screen (and overlay) that was audited, e.g. "menu" or "menu+staff-dialog" */
  screen: string;
  /** the step of the screen on view (`data-step`), or null for a screen's first view */
  step: string | null;
  mode: string;
  language: string;
  /** axe rule id → the offending elements (outer HTML, shortened) */
  violations: string[];
  smallText: string[];
  smallTargets: string[];
  /**
   * 关爱模式 (elder mode only): the screen asks one thing. Its controls outside the ways out
   * (secondary buttons of the action row) form at most one group of choices (a list, a
   * [role=group], the keyboard, or one lone control) plus at most one confirm button.
   */
  decisionProblems: string[];
  /**
   * On a screen in another language: visible Chinese text not marked `lang="zh-…"` (the platform's
   * item names, guides and labels stay Chinese, and must say so for a screen reader).
   */
  unmarkedChinese: string[];
  /** where "call staff" is (CSS px, rounded to 0.1), or null when it is not on screen */
  callStaff: { x: number; y: number; width: number; height: number } | null;
}

export interface AuditResult extends ScreenAudit {
  /** false when the screen changed while it was measured (an auto-advancing screen): discard */
  stable: boolean;
}

/** Audits the page as it is now. */
export async function auditScreen(page: Page): Promise<AuditResult> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ minimums, exclude, names }) => {
      const root = document.querySelector<HTMLElement>('.kiosk');
      const screenBefore = root?.dataset.currentScreen ?? '?';
      const overlay = document.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]');
      const elder = root?.dataset.elder === 'true';
      const min = elder ? minimums.elder : minimums.default;
      const mode = `${elder ? 'elder' : 'default'}${root?.dataset.contrast === 'high' ? '+high-contrast' : ''}`;
      const excluded = (element: Element) => exclude.some((selector) => element.closest(selector));
      const visible = (element: Element) => {
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const describe = (element: Element) => element.outerHTML.replace(/\s+/g, ' ').slice(0, 140);

      const smallText: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || excluded(parent) || !visible(parent)) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < min.textPx)
          smallText.push(`${size}px < ${min.textPx}px: "${node.textContent.trim().slice(0, 40)}" in ${describe(parent)}`);
      }

      const unmarkedChinese: string[] = [];
      if (!document.documentElement.lang.startsWith('zh')) {
        const chinese = /[\u3400-\u9fff]/;
        const textNodes = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = textNodes.nextNode(); node; node = textNodes.nextNode()) {
          const parent = node.parentElement;
          if (!parent || !chinese.test(node.textContent ?? '') || excluded(parent) || !visible(parent)) continue;
          if (!(parent.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh')) {
            unmarkedChinese.push(`"${(node.textContent ?? '').trim().slice(0, 30)}" in ${describe(parent)}`);
          }
        }
      }

      const smallTargets: string[] = [];
      const interactive = document.querySelectorAll(
        'button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])',
      );
      for (const element of interactive) {
        if (excluded(element) || !visible(element)) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width < min.targetPx || rect.height < min.targetPx) {
          smallTargets.push(`${Math.round(rect.width)}×${Math.round(rect.height)} < ${min.targetPx}: ${describe(element)}`);
        }
      }

      const axe = (
        window as unknown as {
          axe: {
            run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }>;
          };
        }
      ).axe;
      const result = await axe.run(
        { exclude: exclude.map((selector) => [selector]) },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] },
      );
      const violations = result.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.html.replace(/\s+/g, ' ').slice(0, 140)}`),
      );
      const decisionProblems: string[] = [];
      const section = Array.from(document.querySelectorAll<HTMLElement>('section.screen[data-screen]')).find(
        (candidate) => names.includes(candidate.dataset.screen ?? '') && visible(candidate),
      );
      if (elder && section && !overlay) {
        const controls = Array.from(
          section.querySelectorAll<HTMLElement>(
            'button, input, select, textarea, a[href], [role="button"], [role="radio"], [role="checkbox"]',
          ),
        ).filter((control) => visible(control) && !(control as HTMLButtonElement).disabled);
        const actionRow = (control: Element) => control.closest('.screen__actions') !== null;
        const confirms = controls.filter((control) => actionRow(control) && !control.classList.contains('big-button--secondary'));
        const groups = new Set(
          controls
            .filter((control) => !actionRow(control))
            .map((control) => control.closest('[data-choices], [role="group"], [role="radiogroup"], ul, ol, .keyboard') ?? control),
        );
        const label = (element: Element) =>
          (element as HTMLElement).dataset.action ??
          (element as HTMLElement).dataset.choices ??
          element.getAttribute('role') ??
          element.tagName.toLowerCase();
        if (groups.size > 1) decisionProblems.push(`${groups.size} groups of choices: ${[...groups].map(label).join(', ')}`);
        if (confirms.length > 1) decisionProblems.push(`${confirms.length} confirm buttons: ${confirms.map(label).join(', ')}`);
      }

      const staffButton = document.querySelector('[data-action="call-staff"]');
      const staffBox = staffButton?.getBoundingClientRect();
      const tenth = (value: number) => Math.round(value * 10) / 10;
      const callStaff = staffBox
        ? { x: tenth(staffBox.x), y: tenth(staffBox.y), width: tenth(staffBox.width), height: tenth(staffBox.height) }
        : null;
      const screenAfter = root?.dataset.currentScreen ?? '?';
      const overlayName = overlay ? `+${overlay.dataset.testid ?? overlay.getAttribute('role')}` : '';
      return {
        screen: `${screenBefore}${overlayName}`,
        step: section?.dataset.step ?? null,
        mode,
        language: document.documentElement.lang,
        violations,
        smallText,
        smallTargets,
        decisionProblems,
        unmarkedChinese,
        callStaff,
        stable: screenBefore === screenAfter && overlay === document.querySelector('[role="dialog"], [role="alertdialog"]'),
      };
    },
    { minimums: modeMinimums, exclude: testerOnly, names: [...screenNames] as string[] },
  );
}

/**
 * The spoken guidance matches what is on screen: the overlay's clip, else the step's own clip
 * (`data-step`), else the screen's. Waits up to `timeoutMs` for the voice to move on (it follows
 * after the render); returns a problem, or null.
 */
export async function voiceProblem(page: Page, timeoutMs = 3_000): Promise<string | null> {
  const expected = () =>
    page.evaluate(() => {
      const language = document.documentElement.lang;
      if (document.querySelector('[role="alertdialog"]')) return `${language}:idle-warning`;
      if (document.querySelector('[data-testid="staff-dialog"]')) return `${language}:staff-called`;
      const section = Array.from(document.querySelectorAll<HTMLElement>('section.screen[data-screen]')).find(
        (candidate) => candidate.getClientRects().length > 0,
      );
      return `${language}:${section?.dataset.step ?? section?.dataset.screen ?? '?'}`;
    });
  const want = await expected();
  try {
    await page.waitForFunction((clip) => document.documentElement.dataset.voiceClip === clip, want, { timeout: timeoutMs });
    return null;
  } catch {
    const spoken = await page.evaluate(() => document.documentElement.dataset.voiceClip ?? '(nothing)');
    // the screen moved on meanwhile: nothing to say about this one
    return (await expected()) === want ? `voice speaks "${spoken}" where "${want}" belongs` : null;
  }
}

/** Taps the mode switches and the language button until the kiosk shows the wanted combination. */
export async function chooseDisplay(page: Page, wanted: { elder: boolean; highContrast: boolean; language: string }): Promise<void> {
  const state = () =>
    page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.kiosk');
      return {
        elder: root?.dataset.elder === 'true',
        highContrast: root?.dataset.contrast === 'high',
        language: document.documentElement.lang,
      };
    });
  for (let attempt = 0; attempt < 6; attempt++) {
    const now = await state();
    if (now.elder === wanted.elder && now.highContrast === wanted.highContrast && now.language === wanted.language) return;
    const control = now.elder !== wanted.elder ? 'elder-mode' : now.highContrast !== wanted.highContrast ? 'high-contrast' : 'language';
    await page.locator(`[data-action="${control}"]`).first().click();
    // <html lang> follows in an effect after the render: wait for the switch to show before looking again
    await page.waitForFunction((before) => {
      const root = document.querySelector<HTMLElement>('.kiosk');
      const after = {
        elder: root?.dataset.elder === 'true',
        highContrast: root?.dataset.contrast === 'high',
        language: document.documentElement.lang,
      };
      return JSON.stringify(after) !== before;
    }, JSON.stringify(now));
  }
  throw new Error(`could not switch the kiosk to ${JSON.stringify(wanted)}; it shows ${JSON.stringify(await state())}`);
}
