import type { ComponentChildren } from 'preact';
import type { ScreenName } from '../flows/session.screens.ts';
import { useFocusOnMount } from '../a11y/focus.ts';
import { useVoiceStep, type VoiceStepName } from '../voice/voice-step.ts';

export interface ScreenFrameProps {
  name: ScreenName;
  title: string;
  children?: ComponentChildren;
  /** buttons pinned to the bottom of the screen, where a hand rests */
  actions?: ComponentChildren;
  tone?: 'normal' | 'warning';
  /** a step of this screen with its own spoken guidance (`voice.<step>` in messages.ts) */
  voiceStep?: VoiceStepName | null;
}

/**
 * Every screen's root: `data-screen` for the browser tests, one heading that takes focus when the
 * screen appears (so a screen reader starts there), content, then the actions.
 */
export function ScreenFrame({ name, title, children, actions, tone = 'normal', voiceStep }: ScreenFrameProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  useVoiceStep(voiceStep);
  return (
    <section class={`screen screen--${tone}`} data-screen={name} aria-labelledby={`${name}-title`}>
      <h1 id={`${name}-title`} class="screen__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      <div class="screen__body">{children}</div>
      {actions ? <div class="screen__actions">{actions}</div> : null}
    </section>
  );
}
