import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * A step inside one screen that deserves its own spoken guidance (e.g. "how many copies?" after
 * "print", or "what went wrong?" after a bad rating): any `voice.<name>` message, checked by tsc.
 */
export type VoiceStepName = MessageKey extends infer Key ? (Key extends `voice.${infer Name}` ? Name : never) : never;

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
