import { useEffect } from 'preact/hooks';
import type { Language } from '../i18n/messages.ts';

/** Keeps <html lang> on the shown language so speech output picks the right voice. */
export function useDocumentLanguage(language: Language) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
