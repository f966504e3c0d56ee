import type { ScreenName } from '../flows/screen-names.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** Spoken guidance that belongs to an overlay rather than a screen. */
export const overlayClips = ['idle-warning', 'staff-called'] as const;
export type OverlayClip = (typeof overlayClips)[number];

/** What can be spoken: every screen, and the overlays that cover a screen. */
export type VoiceClip = ScreenName | OverlayClip;

/**
 * Every screen must have spoken guidance. When a screen name is added without a `voice.<name>`
 * message, tsc stops here and the error names the missing key (add it to messages.ts, both languages).
 */
const everyScreenHasVoice: [Exclude<`voice.${VoiceClip}`, MessageKey>] extends [never]
  ? 'ok'
  : { addToMessagesTs: Exclude<`voice.${VoiceClip}`, MessageKey> } = 'ok';
void everyScreenHasVoice;

export function voiceKeyOf(clip: VoiceClip): MessageKey {
  return `voice.${clip}` as MessageKey;
}

/** The message keys whose text becomes a clip: `voice.<clip>` → clip name. */
export const voiceKeyPrefix = 'voice.';
export const voiceControlKeys: ReadonlySet<string> = new Set(['voice.repeat', 'voice.repeatLabel']);

/** The clip names in a catalogue: every `voice.*` key except the repeat button's own labels. */
export function clipNamesIn(catalogue: Record<string, string>): string[] {
  return Object.keys(catalogue)
    .filter((key) => key.startsWith(voiceKeyPrefix) && !voiceControlKeys.has(key))
    .map((key) => key.slice(voiceKeyPrefix.length));
}
