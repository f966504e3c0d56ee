import type { LanguageInfo } from './built-in-languages.ts';
import { catalogues, defaultLanguage, type MessageKey } from './messages.ts';

/** A further language as data: `locales/<tag>.json` (see locales/README.md). */
export interface LocaleFile {
  language: LanguageInfo;
  messages: Partial<Record<MessageKey, string>>;
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

/**
 * Checks a locale file against the zh-CN source: a known language shape, only known keys, the
 * same `{placeholders}` as the source. Returns the problems (empty when the file is usable).
 * Keys it lacks fall back to zh-CN, so a partial translation is usable and reported, not fatal.
 */
export function localeProblems(file: unknown, source: Record<string, string> = catalogues[defaultLanguage]): string[] {
  const problems: string[] = [];
  if (typeof file !== 'object' || file === null) return ['not a JSON object'];
  const { language, messages } = file as { language?: Partial<LanguageInfo>; messages?: Record<string, unknown> };
  if (!language || typeof language.tag !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language.tag)) {
    problems.push('language.tag must be a BCP 47 tag such as "ug" or "bo-CN"');
  }
  if (!language || typeof language.name !== 'string' || language.name === '') problems.push('language.name is missing');
  if (!language || typeof language.espeakVoice !== 'string' || language.espeakVoice === '') {
    problems.push('language.espeakVoice is missing (see `espeak-ng --voices`)');
  }
  if (!language || (language.dir !== 'ltr' && language.dir !== 'rtl')) problems.push('language.dir must be "ltr" or "rtl"');
  if (typeof messages !== 'object' || messages === null) return [...problems, 'messages must be an object'];
  for (const [key, text] of Object.entries(messages)) {
    if (!Object.hasOwn(source, key)) {
      problems.push(`unknown key "${key}"`);
      continue;
    }
    if (typeof text !== 'string' || text === '') {
      problems.push(`"${key}" must be non-empty text`);
      continue;
    }
    const expected = placeholdersOf(source[key]!).join(',');
    if (placeholdersOf(text).join(',') !== expected) problems.push(`"${key}" must use the placeholders {${expected}}`);
  }
  return problems;
}

/** Keys of the source the locale does not translate (shown in zh-CN until translated). */
export function missingKeys(file: LocaleFile, source: Record<string, string> = catalogues[defaultLanguage]): string[] {
  return Object.keys(source).filter((key) => !Object.hasOwn(file.messages, key));
}
