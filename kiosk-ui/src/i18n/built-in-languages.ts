import type { languages } from './messages.ts';

/** What the kiosk needs to know about a language besides its texts. */
export interface LanguageInfo {
  /** BCP 47 tag, also set as <html lang> */
  tag: string;
  /** the language's name in itself, shown on the switch button */
  name: string;
  /** espeak-ng voice for the build-time voice clips (`espeak-ng --voices`) */
  espeakVoice: string;
  dir: 'ltr' | 'rtl';
}

/** The languages whose catalogues live in messages.ts (complete, checked by tsc). */
export const builtInLanguageInfo: Record<(typeof languages)[number], LanguageInfo> = {
  'zh-CN': { tag: 'zh-CN', name: '中文', espeakVoice: 'cmn', dir: 'ltr' },
  en: { tag: 'en', name: 'English', espeakVoice: 'en', dir: 'ltr' },
};
