import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { defaultLanguage, type Language, type MessageKey } from './messages.ts';
import { translate, type MessageParams } from './translate.ts';

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export const LanguageContext = createContext<LanguageState>({
  language: defaultLanguage,
  setLanguage: () => undefined,
  t: (key, params) => translate(defaultLanguage, key, params),
});

export function useI18n(): LanguageState {
  return useContext(LanguageContext);
}
