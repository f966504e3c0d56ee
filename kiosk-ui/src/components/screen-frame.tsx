import type { ComponentChildren } from 'preact';
import type { ScreenName } from '../flows/session.screens.ts';
import { useFocusOnMount } from '../a11y/focus.ts';
import { useVoiceStep, type VoiceStepName } from '../voice/voice-step.ts';

export interface ScreenFrameProps {
  name: ScreenName;
  /** text, or text with a part in the platform's language (`<PlatformText>`) */
  title: ComponentChildren;
  children?: ComponentChildren;
  /**
   * buttons pinned to the bottom of the screen, where a hand rests: the confirm button (primary)
   * and the ways out (secondary), which step aside in 关爱模式
   */
  actions?: ComponentChildren;
  tone?: 'normal' | 'warning';
  /**
   * the step of this screen on view (voice/steps.ts): `data-step`, and its own spoken guidance
   * (`voice.<step>`); without one the screen's own clip speaks (a journey's first view)
   */
  step?: VoiceStepName | null;
}

/**
 * Every screen's root: `data-screen` (and `data-step`) for the browser tests, one heading that
 * takes focus when the screen appears (so a screen reader starts there), content, then the actions.
 */
export function ScreenFrame({ name, title, children, actions, tone = 'normal', step }: ScreenFrameProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  useVoiceStep(step);
  return (
    <section class={`screen screen--${tone}`} data-screen={name} data-step={step ?? undefined} aria-labelledby={`${name}-title`}>
      <h1 id={`${name}-title`} class="screen__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      {/* focusable: content taller than the screen (elder mode, a long ticket) scrolls from the keypad too */}
      <div class="screen__body" tabIndex={0}>
        {children}
      </div>
      {actions ? <div class="screen__actions">{actions}</div> : null}
    </section>
  );
}
