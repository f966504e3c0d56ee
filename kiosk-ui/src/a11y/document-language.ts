import { useEffect } from 'preact/hooks';
import { languageInfo, type LanguageTag } from '../i18n/languages.ts';

/** Keeps <html lang> and dir on the shown language so assistive tech and speech pick the right voice. */
export function useDocumentLanguage(language: LanguageTag) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = languageInfo(language).dir;
  }, [language]);
}
