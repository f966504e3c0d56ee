// Pure: the session machine (flows/) reads the pacing from here; the Preact context is in display-mode-context.ts.

/**
 * How the screen is presented for the person in front of it: elder mode (关爱模式: larger text
 * and targets, slower pacing, and one decision per screen — the menu and the guide list ask one
 * question per page (screens/menu.tsx, screens/guides.tsx), and on every screen the ways out step
 * aside from the screen's own choice (styles.css); tests/e2e/a11y-audit.ts checks the rule) and
 * high contrast. Both reset to the defaults when the session ends, so the next citizen starts from
 * the usual screen.
 */
export interface DisplayMode {
  elder: boolean;
  highContrast: boolean;
}

export const defaultDisplayMode: DisplayMode = { elder: false, highContrast: false };

/** Elder mode gives people half as much time again for every read-and-act delay. */
export const elderPacingFactor = 1.5;

/** The multiplier the flow machines apply to delays that wait for a person to read or act. */
export function pacingFactor(mode: DisplayMode): number {
  return mode.elder ? elderPacingFactor : 1;
}

/** Spoken guidance is slower in elder mode too (HTMLMediaElement.playbackRate; pitch is kept). */
export function speechRate(mode: DisplayMode): number {
  return mode.elder ? 0.85 : 1;
}

/** The smallest text and touch target each mode promises (CSS px); the browser tests check them. */
export const modeMinimums = {
  default: { textPx: 24, targetPx: 48 },
  elder: { textPx: 32, targetPx: 64 },
} as const;

/** The attributes on the kiosk root that switch the CSS tokens in styles.css. */
export function displayModeAttributes(mode: DisplayMode): Record<string, string> {
  return {
    'data-elder': String(mode.elder),
    'data-contrast': mode.highContrast ? 'high' : 'normal',
  };
}
