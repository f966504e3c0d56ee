import { useEffect, useMemo } from 'preact/hooks';
import type { LanguageTag } from '../i18n/languages.ts';
import { createVoiceGuide, type VoiceGuide } from './voice-guide.ts';
import { createManifestLoader } from './voice-manifest.ts';
import type { VoiceClip } from './screen-voice.ts';
import type { VoiceStepName } from './voice-step.ts';

/** The element that replays guidance; touching it must not count as "stop talking". */
export const repeatVoiceSelector = '[data-action="repeat-voice"]';

/**
 * Speaks `clip` whenever it or the language changes; any touch or key press silences it
 * (EN 301 549 5.1.3.4/5.1.3.5). What is speaking is mirrored on <html> as data-voice-clip /
 * data-voice-state, which the browser tests read.
 */
export function useVoiceGuide(clip: VoiceClip | VoiceStepName, language: LanguageTag, rate = 1): VoiceGuide {
  const guide = useMemo(() => {
    const audio = new Audio();
    audio.preload = 'auto';
    const created = createVoiceGuide({
      audio,
      loadManifest: createManifestLoader(),
      onChange(state, current) {
        const root = document.documentElement;
        root.dataset.voiceState = state;
        if (current) root.dataset.voiceClip = `${current.language}:${current.clip}`;
        else delete root.dataset.voiceClip;
      },
    });
    audio.addEventListener('ended', () => created.ended());
    return created;
  }, []);

  useEffect(() => guide.setRate(rate), [guide, rate]);

  useEffect(() => {
    void guide.say(clip, language);
  }, [guide, clip, language]);

  useEffect(() => {
    const silence = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(repeatVoiceSelector)) return;
      guide.stop();
    };
    document.addEventListener('pointerdown', silence, true);
    document.addEventListener('keydown', silence, true);
    return () => {
      document.removeEventListener('pointerdown', silence, true);
      document.removeEventListener('keydown', silence, true);
      guide.stop();
    };
  }, [guide]);

  return guide;
}
