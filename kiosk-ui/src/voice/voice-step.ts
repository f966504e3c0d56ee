import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { StepName } from './steps.ts';

/**
 * A step inside one screen with its own spoken guidance (e.g. "how many copies?" after "print",
 * or "what went wrong?" after a bad rating): one of steps.ts, each with a `voice.<step>` message.
 */
export type VoiceStepName = StepName;

export const VoiceStepContext = createContext<(step: VoiceStepName | null) => void>(() => undefined);

/**
 * Speaks `step`'s clip instead of the screen's while this component shows it; when the step ends
 * (null or unmount) the screen's own clip is spoken again.
 */
export function useVoiceStep(step: VoiceStepName | null | undefined): void {
  const setStep = useContext(VoiceStepContext);
  useEffect(() => {
    if (!step) return;
    setStep(step);
    return () => setStep(null);
  }, [setStep, step]);
}
