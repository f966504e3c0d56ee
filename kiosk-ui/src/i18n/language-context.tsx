import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LanguageTag } from './languages.ts';
import { defaultLanguage, type MessageKey } from './messages.ts';
import { translate, type MessageParams } from './translate.ts';

export interface LanguageState {
  language: LanguageTag;
  setLanguage: (language: LanguageTag) => void;
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
